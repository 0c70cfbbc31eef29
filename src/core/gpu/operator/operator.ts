import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { ConfigMap, Namespace, Node } from 'kubernetes-types/core/v1';
import { Controller } from '../../controllers/controller';
import type { SimContext } from '../../sim-context';
import { DEFAULT_MIG_CONFIG_NAME } from '../mig-parted/defaults';
import { operandDaemonSet, operatorConfigMaps } from './manifests';
import { deployLabel, GPU_OPERATOR_NAMESPACE, GPU_PRESENT, MIG_CONFIG_LABEL, OPERANDS } from './operands';

const CLUSTER_KEY = 'cluster-policy';

/**
 * The GPU Operator's ClusterPolicy reconciler, reduced to what Kubelab simulates: it keeps the
 * `gpu-operator` namespace, its ConfigMaps and the operand DaemonSets in place (deleted ones come
 * back), and labels every node that has an NVIDIA GPU with `nvidia.com/gpu.present=true` and the
 * per-component `nvidia.com/gpu.deploy.*=true` labels, plus `nvidia.com/mig.config=all-disabled`
 * and the MIG manager's deploy label once GFD has said the node is MIG-capable. Labels already
 * set (`false` by an admin, `paused-for-mig-change` by the MIG manager) are left alone, as the
 * operator's state labeler does (NVIDIA/gpu-operator controllers/state_manager.go: gpuStateLabels,
 * migManagerLabelKey and migConfigLabelKey=all-disabled added when `nvidia.com/mig.capable=true`).
 */
export class GpuOperator extends Controller {
  constructor(ctx: SimContext) {
    super(ctx, 'gpu-operator');
    this.watchRelated<Node>('Node', (e) => (e.type === 'DELETED' ? [] : [`node/${e.object.metadata.name}`]));
    this.watchRelated('DaemonSet', (e) => (e.type === 'DELETED' && e.object.metadata.namespace === GPU_OPERATOR_NAMESPACE ? [CLUSTER_KEY] : []));
    this.watchRelated('ConfigMap', (e) => (e.type === 'DELETED' && e.object.metadata.namespace === GPU_OPERATOR_NAMESPACE ? [CLUSTER_KEY] : []));
    this.watchRelated('Namespace', (e) => (e.type === 'DELETED' && e.object.metadata.name === GPU_OPERATOR_NAMESPACE ? [CLUSTER_KEY] : []));
    this.queue.add(CLUSTER_KEY);
    for (const n of ctx.store.list<Node>('Node')) this.queue.add(`node/${n.metadata.name}`);
  }

  reconcile(key: string): void {
    if (key === CLUSTER_KEY) return this.reconcileOperands();
    this.reconcileNode(key.slice('node/'.length));
  }

  private reconcileOperands(): void {
    const { store } = this.ctx;
    const ns = store.get<Namespace>('Namespace', GPU_OPERATOR_NAMESPACE);
    if (ns?.metadata.deletionTimestamp) return;
    if (!ns) store.create<Namespace>({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: GPU_OPERATOR_NAMESPACE, labels: { 'kubernetes.io/metadata.name': GPU_OPERATOR_NAMESPACE } } });
    for (const cm of operatorConfigMaps()) if (!store.get<ConfigMap>('ConfigMap', cm.metadata!.name!, GPU_OPERATOR_NAMESPACE)) store.create(cm);
    for (const o of OPERANDS) if (!store.get<DaemonSet>('DaemonSet', o.daemonSet, GPU_OPERATOR_NAMESPACE)) store.create(operandDaemonSet(o));
  }

  private reconcileNode(name: string): void {
    const node = this.ctx.store.get<Node>('Node', name);
    const machine = this.ctx.machines.get(name);
    if (!node || !machine || machine.gpus.length === 0) return;
    const labels = node.metadata.labels ?? {};
    const wanted: Record<string, string> = { [GPU_PRESENT]: 'true' };
    const migCapable = labels['nvidia.com/mig.capable'] === 'true';
    for (const o of OPERANDS) if (!o.migCapableOnly || migCapable) wanted[deployLabel(o.id)] = 'true';
    if (migCapable) wanted[MIG_CONFIG_LABEL] = DEFAULT_MIG_CONFIG_NAME;
    const missing = Object.entries(wanted).filter(([k]) => labels[k] === undefined);
    if (!missing.length) return;
    this.ctx.store.patch<Node>('Node', name, undefined, (n) => {
      n.metadata!.labels = { ...(n.metadata!.labels ?? {}), ...Object.fromEntries(missing) };
    });
  }
}
