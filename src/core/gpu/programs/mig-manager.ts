import type { ConfigMap, Node, Pod } from 'kubernetes-types/core/v1';
import type { LogLine, Process, ProcessEnv, TimedStep } from '../../kubelet/workloads/process';
import { applyMigPlan, isApplied, planMigConfig, type GpuMigPlan } from '../mig-parted/apply';
import { memoByText } from '../memo-by-text';
import { parseMigPartedConfig } from '../mig-parted/config';
import {
  CUSTOM_MIG_PARTED_CONFIGMAP,
  DEFAULT_MIG_PARTED_CONFIGMAP,
  deployLabel,
  GPU_OPERATOR_NAMESPACE,
  MIG_CONFIG_LABEL,
  MIG_CONFIG_STATE_LABEL,
  operand,
  type OperandId,
  PAUSED_FOR_MIG_CHANGE,
} from '../operator/operands';
import type { GpuNode, GpuRuntime } from '../runtime/gpu-runtime';
import { exit, logrus, program, step } from './program';

/**
 * The GPU Operator's MIG manager (`nvidia-mig-manager`, NVIDIA/mig-parted cmd/nvidia-mig-manager
 * and pkg/mig/reconfigure): it watches its node's `nvidia.com/mig.config` label and, for each new
 * value, validates the name against its config (the ConfigMap), reports `success` at once if the
 * layout is already there, else sets `nvidia.com/mig.config.state=pending`, pauses the device
 * plugin, GFD and DCGM exporter by setting their deploy labels to `paused-for-mig-change`, waits up
 * to 5 minutes for their pods to go, applies MIG mode then the layout with mig-parted, restores the
 * labels and reports `success`. It drains nothing: a GPU still used by a pod cannot change
 * (NVML: "In use by another client"), so the state becomes `failed`, with the operands restored.
 */
const LABEL_POLL_MS = 1_000;
const POD_WAIT_POLL_MS = 1_000;
const POD_WAIT_TIMEOUT_MS = 5 * 60_000;
/**
 * Switching MIG mode resets the GPU: seconds per GPU. Creating instances takes about a second each.
 * Estimates, not measurements: no public source gives mig-parted's timings per GPU, so these are
 * chosen to make a reconfiguration visibly take tens of seconds on an 8-GPU node (docs/fidelity.md).
 */
const MODE_CHANGE_MS_PER_GPU = 4_000;
const LAYOUT_MS_PER_GPU = 1_500;
/** The operands a MIG change takes off the node, in the order the reconfigure waits for them. */
const PAUSED: readonly OperandId[] = ['device-plugin', 'gpu-feature-discovery', 'dcgm-exporter'];

const info = (text: string) => logrus('info', text);

function setLabels(rt: GpuRuntime, node: string, labels: Record<string, string>): void {
  rt.ctx.store.patch<Node>('Node', node, undefined, (n) => {
    n.metadata!.labels = { ...(n.metadata!.labels ?? {}), ...labels };
  });
}

function labelsOf(rt: GpuRuntime, node: string): Readonly<Record<string, string>> {
  return rt.ctx.store.get<Node>('Node', node)?.metadata.labels ?? {};
}

/** mig-parted's config: the custom ConfigMap when it exists, else the operator's default. */
function loadConfig(rt: GpuRuntime) {
  const cm = rt.ctx.store.get<ConfigMap>('ConfigMap', CUSTOM_MIG_PARTED_CONFIGMAP, GPU_OPERATOR_NAMESPACE) ?? rt.ctx.store.get<ConfigMap>('ConfigMap', DEFAULT_MIG_PARTED_CONFIGMAP, GPU_OPERATOR_NAMESPACE);
  if (!cm) return { ok: false as const, error: `configmaps "${DEFAULT_MIG_PARTED_CONFIGMAP}" not found` };
  const text = cm.data?.['config.yaml'];
  if (text === undefined) return { ok: false as const, error: `ConfigMap ${GPU_OPERATOR_NAMESPACE}/${cm.metadata!.name} has no config.yaml` };
  return parseMigConfig(text);
}

/** The default config is large and every MIG node reads it: each text is parsed once. */
const parseMigConfig = memoByText(parseMigPartedConfig);

function operandPodsOn(rt: GpuRuntime, node: string, id: OperandId): number {
  const app = operand(id).app;
  return rt.ctx.store.list<Pod>('Pod', GPU_OPERATOR_NAMESPACE).filter((p) => p.spec?.nodeName === node && p.metadata.labels?.app === app).length;
}

export function migManagerProgram(rt: GpuRuntime, env: ProcessEnv): Process {
  const nodeName = env.nodeName;
  const gpuNode = rt.node(nodeName);

  function* reconfigure(node: GpuNode, selected: string): Generator<TimedStep, void, void> {
    const labels = labelsOf(rt, nodeName);
    const deployed = Object.fromEntries(PAUSED.map((id) => [id, labels[deployLabel(id)] ?? ''])) as Record<OperandId, string>;
    yield step(200, ...PAUSED.map((id) => info(`Current value of '${deployLabel(id)}=${deployed[id]}'`)), info(`Current value of '${MIG_CONFIG_STATE_LABEL}=${labels[MIG_CONFIG_STATE_LABEL] ?? ''}'`));
    const restore = () => Object.fromEntries(PAUSED.map((id) => [deployLabel(id), deployed[id] === 'false' ? 'false' : 'true']));
    const finish = function* (state: 'success' | 'failed', restoreOperands: boolean, lines: LogLine[] = []): Generator<TimedStep, void, void> {
      if (restoreOperands) setLabels(rt, nodeName, restore());
      setLabels(rt, nodeName, { [MIG_CONFIG_STATE_LABEL]: state });
      yield step(100, ...lines, ...(restoreOperands ? [info('Restarting all GPU clients previously shutdown in Kubernetes by reenabling their component-specific nodeSelector labels')] : []), info(`Changing the '${MIG_CONFIG_STATE_LABEL}' node label to '${state}'`), state === 'success' ? info(`Successfully updated to MIG config: ${selected}`) : logrus('error', `Error: failed to update to MIG config: ${selected}`));
    };

    yield step(300, info('Asserting that the requested configuration is present in the configuration file'));
    const config = loadConfig(rt);
    const gpus = node.hardware.gpus;
    const plan = config.ok ? planMigConfig(config.value, selected, gpus) : config;
    if (!plan.ok) return yield* finish('failed', false, [logrus('error', plan.error), info('Unable to validate the selected MIG configuration')]);
    yield step(500, info('Selected MIG configuration is valid'), info('Checking if the selected MIG config is currently applied or not'));
    const changing = plan.value.filter((p) => {
      const gpu = node.hardware.gpu(p.index)!;
      return !isApplied(gpu.model, gpu.mig, p);
    });
    if (!changing.length) return yield* finish('success', false, [info('Selected MIG config is already applied')]);

    setLabels(rt, nodeName, { [MIG_CONFIG_STATE_LABEL]: 'pending' });
    yield step(100, info(`Changing the '${MIG_CONFIG_STATE_LABEL}' node label to 'pending'`));
    setLabels(rt, nodeName, Object.fromEntries(PAUSED.map((id) => [deployLabel(id), deployed[id] === 'false' ? 'false' : PAUSED_FOR_MIG_CHANGE])));
    yield step(100, info('Shutting down all GPU clients in Kubernetes by disabling their component-specific nodeSelector labels'));
    for (const id of PAUSED) {
      yield step(0, info(`Waiting for the ${id} to shutdown`));
      let waited = 0;
      while (operandPodsOn(rt, nodeName, id) > 0) {
        if (waited >= POD_WAIT_TIMEOUT_MS) {
          // The reconfigure returns without a state: the node stays `pending`.
          yield step(0, logrus('error', `failed to wait for pods to be deleted: ${id} pod did not shutdown: timed out waiting for the condition`));
          return;
        }
        yield step(POD_WAIT_POLL_MS);
        waited += POD_WAIT_POLL_MS;
      }
    }

    yield* applyPlans(node, changing, finish);
  }

  function* applyPlans(node: GpuNode, plans: readonly GpuMigPlan[], finish: (state: 'success' | 'failed', restore: boolean, lines?: LogLine[]) => Generator<TimedStep, void, void>): Generator<TimedStep, void, void> {
    const hw = node.hardware;
    const modeChanges = plans.filter((p) => hw.gpu(p.index)!.mig.enabled !== p.migEnabled);
    yield step(100, info('Applying the MIG mode change from the selected config to the node (and double checking it took effect)'));
    const occupants = rt.occupants(nodeName);
    const busy = plans.find((p) => rt.gpuInUse(nodeName, p.index, occupants));
    if (busy) {
      const what = modeChanges.some((p) => p.index === busy.index) ? `error setting MIG mode on GPU ${busy.index}` : `error destroying existing MIG devices on GPU ${busy.index}`;
      return yield* finish('failed', true, [logrus('error', `Error applying MIG configuration with hooks: error applying MIG configuration: ${what}: In use by another client`)]);
    }
    if (modeChanges.length) yield step(MODE_CHANGE_MS_PER_GPU * modeChanges.length, info(`MIG mode changed on GPU(s) ${modeChanges.map((p) => p.index).join(', ')}`));
    yield step(100, info('Applying the selected MIG config to the node'));
    for (const p of plans) {
      const gpu = hw.gpu(p.index)!;
      const next = applyMigPlan(gpu.model, gpu.mig, p, rt.ctx.rng);
      if (!next.ok) return yield* finish('failed', true, [logrus('error', `Error applying MIG configuration: ${next.error}`)]);
      hw.setMig(p.index, next.value);
      yield step(LAYOUT_MS_PER_GPU);
    }
    yield* finish('success', true);
  }

  function* run(): Generator<TimedStep, void, void> {
    yield step(500, info('Starting nvidia-mig-manager'), info(`Waiting for change to '${MIG_CONFIG_LABEL}' label`));
    if (!gpuNode) {
      yield step(10, logrus('error', 'failed to get GPUs: could not load NVML library'));
      yield exit(1);
      return;
    }
    let handled: string | undefined;
    for (;;) {
      const wanted = labelsOf(rt, nodeName)[MIG_CONFIG_LABEL];
      if (wanted !== undefined && wanted !== handled) {
        handled = wanted;
        yield step(0, info(`Updating to MIG config: ${wanted}`));
        yield* reconfigure(gpuNode, wanted);
        yield step(0, info(`Waiting for change to '${MIG_CONFIG_LABEL}' label`));
      }
      yield step(LABEL_POLL_MS);
    }
  }

  return program('nvidia-mig-manager', run(), () => ({ exitAfterMs: 200, code: 0, lines: [info('Received signal "terminated", shutting down')] }));
}
