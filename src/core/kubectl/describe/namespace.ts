import type { Namespace } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/types';
import type { ObjectStore } from '../../store/object-store';
import { DescribeWriter, writeAnnotations, writeLabels } from './writer';

/** `kubectl describe namespace` (describeNamespace): metadata, phase, then quotas and limit ranges. */
export function describeNamespace(store: ObjectStore, ns: Stored<Namespace>): string {
  const w = new DescribeWriter();
  w.line(0, `Name:\t${ns.metadata.name}`);
  writeLabels(w, 'Labels', ns.metadata.labels);
  writeAnnotations(w, ns.metadata.annotations);
  w.line(0, `Status:\t${ns.status?.phase ?? ''}`);
  const quotas = store.list('ResourceQuota', ns.metadata.name);
  w.line(0, '');
  // Quotas are described once the ResourceQuota kind is served; until then there are none.
  w.line(0, quotas.length === 0 ? 'No resource quota.' : `Resource Quotas: ${quotas.length}`);
  w.line(0, '');
  w.line(0, 'No LimitRange resource.');
  return w.toString();
}
