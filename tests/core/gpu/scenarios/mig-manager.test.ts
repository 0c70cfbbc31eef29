import type { Node, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { Simulation } from '../../../../src/core';
import { bootedCluster, gpuResources, label, operandPod, PLUGIN_CONFIGS, runTraining } from './helpers';

/** The values `nvidia.com/mig.config.state` takes on a node, in order, from now on. */
function stateLog(sim: Simulation, node: string): string[] {
  const seen: string[] = [];
  let last = sim.get<Node>('node', node)!.metadata!.labels!['nvidia.com/mig.config.state'];
  sim.watch((e) => {
    const o = e.object as Node;
    const v = o.kind === 'Node' && o.metadata?.name === node ? o.metadata.labels?.['nvidia.com/mig.config.state'] : undefined;
    if (v !== undefined && v !== last) seen.push((last = v));
  });
  return seen;
}

function migManagerLog(sim: Simulation, node: string): string[] {
  const pod = operandPod(sim, 'nvidia-mig-manager', node)!;
  const logs = sim.logs(pod.metadata!.name!, { namespace: 'gpu-operator' });
  return logs.ok ? logs.text.trimEnd().split('\n').map((l) => JSON.parse(l.replace(/^.*msg=/, '')) as string) : [];
}

describe('the MIG manager', () => {
  it('fails to repartition a node whose GPU is in use, restores the operands, and leaves the workload running', () => {
    const sim = bootedCluster('dgx-a100');
    runTraining(sim, 'train');
    const states = stateLog(sim, 'dgx-1');
    label(sim, 'dgx-1', 'nvidia.com/mig.config=all-1g.5gb');
    sim.advance(120);
    expect(states).toEqual(['pending', 'failed']);
    expect(migManagerLog(sim, 'dgx-1').slice(-6)).toEqual([
      'Applying the MIG mode change from the selected config to the node (and double checking it took effect)',
      'Error applying MIG configuration with hooks: error applying MIG configuration: error setting MIG mode on GPU 0: In use by another client',
      'Restarting all GPU clients previously shutdown in Kubernetes by reenabling their component-specific nodeSelector labels',
      "Changing the 'nvidia.com/mig.config.state' node label to 'failed'",
      'Error: failed to update to MIG config: all-1g.5gb',
      "Waiting for change to 'nvidia.com/mig.config' label",
    ]);
    expect(sim.get<Pod>('pod', 'train')!.status!.phase).toBe('Running');
    expect(sim.gpuStatus('dgx-1')!.gpus.every((g) => !g.migEnabled)).toBe(true);
    expect(gpuResources(sim, 'dgx-1')).toEqual({ 'nvidia.com/gpu': '8/8' });
  });

  it('repartitions once the node is drained: pending, then success, with the new resources', () => {
    const sim = bootedCluster('dgx-a100');
    runTraining(sim, 'train');
    label(sim, 'dgx-1', 'nvidia.com/mig.config=all-1g.5gb');
    sim.advance(120);
    const drain = sim.drain('dgx-1', { ignoreDaemonsets: true, force: true });
    sim.advance(60);
    expect(drain.done && drain.exitCode).toBe(0);
    const states = stateLog(sim, 'dgx-1');
    label(sim, 'dgx-1', 'nvidia.com/mig.config=all-balanced');
    sim.advance(120);
    expect(states).toEqual(['pending', 'success']);
    expect(sim.gpuStatus('dgx-1')!.gpus.map((g) => g.migDevices.map((d) => d.profile).join(' '))).toEqual(Array(8).fill('3g.20gb 2g.10gb 1g.5gb 1g.5gb'));
    // The default config's single strategy cannot serve mixed profiles; switching the plugin to mixed can.
    sim.apply(PLUGIN_CONFIGS);
    label(sim, 'dgx-1', 'nvidia.com/device-plugin.config=mixed');
    sim.advance(60);
    expect(gpuResources(sim, 'dgx-1')).toMatchObject({ 'nvidia.com/mig-1g.5gb': '16/16', 'nvidia.com/mig-2g.10gb': '8/8', 'nvidia.com/mig-3g.20gb': '8/8' });
  });
});
