import { Rng } from '../../../src/core/engine/rng';
import { gpuModel } from '../../../src/core/gpu/catalogue';
import { MIG_DISABLED } from '../../../src/core/gpu/mig-geometry';
import { applyMigPlan, planMigConfig } from '../../../src/core/gpu/mig-parted/apply';
import { DEFAULT_MIG_CONFIG } from '../../../src/core/gpu/mig-parted/defaults';
import type { NodeGpu } from '../../../src/core/gpu/node-gpu';

const BUS_IDS = ['07', '0F', '47', '4E', '87', '90', 'B7', 'BD'];

/** A node's GPUs with a default mig-parted config applied (`all-disabled` leaves MIG off). */
export function nodeGpus(modelId: string, count: number, migConfig = 'all-disabled', seed = 1): NodeGpu[] {
  const rng = new Rng(seed);
  const model = gpuModel(modelId)!;
  const gpus: NodeGpu[] = Array.from({ length: count }, (_, index) => ({
    index,
    model,
    uuid: `GPU-${rng.uuid()}`,
    busId: `00000000:${BUS_IDS[index] ?? '10'}:00.0`,
    mig: MIG_DISABLED,
  }));
  const plan = planMigConfig(DEFAULT_MIG_CONFIG, migConfig, gpus);
  if (!plan.ok) throw new Error(plan.error);
  return gpus.map((g) => {
    const p = plan.value.find((x) => x.index === g.index);
    if (!p) return g;
    const r = applyMigPlan(g.model, g.mig, p, rng);
    if (!r.ok) throw new Error(r.error);
    return { ...g, mig: r.value };
  });
}

/** The 8 × A100-SXM4-40GB of a DGX A100. */
export const dgxA100 = (migConfig?: string, seed?: number) => nodeGpus('A100-SXM4-40GB', 8, migConfig, seed);
