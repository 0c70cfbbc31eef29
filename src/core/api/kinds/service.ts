import type { Service } from 'kubernetes-types/core/v1';
import { ApiError } from '../../store/api-error';
import { allocateClusterIP, allocateNodePort, inServiceRange, isClusterIPTaken, isNodePortTaken, SERVICE_CIDR } from '../../network/allocators';
import { defaultService, needsNodePorts } from '../defaults/service';
import { serviceSchema } from '../schema/network';
import type { Writable } from '../types';
import { validateService, validateServiceUpdate } from '../validation/service';
import { keepStatus } from './status-subresource';
import type { AdmissionContext, KindStrategy } from './strategy';

/**
 * The Service REST storage: defaults, then the IP and port allocators. A requested cluster IP or
 * node port that is taken or out of range is refused with the allocator's wording.
 */
function allocate(svc: Service, ctx: AdmissionContext): void {
  const spec = svc.spec!;
  const name = svc.metadata?.name ?? '';
  if (spec.type !== 'ExternalName') {
    if (spec.clusterIP === undefined || spec.clusterIP === '') spec.clusterIP = allocateClusterIP(ctx.store, ctx.rng);
    else if (spec.clusterIP !== 'None') {
      const ip = spec.clusterIP;
      const detail = !inServiceRange(ip)
        ? `failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`
        : isClusterIPTaken(ctx.store, ip)
          ? `failed to allocate IP ${ip}: provided IP is already allocated`
          : undefined;
      if (detail) throw ApiError.invalid('Service', name, [{ type: 'Invalid', field: 'spec.clusterIPs', value: { __go: `[]string{${JSON.stringify(ip)}}` }, detail }]);
    }
    spec.clusterIPs = [spec.clusterIP];
    if (spec.clusterIP !== 'None' || spec.ipFamilies) {
      spec.ipFamilies ??= ['IPv4'];
      spec.ipFamilyPolicy ??= 'SingleStack';
    }
  }
  if (needsNodePorts(svc)) {
    const used = new Set<number>();
    (spec.ports ?? []).forEach((p, i) => {
      if (p.nodePort !== undefined) {
        if (isNodePortTaken(ctx.store, p.nodePort) || used.has(p.nodePort)) {
          throw ApiError.invalid('Service', name, [{ type: 'Invalid', field: `spec.ports[${i}].nodePort`, value: p.nodePort, detail: 'provided port is already allocated' }]);
        }
      } else p.nodePort = allocateNodePort(ctx.store, ctx.rng, used);
      used.add(p.nodePort);
    });
  }
}

export const serviceStrategy: KindStrategy<Service> = {
  type: { kind: 'Service', group: '', version: 'v1', plural: 'services', singular: 'service', shortNames: ['svc'], namespaced: true, categories: ['all'] },
  schema: serviceSchema,
  nameRule: 'dns1035-label',
  prepareForCreate: (svc, ctx) => {
    defaultService(svc);
    (svc as Writable<Service>).status = { loadBalancer: {} };
    if (validateService(svc).length === 0) allocate(svc, ctx);
  },
  prepareForUpdate: (svc, old) => {
    keepStatus(svc, old);
    defaultService(svc);
    // patchAllocatedValues: what the allocators chose stays when the update leaves it out.
    const spec = svc.spec!;
    if (!spec.clusterIP && old.spec?.clusterIP && spec.type === old.spec.type) {
      spec.clusterIP = old.spec.clusterIP;
      spec.clusterIPs = old.spec.clusterIPs;
      spec.ipFamilies ??= old.spec.ipFamilies;
      spec.ipFamilyPolicy ??= old.spec.ipFamilyPolicy;
    }
    for (const p of spec.ports ?? []) {
      const before = old.spec?.ports?.find((o) => o.port === p.port && o.protocol === p.protocol);
      if (p.nodePort === undefined && before?.nodePort !== undefined && needsNodePorts(svc)) p.nodePort = before.nodePort;
    }
  },
  validate: validateService,
  validateUpdate: validateServiceUpdate,
};
