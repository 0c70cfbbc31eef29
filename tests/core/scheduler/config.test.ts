import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core';
import { applyManifests } from '../../../src/core/apply/apply';
import { resolveConfig } from '../../../src/core/scheduler/config/resolve';
import { podManifest, world } from './world';

const gpuPools = [{ name: 'gpu', count: 3, machine: 'dgx-a100' }];

function gpuWorld() {
  const w = world(gpuPools);
  for (const n of ['gpu-1', 'gpu-2', 'gpu-3']) w.advertise(n, { 'nvidia.com/gpu': '8' });
  return w;
}

const BIN_PACKING = `apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
metadata:
  name: scheduler
profiles:
- schedulerName: default-scheduler
  pluginConfig:
  - name: NodeResourcesFit
    args:
      scoringStrategy:
        type: MostAllocated
        resources:
        - name: nvidia.com/gpu
          weight: 1
`;

function placeSixOneGpuPods(w: ReturnType<typeof gpuWorld>): Record<string, number> {
  for (let i = 0; i < 6; i++) w.create(podManifest(`train-${i}`, { cpu: '1', memory: '1Gi', 'nvidia.com/gpu': '1' }));
  w.run(1);
  const perNode: Record<string, number> = {};
  for (let i = 0; i < 6; i++) {
    const n = w.pod(`train-${i}`)!.spec!.nodeName!;
    perNode[n] = (perNode[n] ?? 0) + 1;
  }
  return perNode;
}

describe('KubeSchedulerConfiguration', () => {
  it('The default profile spreads GPU pods across the nodes (LeastAllocated).', () => {
    const counts = Object.values(placeSixOneGpuPods(gpuWorld())).sort();
    expect(counts).toEqual([2, 2, 2]);
  });

  it('Applying MostAllocated on nvidia.com/gpu packs GPU pods onto one node.', () => {
    const w = gpuWorld();
    expect(applyManifests(w.store, BIN_PACKING).ok).toBe(true);
    expect(Object.values(placeSixOneGpuPods(w))).toEqual([6]);
  });

  it('A pod naming another profile is scheduled by it; a pod naming no known profile stays Pending untouched.', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    const out = sim.apply(`${BIN_PACKING}- schedulerName: gpu-packer\n`);
    expect(out.stdout).toBe('kubeschedulerconfiguration.kubescheduler.config.k8s.io/scheduler created');
    sim.apply(podYaml('packed', 'gpu-packer'));
    sim.apply(podYaml('orphan', 'nobody'));
    sim.advance(2);
    expect(sim.get<Pod>('pod', 'packed')?.spec?.nodeName).toMatch(/^worker-/);
    expect(sim.events().filter((e) => e.reason === 'Scheduled').map((e) => e.source?.component)).toEqual(['gpu-packer']);
    expect(sim.get<Pod>('pod', 'orphan')?.spec?.nodeName).toBeUndefined();
    expect(sim.events().filter((e) => e.involvedObject.name === 'orphan')).toEqual([]);
  });

  it('percentageOfNodesToScore is read from the configuration.', () => {
    const doc = resolveConfig({ percentageOfNodesToScore: 30, profiles: [{ schedulerName: 'a', percentageOfNodesToScore: 70 }, { schedulerName: 'b' }] }).config;
    expect(doc.percentageOfNodesToScore).toBe(30);
    expect(doc.profiles.map((p) => p.percentageOfNodesToScore)).toEqual([70, undefined]);
  });

  it('Disabling a score plugin and re-weighting another changes the profile, in upstream order.', () => {
    const { config, errors } = resolveConfig({
      profiles: [{ plugins: { score: { enabled: [{ name: 'NodeResourcesFit', weight: 5 }], disabled: [{ name: 'ImageLocality' }] } } }],
    });
    expect(errors).toEqual([]);
    const p = config.profiles[0]!;
    expect(p.points.score).toEqual(['NodeResourcesFit', 'TaintToleration', 'NodeAffinity', 'PodTopologySpread', 'InterPodAffinity', 'NodeResourcesBalancedAllocation']);
    expect(p.scoreWeights.get('NodeResourcesFit')).toBe(5);
    expect(p.scoreWeights.get('TaintToleration')).toBe(3);
    expect(p.points.filter).toEqual(['NodeUnschedulable', 'NodeName', 'TaintToleration', 'NodeAffinity', 'NodePorts', 'NodeResourcesFit', 'VolumeBinding', 'PodTopologySpread', 'InterPodAffinity']);
  });

  const invalid: { name: string; yaml: string; error: string }[] = [
    {
      name: 'An unknown plugin name is refused with the framework’s wording.',
      yaml: 'profiles:\n- plugins:\n    score:\n      enabled:\n      - name: GpuMagic\n',
      error: 'The KubeSchedulerConfiguration "scheduler" is invalid: profiles[0].plugins.score.enabled[0].name: Invalid value: "GpuMagic": ScorePlugin "GpuMagic" does not exist',
    },
    {
      name: 'An unknown scoring strategy is refused with the supported values.',
      yaml: 'profiles:\n- pluginConfig:\n  - name: NodeResourcesFit\n    args:\n      scoringStrategy:\n        type: Packed\n',
      error:
        'The KubeSchedulerConfiguration "scheduler" is invalid: profiles[0].pluginConfig[0].args.scoringStrategy.type: Unsupported value: "Packed": supported values: "LeastAllocated", "MostAllocated", "RequestedToCapacityRatio"',
    },
    {
      name: 'percentageOfNodesToScore above 100 is refused.',
      yaml: 'percentageOfNodesToScore: 150\n',
      error: 'The KubeSchedulerConfiguration "scheduler" is invalid: percentageOfNodesToScore: Invalid value: 150: not in valid range [0-100]',
    },
    {
      name: 'Two profiles with the same scheduler name are refused.',
      yaml: 'profiles:\n- schedulerName: a\n- schedulerName: a\n',
      error: 'The KubeSchedulerConfiguration "scheduler" is invalid: profiles[1].schedulerName: Duplicate value: "a"',
    },
    {
      name: 'A plugin enabled at an extension point it does not implement is refused.',
      yaml: 'profiles:\n- plugins:\n    score:\n      enabled:\n      - name: PrioritySort\n',
      error: 'The KubeSchedulerConfiguration "scheduler" is invalid: profiles[0].plugins.score.enabled[0].name: Invalid value: "PrioritySort": plugin "PrioritySort" does not extend score plugin',
    },
  ];
  for (const c of invalid) {
    it(c.name, () => {
      const sim = createSimulation({ seed: 1, cluster: 'minimal' });
      const before = JSON.stringify(sim.list('kubeschedulerconfigurations'));
      const out = sim.apply(`apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\nmetadata:\n  name: scheduler\n${c.yaml}`);
      expect(out.ok).toBe(false);
      expect(out.stderr).toBe(c.error);
      expect(JSON.stringify(sim.list('kubeschedulerconfigurations'))).toBe(before);
    });
  }
});

function podYaml(name: string, schedulerName: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  schedulerName: ${schedulerName}\n  containers:\n  - name: c\n    image: nginx:1.27\n`;
}
