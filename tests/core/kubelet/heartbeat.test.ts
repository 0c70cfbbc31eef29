import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core';
import { parseTimestamp } from '../../../src/core/engine/time';

const lease = (sim: ReturnType<typeof createSimulation>, node: string) => sim.get<Lease>('lease', node, 'kube-node-lease')!;

describe('node heartbeats', () => {
  it('registers a Lease per node in kube-node-lease, owned by its Node', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    const l = lease(sim, 'worker-1');
    const node = sim.get<Node>('node', 'worker-1')!;
    expect(l.spec).toMatchObject({ holderIdentity: 'worker-1', leaseDurationSeconds: 40 });
    expect(l.metadata?.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: 'worker-1', uid: node.metadata!.uid }]);
  });

  it('renews the Lease every 10 s and posts an unchanged node status only every 5 minutes', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    const renewals: number[] = [];
    const heartbeats: number[] = [];
    sim.watch((e) => {
      if (e.object.kind === 'Lease' && e.object.metadata.name === 'worker-2' && e.type === 'MODIFIED') renewals.push(parseTimestamp((e.object as Lease).spec!.renewTime!));
      if (e.object.kind === 'Node' && e.object.metadata.name === 'worker-2' && e.type === 'MODIFIED') {
        const hb = (e.object as Node).status?.conditions?.find((c) => c.type === 'Ready')?.lastHeartbeatTime;
        if (hb && !heartbeats.includes(parseTimestamp(hb))) heartbeats.push(parseTimestamp(hb));
      }
    });
    sim.advance(700);
    expect(renewals.slice(1).map((t, i) => t - renewals[i]!)).toEqual(Array(renewals.length - 1).fill(10_000));
    expect(renewals.length).toBe(70);
    expect(heartbeats.slice(1).map((t, i) => Math.round((t - heartbeats[i]!) / 1000))).toEqual([300]);
  });

  it('reports each pool\'s container runtime as get nodes -o wide shows it, and names containers by it', () => {
    const sim = createSimulation({ seed: 1, cluster: 'gpu-lab' });
    const runtimes = sim.list<Node>('nodes').map((n) => `${n.metadata!.name}=${n.status!.nodeInfo!.containerRuntimeVersion}`);
    expect(runtimes).toEqual(['cpu-1=docker://28.3.3', 't4-1=cri-o://1.34.1', 'a100-1=containerd://1.7.27', 'h100-1=containerd://1.7.27']);
    const wide = sim.kubectl('get nodes -o wide').stdout.split('\n');
    expect(wide.find((l) => l.startsWith('cpu-1 '))).toMatch(/docker:\/\/28\.3\.3$/);
    // The GPU operator's images are pulled first on the GPU nodes (the kubelet pulls one image at a time).
    sim.advance(60);
    for (const [node, scheme, image] of [
      ['cpu-1', 'docker', 'nginx:1.27'],
      ['t4-1', 'cri-o', 'docker.io/library/nginx:1.27'],
      ['a100-1', 'containerd', 'docker.io/library/nginx:1.27'],
    ]) {
      sim.apply(`apiVersion: v1\nkind: Pod\nmetadata: { name: on-${node} }\nspec:\n  nodeName: ${node}\n  containers:\n  - { name: web, image: nginx:1.27 }\n`);
      sim.advance(10);
      const status = sim.get<Pod>('pod', `on-${node}`)!.status!.containerStatuses![0]!;
      expect(status.containerID).toMatch(new RegExp(`^${scheme}://[0-9a-f]{64}$`));
      expect(status.image).toBe(image);
    }
    expect(sim.get<Pod>('pod', 'on-cpu-1')!.status!.containerStatuses![0]!.imageID).toMatch(/^docker-pullable:\/\/nginx@sha256:[0-9a-f]{64}$/);
  });

  it('mixes containerd, CRI-O and Docker across the presets', () => {
    const seen = new Set<string>();
    for (const preset of ['minimal', 'dgx-a100', 'gpu-lab', 'h200']) {
      for (const n of createSimulation({ cluster: preset }).list<Node>('nodes')) seen.add(n.status!.nodeInfo!.containerRuntimeVersion!.split(':')[0]!);
    }
    expect([...seen].sort()).toEqual(['containerd', 'cri-o', 'docker']);
  });
});
