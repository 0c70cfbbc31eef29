import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { deepEqual } from '../api/clone';
import type { KubeObject, Stored } from '../api/types';
import type { ObjectStore } from '../store/object-store';
import { ownedBy } from './claim';
import { computeHash } from './deployment/util';
import { controllerRefTo } from './pods';

/** The label carrying a pod's template revision (apps/v1 ControllerRevisionHashLabelKey). */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller-revision-hash';

export interface Revisions {
  /** The revision of the current template. */
  readonly update: Stored<ControllerRevision>;
  readonly all: readonly Stored<ControllerRevision>[];
}

/**
 * pkg/controller/history: DaemonSets and StatefulSets snapshot their pod template in
 * ControllerRevisions named `<owner>-<hash>`, numbered in order. Going back to an earlier
 * template reuses its revision object and gives it the next number; revisions beyond
 * revisionHistoryLimit that no pod uses are deleted.
 */
export function syncRevisions(store: ObjectStore, owner: Stored<KubeObject>, template: PodTemplateSpec, historyLimit: number, inUse: ReadonlySet<string>): Revisions {
  const data = { spec: { template: { ...template, $patch: 'replace' } } };
  let all = ownedBy<ControllerRevision>(store, owner, 'ControllerRevision').sort((a, b) => a.revision - b.revision);
  const max = all.reduce((m, r) => Math.max(m, r.revision), 0);
  let update = all.find((r) => deepEqual(r.data, data));
  if (update && update.revision !== max) {
    update = store.patch<ControllerRevision>('ControllerRevision', update.metadata.name, update.metadata.namespace, (r) => {
      r.revision = max + 1;
    });
  } else if (!update) {
    const hash = computeHash(template, undefined);
    update = store.create<ControllerRevision>({
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: {
        name: `${owner.metadata.name}-${hash}`,
        namespace: owner.metadata.namespace,
        labels: { ...((owner.spec as { selector?: { matchLabels?: Record<string, string> } }).selector?.matchLabels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: hash },
        ownerReferences: [controllerRefTo(owner)],
      },
      data,
      revision: max + 1,
    });
  }
  all = ownedBy<ControllerRevision>(store, owner, 'ControllerRevision').sort((a, b) => a.revision - b.revision);
  const removable = all.filter((r) => r.metadata.uid !== update!.metadata.uid && !inUse.has(revisionHash(r)));
  for (const r of removable.slice(0, Math.max(0, all.length - 1 - historyLimit))) store.delete('ControllerRevision', r.metadata.name, r.metadata.namespace);
  return { update, all: ownedBy<ControllerRevision>(store, owner, 'ControllerRevision') };
}

/** The hash part of a revision's name. */
export function revisionHash(r: ControllerRevision): string {
  return r.metadata?.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '';
}
