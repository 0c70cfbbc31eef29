import type { PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { selectorMatches } from '../api/labels';
import { formatQuantity, quantityValue } from '../api/quantity';
import { PV_PROTECTION_FINALIZER, PVC_PROTECTION_FINALIZER } from '../api/kinds/storage';
import type { Stored } from '../api/types';
import type { SimContext } from '../sim-context';
import { Controller } from './controller';
import { removeFinalizer } from './finalizers';
import { keyOf, splitKey } from './keys';
import type { Requeue } from './work-queue';

export const SELECTED_NODE_ANNOTATION = 'volume.kubernetes.io/selected-node';
export const STORAGE_PROVISIONER_ANNOTATION = 'volume.kubernetes.io/storage-provisioner';
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';
/** How long the simulated provisioner takes to create a volume. */
const PROVISION_MS = 1500;

/**
 * The PersistentVolume controller (pkg/controller/volume/persistentvolume) with a simulated
 * external provisioner and the protection controllers:
 * - a Pending claim binds to the smallest Available volume of its class that has its access
 *   modes, size, volume mode and selector (static binding);
 * - failing that, a class with a provisioner creates `pvc-<uid>` for it: at once with
 *   Immediate binding, or once the scheduler has picked a node (WaitForFirstConsumer);
 * - a volume whose claim is gone is Released, and deleted when its reclaim policy is Delete;
 * - the pvc-protection and pv-protection finalizers are removed only when nothing uses the
 *   claim or volume any more.
 */
export class PersistentVolumeController extends Controller {
  /** When the simulated provisioner started on each claim (by uid). */
  private readonly provisioningSince = new Map<string, number>();

  constructor(ctx: SimContext) {
    super(ctx, 'persistentvolume-controller');
    this.watchOwn('PersistentVolumeClaim');
    this.watchRelated<PersistentVolumeClaim>('PersistentVolumeClaim', (e) => (e.object.spec?.volumeName ? [`pv:${e.object.spec.volumeName}`] : []));
    this.watchRelated<PersistentVolume>('PersistentVolume', (e) => {
      const ref = e.object.spec?.claimRef;
      const pending = ctx.store.list<PersistentVolumeClaim>('PersistentVolumeClaim').filter((c) => c.status?.phase === 'Pending').map(keyOf);
      return [`pv:${e.object.metadata.name}`, ...(ref ? [`${ref.namespace}/${ref.name}`] : []), ...pending];
    });
    this.watchRelated<Pod>('Pod', (e) => (e.type === 'DELETED' || isFinished(e.object) ? (e.object.spec?.volumes ?? []).flatMap((v) => (v.persistentVolumeClaim ? [`${e.object.metadata.namespace}/${v.persistentVolumeClaim.claimName}`] : [])) : []));
    this.watchRelated<StorageClass>('StorageClass', () => ctx.store.list('PersistentVolumeClaim').map(keyOf));
    for (const pv of ctx.store.list('PersistentVolume')) this.queue.add(`pv:${pv.metadata.name}`);
  }

  reconcile(key: string): Requeue | void {
    if (key.startsWith('pv:')) return this.syncVolume(key.slice(3));
    const { namespace, name } = splitKey(key);
    const pvc = this.ctx.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', name, namespace);
    if (!pvc) return;
    if (pvc.metadata.deletionTimestamp) return this.releaseProtection(pvc);
    if (pvc.spec?.volumeName) return this.syncBound(pvc);
    return this.bindOrProvision(pvc);
  }

  private bindOrProvision(pvc: Stored<PersistentVolumeClaim>): Requeue | void {
    const { store } = this.ctx;
    const match = this.findVolume(pvc);
    if (match) return this.bind(pvc, match);
    const className = pvc.spec?.storageClassName;
    const sc = className ? store.get<StorageClass>('StorageClass', className) : undefined;
    if (!className) {
      this.event(pvc, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set');
      return;
    }
    if (!sc) {
      this.event(pvc, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io ${JSON.stringify(className)} not found`);
      return;
    }
    if (sc.provisioner === NO_PROVISIONER) {
      this.event(pvc, 'Normal', sc.volumeBindingMode === 'WaitForFirstConsumer' ? 'WaitForFirstConsumer' : 'FailedBinding',
        sc.volumeBindingMode === 'WaitForFirstConsumer' ? 'waiting for first consumer to be created before binding' : 'no persistent volumes available for this claim and no storage class is set');
      return;
    }
    const node = pvc.metadata.annotations?.[SELECTED_NODE_ANNOTATION];
    if (sc.volumeBindingMode === 'WaitForFirstConsumer' && !node) {
      this.event(pvc, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding');
      return;
    }
    return this.provision(pvc, sc, node);
  }

  private provision(pvc: Stored<PersistentVolumeClaim>, sc: Stored<StorageClass>, node: string | undefined): Requeue | void {
    const { store } = this.ctx;
    const started = pvc.metadata.annotations?.[STORAGE_PROVISIONER_ANNOTATION];
    if (!started) {
      store.patch<PersistentVolumeClaim>('PersistentVolumeClaim', pvc.metadata.name, pvc.metadata.namespace, (d) => {
        d.metadata!.annotations = { ...(d.metadata!.annotations ?? {}), [STORAGE_PROVISIONER_ANNOTATION]: sc.provisioner, 'volume.beta.kubernetes.io/storage-provisioner': sc.provisioner };
      });
      this.event(pvc, 'Normal', 'ExternalProvisioning', `Waiting for a volume to be created either by the external provisioner '${sc.provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`);
      this.ctx.recorder.record(pvc, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${pvc.metadata.namespace}/${pvc.metadata.name}"`, provisionerSource(sc));
    }
    const since = this.provisioningSince.get(pvc.metadata.uid) ?? this.ctx.clock.now();
    this.provisioningSince.set(pvc.metadata.uid, since);
    const wait = since + PROVISION_MS - this.ctx.clock.now();
    if (wait > 0) return { requeueAfterMs: wait };
    this.provisioningSince.delete(pvc.metadata.uid);
    const name = `pvc-${pvc.metadata.uid}`;
    if (store.get('PersistentVolume', name)) return;
    const pv: PersistentVolume = {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name, annotations: { 'pv.kubernetes.io/provisioned-by': sc.provisioner } },
      spec: {
        capacity: { storage: String(pvc.spec?.resources?.requests?.storage ?? '1Gi') },
        accessModes: [...(pvc.spec?.accessModes ?? ['ReadWriteOnce'])],
        persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
        storageClassName: sc.metadata.name,
        volumeMode: pvc.spec?.volumeMode ?? 'Filesystem',
        claimRef: { kind: 'PersistentVolumeClaim', apiVersion: 'v1', namespace: pvc.metadata.namespace, name: pvc.metadata.name, uid: pvc.metadata.uid, resourceVersion: pvc.metadata.resourceVersion },
        hostPath: { path: `/opt/local-path-provisioner/${name}_${pvc.metadata.namespace}_${pvc.metadata.name}`, type: 'DirectoryOrCreate' },
        ...(node ? { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } } } : {}),
      },
    };
    store.create(pv);
    this.ctx.recorder.record(pvc, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${name}`, provisionerSource(sc));
  }

  /** The smallest Available volume that satisfies the claim (findBestMatchForClaim). */
  private findVolume(pvc: Stored<PersistentVolumeClaim>): Stored<PersistentVolume> | undefined {
    const want = quantityValue(pvc.spec?.resources?.requests?.storage as string | undefined);
    const cls = pvc.spec?.storageClassName ?? '';
    let best: Stored<PersistentVolume> | undefined;
    for (const pv of this.ctx.store.list<PersistentVolume>('PersistentVolume')) {
      const ref = pv.spec?.claimRef;
      if (pv.metadata.deletionTimestamp) continue;
      // A volume pre-bound to this claim wins; one bound to another claim is out.
      if (ref && !(ref.name === pvc.metadata.name && ref.namespace === pvc.metadata.namespace && (!ref.uid || ref.uid === pvc.metadata.uid))) continue;
      if ((pv.spec?.storageClassName ?? '') !== cls) continue;
      if (!ref && pv.status?.phase !== 'Available') continue;
      if ((pv.spec?.volumeMode ?? 'Filesystem') !== (pvc.spec?.volumeMode ?? 'Filesystem')) continue;
      if (!(pvc.spec?.accessModes ?? []).every((m) => pv.spec?.accessModes?.includes(m))) continue;
      const size = quantityValue(pv.spec?.capacity?.storage as string | undefined);
      if (size < want) continue;
      if (pvc.spec?.selector && !selectorMatches(pvc.spec.selector, pv.metadata.labels)) continue;
      if (ref) return pv;
      if (!best || size < quantityValue(best.spec?.capacity?.storage as string | undefined)) best = pv;
    }
    return best;
  }

  private bind(pvc: Stored<PersistentVolumeClaim>, pv: Stored<PersistentVolume>): void {
    const { store } = this.ctx;
    store.patch<PersistentVolume>('PersistentVolume', pv.metadata.name, undefined, (d) => {
      d.spec!.claimRef = { kind: 'PersistentVolumeClaim', apiVersion: 'v1', namespace: pvc.metadata.namespace, name: pvc.metadata.name, uid: pvc.metadata.uid, resourceVersion: pvc.metadata.resourceVersion };
      d.metadata!.annotations = { ...(d.metadata!.annotations ?? {}), 'pv.kubernetes.io/bound-by-controller': 'yes' };
    });
    store.patchStatus<PersistentVolume>('PersistentVolume', pv.metadata.name, undefined, (d) => {
      (d as { status?: PersistentVolume['status'] }).status = { phase: 'Bound' };
    });
    store.patch<PersistentVolumeClaim>('PersistentVolumeClaim', pvc.metadata.name, pvc.metadata.namespace, (d) => {
      d.spec!.volumeName = pv.metadata.name;
      d.metadata!.annotations = { ...(d.metadata!.annotations ?? {}), 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' };
    });
    this.setClaimBound(pvc, pv);
  }

  private setClaimBound(pvc: Stored<PersistentVolumeClaim>, pv: Stored<PersistentVolume>): void {
    const size = pv.spec?.capacity?.storage;
    this.ctx.store.patchStatus<PersistentVolumeClaim>('PersistentVolumeClaim', pvc.metadata.name, pvc.metadata.namespace, (d) => {
      (d as { status?: PersistentVolumeClaim['status'] }).status = {
        phase: 'Bound',
        accessModes: [...(pv.spec?.accessModes ?? [])],
        capacity: { storage: typeof size === 'string' ? size : formatQuantity(Number(size ?? 0), 'BinarySI') },
      };
    });
  }

  /** A claim that names its volume: finish the binding from whichever side is missing. */
  private syncBound(pvc: Stored<PersistentVolumeClaim>): void {
    const pv = this.ctx.store.get<PersistentVolume>('PersistentVolume', pvc.spec!.volumeName!);
    if (!pv) {
      if (pvc.status?.phase !== 'Lost') {
        this.ctx.store.patchStatus<PersistentVolumeClaim>('PersistentVolumeClaim', pvc.metadata.name, pvc.metadata.namespace, (d) => {
          (d as { status?: PersistentVolumeClaim['status'] }).status = { phase: 'Lost' };
        });
        this.event(pvc, 'Warning', 'ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!');
      }
      return;
    }
    const ref = pv.spec?.claimRef;
    if (!ref || ref.uid !== pvc.metadata.uid || pv.status?.phase !== 'Bound') this.bind(pvc, pv);
    else if (pvc.status?.phase !== 'Bound') this.setClaimBound(pvc, pv);
  }

  private syncVolume(name: string): void {
    const { store } = this.ctx;
    const pv = store.get<PersistentVolume>('PersistentVolume', name);
    if (!pv) return;
    const ref = pv.spec?.claimRef;
    const claim = ref ? store.get<PersistentVolumeClaim>('PersistentVolumeClaim', ref.name!, ref.namespace) : undefined;
    const claimGone = ref?.uid !== undefined && (!claim || claim.metadata.uid !== ref.uid);
    if (pv.metadata.deletionTimestamp) {
      if (!ref || claimGone || pv.status?.phase !== 'Bound') removeFinalizer(this.ctx.store, 'PersistentVolume', pv.metadata.name, undefined, PV_PROTECTION_FINALIZER);
      return;
    }
    let phase = pv.status?.phase;
    if (!ref) phase = 'Available';
    else if (claimGone) phase = 'Released';
    if (phase !== pv.status?.phase) {
      store.patchStatus<PersistentVolume>('PersistentVolume', name, undefined, (d) => {
        (d as { status?: PersistentVolume['status'] }).status = { phase };
      });
    }
    if (phase === 'Released' && pv.spec?.persistentVolumeReclaimPolicy === 'Delete') store.delete('PersistentVolume', name);
  }

  /** pvc-protection: a claim being deleted stays while a pod that is not finished uses it. */
  private releaseProtection(pvc: Stored<PersistentVolumeClaim>): void {
    const inUse = this.ctx.store
      .list<Pod>('Pod', pvc.metadata.namespace)
      .some((p) => !isFinished(p) && (p.spec?.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name));
    if (!inUse) removeFinalizer(this.ctx.store, 'PersistentVolumeClaim', pvc.metadata.name, pvc.metadata.namespace, PVC_PROTECTION_FINALIZER);
  }
}

function isFinished(p: Pod): boolean {
  return p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
}

/** The event source an external provisioner reports as: `<provisioner>_<its pod>`. */
function provisionerSource(sc: StorageClass): { component: string } {
  return { component: `${sc.provisioner}_${sc.provisioner.split('/').pop()}-provisioner` };
}
