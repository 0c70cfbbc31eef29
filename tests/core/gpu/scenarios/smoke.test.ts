import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../../src/core';

describe('smoke', () => {
  it('boots the GPU operator on dgx-a100', () => {
    const sim = createSimulation({ seed: 1, cluster: 'dgx-a100' });
    sim.advance(90);
    console.log(sim.kubectl('get pods -n gpu-operator -o wide').stdout);
    console.log(JSON.stringify(sim.get('node', 'dgx-1')?.metadata.labels, null, 1));
    console.log(JSON.stringify((sim.get('node', 'dgx-1') as any).status.allocatable));
    console.log(sim.logs('x', { namespace: 'gpu-operator' }));
  });
});
