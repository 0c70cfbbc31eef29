import type { Pod } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core';

const pod = (name: string, labels = 'app: web', extra = '') => `apiVersion: v1
kind: Pod
metadata: { name: ${name}, labels: { ${labels} } }
spec:
  containers:
  - name: nginx
    image: nginx:1.27
${extra}---
`;
const pdb = (name: string, spec: string, selector = 'app: web') => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: ${name} }
spec:
  selector: { matchLabels: { ${selector} } }
  ${spec}
---
`;

function cluster(manifests: string) {
  const sim = createSimulation({ seed: 1, cluster: 'minimal' });
  sim.apply(manifests);
  sim.advance(30);
  return sim;
}

describe('the eviction API', () => {
  it('refuses with 429 and the real wording when the budget allows no disruption', () => {
    const sim = cluster(pod('a') + pod('b') + pdb('web', 'minAvailable: 2'));
    expect(sim.evict('a')).toEqual({ ok: false, message: "Error from server (TooManyRequests): Cannot evict pod as it would violate the pod's disruption budget." });
    expect(sim.get<Pod>('pod', 'a')?.metadata?.deletionTimestamp).toBeUndefined();
  });

  it('takes one disruption from the budget, records the pod, and deletes it gracefully with a DisruptionTarget condition', () => {
    const sim = cluster(pod('a') + pod('b') + pdb('web', 'minAvailable: 1'));
    let target: unknown;
    sim.watch((e) => {
      if (e.object.kind === 'Pod' && e.object.metadata.name === 'a' && e.object.metadata.deletionTimestamp && !target) target = (e.object as Pod).status?.conditions?.find((c) => c.type === 'DisruptionTarget');
    });
    expect(sim.evict('a')).toEqual({ ok: true, message: 'pod/a evicted' });
    const status = sim.get<PodDisruptionBudget>('pdb', 'web')!.status!;
    expect(status.disruptionsAllowed).toBe(0);
    expect(Object.keys(status.disruptedPods ?? {})).toEqual(['a']);
    expect(target).toMatchObject({ status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' });
    expect(sim.evict('b').ok).toBe(false);
  });

  it('refuses a pod selected by two budgets with 500', () => {
    const sim = cluster(pod('a', 'app: web, tier: front') + pdb('one', 'minAvailable: 0') + pdb('two', 'minAvailable: 0', 'tier: front'));
    expect(sim.evict('a')).toEqual({ ok: false, message: 'Error from server (InternalError): This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.' });
  });

  it('lets a Pending pod go whatever its budget says', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.apply(pod('stuck', 'app: web', '    resources: { requests: { cpu: "64" } }\n') + pdb('web', 'minAvailable: 5'));
    sim.advance(5);
    expect(sim.evict('stuck')).toEqual({ ok: true, message: 'pod/stuck evicted' });
    expect(sim.get('pod', 'stuck')).toBeUndefined();
  });

  it('lets an unready pod go when the budget is otherwise healthy (IfHealthyBudget), and always with AlwaysAllow', () => {
    const unready = '    readinessProbe:\n      httpGet: { path: /nope, port: 80 }\n';
    const sim = cluster(pod('ok-1') + pod('ok-2') + pod('sick', 'app: web', unready) + pdb('web', 'minAvailable: 2'));
    expect(sim.evict('sick').ok).toBe(true);
    const strict = cluster(pod('ok-1') + pod('sick', 'app: web', unready) + pdb('web', 'minAvailable: 2'));
    expect(strict.evict('sick').ok).toBe(false);
    const lenient = cluster(pod('ok-1') + pod('sick', 'app: web', unready) + pdb('web', 'minAvailable: 2\n  unhealthyPodEvictionPolicy: AlwaysAllow'));
    expect(lenient.evict('sick').ok).toBe(true);
  });

  it('answers NotFound for a pod that does not exist', () => {
    const sim = cluster('');
    expect(sim.evict('ghost')).toEqual({ ok: false, message: 'Error from server (NotFound): pods "ghost" not found' });
  });
});
