import type { Container, Pod } from 'kubernetes-types/core/v1';
import { milliCores, quantityValue } from './quantity';

/** Resource amounts in base units: millicores for cpu, bytes for memory, counts for devices. */
export type ResourceAmounts = Record<string, number>;

/** A resource name's amount in the unit the scheduler counts it in (cpu in millicores). */
export function amountOf(resource: string, q: string | number | undefined): number {
  return resource === 'cpu' ? milliCores(q) : quantityValue(q);
}

function containerRequests(c: Container): ResourceAmounts {
  const out: ResourceAmounts = {};
  for (const [name, q] of Object.entries(c.resources?.requests ?? {})) out[name] = amountOf(name, q as string);
  return out;
}

/**
 * The pod's effective request, as the scheduler and kubelet compute it
 * (k8s.io/component-helpers resource.PodRequests): the sum over app containers and sidecars,
 * against the largest single init container (sidecars started before it count too),
 * plus the pod overhead.
 */
export function podRequests(pod: Pod): ResourceAmounts {
  const spec = pod.spec;
  const total: ResourceAmounts = {};
  if (!spec) return total;
  for (const c of spec.containers ?? []) addInto(total, containerRequests(c));
  const initMax: ResourceAmounts = {};
  const sidecars: ResourceAmounts = {};
  for (const c of spec.initContainers ?? []) {
    const req = containerRequests(c);
    if (c.restartPolicy === 'Always') {
      addInto(sidecars, req);
      addInto(total, req);
    } else {
      const withSidecars = { ...sidecars };
      addInto(withSidecars, req);
      maxInto(initMax, withSidecars);
    }
  }
  maxInto(total, initMax);
  for (const [name, q] of Object.entries(spec.overhead ?? {})) total[name] = (total[name] ?? 0) + amountOf(name, q as string);
  return total;
}

function addInto(into: ResourceAmounts, from: ResourceAmounts): void {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

function maxInto(into: ResourceAmounts, from: ResourceAmounts): void {
  for (const [k, v] of Object.entries(from)) into[k] = Math.max(into[k] ?? 0, v);
}

/**
 * QoS class (pkg/apis/core/helper/qos): Guaranteed when every container sets cpu and memory
 * limits equal to its requests, BestEffort when no container sets any, Burstable otherwise.
 */
export function qosClass(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const r of ['cpu', 'memory']) {
      if (req[r] !== undefined || lim[r] !== undefined) any = true;
      if (lim[r] === undefined || (req[r] !== undefined && amountOf(r, req[r]) !== amountOf(r, lim[r]))) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
