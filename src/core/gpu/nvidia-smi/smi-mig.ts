import { createGpuInstance, migDevices, type MigState } from '../mig-geometry';
import { migGeometry, profileById, type MigGeometry, type MigProfile } from '../mig-profiles';
import type { NodeGpu } from '../node-gpu';
import { border, boxLine, doubleRule } from './format';

/**
 * `nvidia-smi mig -lgip`, `-lgipp`, `-lgi` and `-lci` in driver 550's layouts (79, 57 and 70
 * characters wide), from real outputs: -lgip on H100 NVL/GH200/H200 (NVIDIA/gpu-operator#903,
 * NVIDIA/mig-parted#139, #120) and A30; -lgipp on A30; -lgi/-lci on A100 and H100.
 */
const LGIP_WIDTH = 79;
const LGI_WIDTH = 57;
const LCI_WIDTH = 70;

/** GPUs nvidia-smi mig can list: MIG-capable ones in MIG mode. */
function migGpus(gpus: readonly NodeGpu[]): { gpu: NodeGpu; geometry: MigGeometry }[] {
  return gpus.flatMap((gpu) => {
    const geometry = migGeometry(gpu.model.id);
    return geometry && gpu.mig.enabled ? [{ gpu, geometry }] : [];
  });
}

/**
 * How many more instances of a profile the GPU can take now (NVML's remaining capacity): create
 * them one by one with the driver's placement until one is refused.
 */
export function remainingCapacity(geometry: MigGeometry, state: MigState, profile: MigProfile): number {
  let s = state;
  let n = 0;
  for (;;) {
    const r = createGpuInstance(geometry, s, profile);
    if (!r.ok) return n;
    s = r.value.state;
    n++;
  }
}

const gib = (p: MigProfile) => p.memoryGiB.toFixed(2);

/** A listing box: top border, title, column heads, a double rule, then the rows (each closed by a border). */
function listing(width: number, title: string, heads: readonly string[], rows: readonly string[]): string {
  return `${[border(width), boxLine(width, title), ...heads.map((h) => boxLine(width, h)), doubleRule(width), ...rows].join('\n')}\n`;
}

export function renderGpuInstanceProfiles(gpus: readonly NodeGpu[]): string {
  const targets = migGpus(gpus);
  if (!targets.length) return 'No MIG-enabled devices found.\n';
  const lines: string[] = [];
  for (const { gpu, geometry } of targets) {
    for (const p of geometry.profiles) {
      const free = remainingCapacity(geometry, gpu.mig, p);
      const e = p.engines;
      lines.push(
        `|${String(gpu.index).padStart(4)}  ${`MIG ${p.name}`.padEnd(16)}${String(p.id).padStart(4)}${`${free}/${p.maxInstances}`.padStart(8)}        ${gib(p).padEnd(11)}No     ${String(p.multiprocessors).padEnd(7)}${String(e.decoder).padEnd(6)}${e.encoder}   |`,
        `|${' '.repeat(60)}${String(e.copy).padStart(2)}     ${String(e.jpeg).padEnd(6)}${e.ofa}   |`,
        border(LGIP_WIDTH),
      );
    }
  }
  return listing(LGIP_WIDTH, ' GPU instance profiles:', [
    ' GPU   Name             ID    Instances   Memory     P2P    SM    DEC   ENC  ',
    '                              Free/Total   GiB              CE    JPEG  OFA  ',
  ], lines);
}

export function renderGpuInstancePlacements(gpus: readonly NodeGpu[]): string {
  const targets = migGpus(gpus);
  if (!targets.length) return 'No MIG-enabled devices found.\n';
  const lines = targets.flatMap(({ gpu, geometry }) =>
    geometry.profiles.map((p) => {
      const label = p.placements.length > 1 ? 'Placements:' : 'Placement :';
      return `GPU ${String(gpu.index).padStart(2)} Profile ID ${String(p.id).padStart(2)} ${label} {${p.placements.join(',')}}:${p.memorySlices}`;
    }),
  );
  return `${lines.join('\n')}\n`;
}

export function renderGpuInstances(gpus: readonly NodeGpu[]): string {
  const rows = migGpus(gpus).flatMap(({ gpu, geometry }) =>
    gpu.mig.gpuInstances.flatMap((gi) => {
      const p = profileById(geometry, gi.profileId)!;
      return [`|${String(gpu.index).padStart(4)}  ${`MIG ${p.name}`.padEnd(16)}${String(p.id).padStart(6)}${String(gi.id).padStart(9)}          ${`${gi.start}:${p.memorySlices}`.padEnd(8)}|`, border(LGI_WIDTH)];
    }),
  );
  if (!rows.length) return 'No GPU instances found: Not Found\n';
  return listing(LGI_WIDTH, ' GPU instances:', [
    ' GPU   Name             Profile  Instance   Placement  ',
    '                          ID       ID       Start:Size ',
  ], rows);
}

export function renderComputeInstances(gpus: readonly NodeGpu[]): string {
  const rows = migGpus(gpus).flatMap(({ gpu, geometry }) =>
    migDevices(geometry, gpu.mig).flatMap((d) => {
      const ci = d.computeInstance;
      return [
        `|${String(gpu.index).padStart(4)}${String(d.gpuInstance.id).padStart(7)}       ${`MIG ${d.name}`.padEnd(16)}${String(ci.profileId).padStart(6)}${String(ci.id).padStart(10)}          ${`${ci.start}:${ci.computeSlices}`.padEnd(8)}|`,
        border(LCI_WIDTH),
      ];
    }),
  );
  if (!rows.length) return 'No compute instances found: Not Found\n';
  return listing(LCI_WIDTH, ' Compute instances:', [
    ' GPU     GPU       Name             Profile   Instance   Placement  ',
    '       Instance                       ID        ID       Start:Size ',
    '         ID                                                         ',
  ], rows);
}
