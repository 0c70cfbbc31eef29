import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../../../src/core';
import { scaledValue } from '../../../src/core/controllers/deployment/util';

const pods = (n: number, extra = '') =>
  Array.from(
    { length: n },
    (_, i) => `apiVersion: v1
kind: Pod
metadata: { name: web-${i}, labels: { app: web } }
spec:
  containers:
  - name: nginx
    image: nginx:1.27
${extra}---
`,
  ).join('');

const pdb = (spec: string) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
${spec}`;

const status = (sim: Simulation) => sim.get<PodDisruptionBudget>('pdb', 'web')!.status!;

describe('the disruption controller', () => {
  it.each([
    ['minAvailable 2 of 3 ready pods allows one disruption', 'minAvailable: 2', 3, { expectedPods: 3, desiredHealthy: 2, currentHealthy: 3, disruptionsAllowed: 1 }],
    ['minAvailable 3 of 3 allows none', 'minAvailable: 3', 3, { expectedPods: 3, desiredHealthy: 3, currentHealthy: 3, disruptionsAllowed: 0 }],
    ['a percentage over pods without a controller expects nothing and allows nothing', 'minAvailable: "50%"', 2, { expectedPods: 0, desiredHealthy: 0, currentHealthy: 2, disruptionsAllowed: 0 }],
  ])('%s', (_name, spec, n, expected) => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.apply(pods(n) + pdb(`  ${spec}\n`));
    sim.advance(30);
    expect(status(sim)).toMatchObject({ ...expected, observedGeneration: 1 });
    expect(status(sim).conditions).toEqual([
      expect.objectContaining({ type: 'DisruptionAllowed', status: expected.disruptionsAllowed > 0 ? 'True' : 'False', reason: expected.disruptionsAllowed > 0 ? 'SufficientPods' : 'InsufficientPods' }),
    ]);
  });

  it('counts only Ready pods as healthy', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.apply(pods(3, '    readinessProbe:\n      httpGet: { path: /ready, port: 80 }\n') + pdb('  minAvailable: 1\n'));
    sim.advance(30);
    expect(status(sim)).toMatchObject({ currentHealthy: 0, disruptionsAllowed: 0 });
  });

  it('warns about pods without a controller under a percentage budget', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.apply(pods(1) + pdb('  maxUnavailable: "25%"\n'));
    sim.advance(5);
    expect(sim.events().find((e) => e.reason === 'UnmanagedPods')?.message).toBe(
      'Pods selected by this PodDisruptionBudget (selector: app=web) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.',
    );
  });

  it('says when no pod matches', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.apply(pdb('  minAvailable: 1\n'));
    sim.advance(1);
    expect(sim.events().find((e) => e.reason === 'NoPods')).toMatchObject({ type: 'Normal', message: 'No matching pods found', source: { component: 'controllermanager' } });
  });

  it.each([
    ['50% of 3, rounded up', '50%', 3, 2],
    ['an absolute number', 2, 5, 2],
    ['0%', '0%', 4, 0],
  ])('scales %s', (_name, value, total, expected) => {
    expect(scaledValue(value, total, true)).toBe(expected);
  });
});
