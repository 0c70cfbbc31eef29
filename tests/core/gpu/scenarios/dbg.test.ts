import { it } from 'vitest';
import { createSimulation } from '../../../../src/core';
import { gpuPod } from './helpers';
it('dbg', () => {
  const sim = createSimulation({ seed: 1, cluster: 'dgx-a100' });
  sim.apply(gpuPod('early', 'nvidia.com/gpu'));
  sim.advance(120);
  console.log(sim.kubectl('describe pod early').stdout);
});
