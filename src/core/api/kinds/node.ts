import type { Node } from 'kubernetes-types/core/v1';
import { arrayOf, bool, object, str } from '../schema/dsl';
import { statusAny, topLevel } from '../schema/meta';
import { type FieldError, notSupported } from '../field-errors';
import { validateObjectMeta } from '../validation/metadata';
import type { Writable } from '../types';
import type { KindStrategy } from './strategy';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

const taint = object('Taint', 'Repels pods that do not tolerate it.', {
  key: str('Taint key.'),
  value: str('Taint value.'),
  effect: str('What happens to pods that do not tolerate the taint.', EFFECTS),
  timeAdded: str('When a NoExecute taint was added.'),
}, ['key', 'effect']);

const schema = topLevel('Node', 'A machine that runs pods; registered by its kubelet.', {
  spec: object('NodeSpec', 'How the node is configured.', {
    podCIDR: str('Pod IP range assigned to the node.'),
    podCIDRs: arrayOf(str(''), 'Pod IP ranges assigned to the node.'),
    providerID: str('ID of the node at the cloud provider.'),
    unschedulable: bool('When true (cordoned), no new pods are scheduled onto the node.'),
    taints: arrayOf(taint, 'Taints of the node.'),
    configSource: statusAny,
    externalID: str('Deprecated.'),
  }),
  status: statusAny,
});

export const nodeStrategy: KindStrategy<Node> = {
  type: { kind: 'Node', group: '', version: 'v1', plural: 'nodes', singular: 'node', shortNames: ['no'], namespaced: false },
  schema,
  nameRule: 'subdomain',
  prepareForUpdate: (node, old) => {
    (node as Writable<Node>).status = old.status;
  },
  validate: (node) => {
    const errs: FieldError[] = validateObjectMeta(node.metadata, false, 'subdomain');
    (node.spec?.taints ?? []).forEach((t, i) => {
      if (!EFFECTS.includes(t.effect)) errs.push(notSupported(`spec.taints[${i}].effect`, t.effect, EFFECTS));
    });
    return errs;
  },
};
