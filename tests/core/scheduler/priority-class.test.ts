import type { Pod } from 'kubernetes-types/core/v1';
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core';

const pc = (name: string, value: number, extra = '') => `apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: ${name}\nvalue: ${value}\n${extra}`;
const podYaml = (name: string, spec = '') => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${spec}  containers:\n  - name: c\n    image: nginx:1.27\n`;

describe('PriorityClass and the Priority admission plugin', () => {
  it('The API server starts with system-node-critical and system-cluster-critical.', () => {
    const sim = createSimulation();
    expect(sim.list<PriorityClass>('priorityclasses').map((p) => [p.metadata?.name, p.value, p.preemptionPolicy])).toEqual([
      ['system-node-critical', 2000001000, 'PreemptLowerPriority'],
      ['system-cluster-critical', 2000000000, 'PreemptLowerPriority'],
    ]);
  });

  it('A pod naming a class gets its value as spec.priority and its preemption policy.', () => {
    const sim = createSimulation();
    expect(sim.apply(pc('batch-low', 10, 'preemptionPolicy: Never\n')).stdout).toBe('priorityclass.scheduling.k8s.io/batch-low created');
    sim.apply(podYaml('p', '  priorityClassName: batch-low\n'));
    expect(sim.get<Pod>('pod', 'p')?.spec).toMatchObject({ priority: 10, preemptionPolicy: 'Never', priorityClassName: 'batch-low' });
  });

  it('A pod naming a class that does not exist is refused.', () => {
    const sim = createSimulation();
    const out = sim.apply(podYaml('p', '  priorityClassName: missing\n'), { fileName: 'p.yaml' });
    expect(out.stderr).toBe('Error from server (Forbidden): error when creating "p.yaml": pods "p" is forbidden: no PriorityClass with name missing was found');
    expect(sim.get('pod', 'p')).toBeUndefined();
  });

  it('The global default class applies to pods that name none.', () => {
    const sim = createSimulation();
    sim.apply(pc('normal', 1000, 'globalDefault: true\n'));
    sim.apply(podYaml('p'));
    expect(sim.get<Pod>('pod', 'p')?.spec).toMatchObject({ priority: 1000, priorityClassName: 'normal' });
  });

  it('Only one class may be the global default.', () => {
    const sim = createSimulation();
    sim.apply(pc('a', 1, 'globalDefault: true\n'));
    const out = sim.apply(pc('b', 2, 'globalDefault: true\n'), { fileName: 'b.yaml' });
    expect(out.stderr).toBe(
      'Error from server (Forbidden): error when creating "b.yaml": priorityclasses.scheduling.k8s.io "b" is forbidden: PriorityClass a is already marked as default. Only one default can exist',
    );
  });

  it('A pod giving a priority that disagrees with its class is refused.', () => {
    const sim = createSimulation();
    sim.apply(pc('mid', 50));
    const out = sim.apply(podYaml('p', '  priorityClassName: mid\n  priority: 7\n'), { fileName: 'p.yaml' });
    expect(out.stderr).toBe(
      'Error from server (Forbidden): error when creating "p.yaml": pods "p" is forbidden: the integer value of priority (7) must not be provided in pod spec; priority admission controller computed 50 from the given PriorityClass name',
    );
  });

  const invalid: { name: string; yaml: string; error: string }[] = [
    { name: 'User classes may not exceed one billion.', yaml: pc('huge', 2000000000), error: 'The PriorityClass "huge" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000' },
    {
      name: 'Names starting with system- are reserved.',
      yaml: pc('system-mine', 5),
      error: "The PriorityClass \"system-mine\" is invalid: metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: name system-mine is not a known system priority class",
    },
  ];
  for (const c of invalid) {
    it(c.name, () => {
      expect(createSimulation().apply(c.yaml).stderr).toBe(c.error);
    });
  }

  it('The value of a class cannot change.', () => {
    const sim = createSimulation();
    sim.apply(pc('mid', 50));
    expect(sim.apply(pc('mid', 60)).stderr).toBe('The PriorityClass "mid" is invalid: value: Forbidden: may not be changed in an update.');
  });
});
