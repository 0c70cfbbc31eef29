import type { Lease } from 'kubernetes-types/coordination/v1';
import { type FieldError, invalid } from '../field-errors';
import { int, object, str } from '../schema/dsl';
import { topLevel } from '../schema/meta';
import { validateObjectMeta } from '../validation/metadata';
import type { KindStrategy } from './strategy';

const schema = topLevel('Lease', 'A lock with a holder and an expiry. Each kubelet renews one in kube-node-lease as its heartbeat.', {
  spec: object('LeaseSpec', 'Who holds the lease and until when.', {
    holderIdentity: str('Identity of the current holder (for node leases, the node name).'),
    leaseDurationSeconds: int('Seconds a candidate must wait after the last renewTime before taking the lease over.'),
    acquireTime: str('When the current holder acquired the lease (MicroTime).'),
    renewTime: str('When the holder last renewed the lease (MicroTime).'),
    leaseTransitions: int('How many times the lease has changed holders.'),
    strategy: str('Strategy for picking the leader in coordinated leader election.'),
    preferredHolder: str('The holder the lease should move to, in coordinated leader election.'),
  }),
});

/** coordination.k8s.io/v1 Lease (ValidateLease: durations positive, transitions not negative). */
export const leaseStrategy: KindStrategy<Lease> = {
  type: { kind: 'Lease', group: 'coordination.k8s.io', version: 'v1', plural: 'leases', singular: 'lease', shortNames: [], namespaced: true },
  schema,
  nameRule: 'subdomain',
  validate: (lease) => {
    const errs: FieldError[] = validateObjectMeta(lease.metadata, true, 'subdomain');
    const spec = lease.spec ?? {};
    if (spec.leaseDurationSeconds !== undefined && spec.leaseDurationSeconds <= 0) {
      errs.push(invalid('spec.leaseDurationSeconds', spec.leaseDurationSeconds, 'must be greater than 0'));
    }
    if (spec.leaseTransitions !== undefined && spec.leaseTransitions < 0) {
      errs.push(invalid('spec.leaseTransitions', spec.leaseTransitions, 'must be greater than or equal to 0'));
    }
    return errs;
  },
};
