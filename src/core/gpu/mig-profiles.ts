/**
 * MIG geometry as data: for each MIG-capable GPU family, its memory and compute slices, the GPU
 * instance profiles nvidia-smi lists (`nvidia-smi mig -lgip` / `-lgipp`), and the GPU instance
 * IDs the driver hands out.
 *
 * Sources: ../shared/reference/gpu.md (profile IDs, maxima, SMs, GiB, placements — used exactly);
 * the media engine columns (CE/DEC/ENC/JPEG/OFA) are from real `nvidia-smi mig -lgip` outputs for
 * A100-SXM4-40GB, H100 80GB HBM3, H200 (NVIDIA/mig-parted#120) and A30.
 */

/** Engines a GPU instance owns, as `-lgip` and GFD's `nvidia.com/mig-*.engines.*` report them. */
export interface MigEngines {
  readonly copy: number;
  readonly decoder: number;
  readonly encoder: number;
  readonly jpeg: number;
  readonly ofa: number;
}

export interface MigProfile {
  /** Short name, e.g. `1g.5gb` or `1g.5gb+me`. */
  readonly name: string;
  /** The GPU instance profile ID nvidia-smi prints and `-cgi` takes. */
  readonly id: number;
  /** Compute (SM) slices: the `g` in `3g.20gb`. */
  readonly computeSlices: number;
  /** Memory slices the instance occupies: the placement size. */
  readonly memorySlices: number;
  readonly maxInstances: number;
  readonly multiprocessors: number;
  /** Memory as `-lgip` prints it, in GiB. */
  readonly memoryGiB: number;
  /** Allowed placement starts (`{0,2,4}:2` → [0, 2, 4]). */
  readonly placements: readonly number[];
  readonly engines: MigEngines;
}

/**
 * A GPU instance ID and the memory slices it covers. The driver gives each instance the first free
 * ID, in this order, whose slices fit the profile — which is why an A100's first `3g.20gb` lands at
 * 4:4 with ID 1 and a lone `1g.5gb` next to a `4g.20gb` and a `2g.10gb` gets ID 9 at 6:1 (observed
 * with `nvidia-smi mig -lgi`; all-1g layouts get IDs 7, 8, 9, 11, 12, 13, 14).
 */
export interface MigInstanceSlot {
  readonly id: number;
  readonly start: number;
  readonly size: number;
}

export interface MigGeometry {
  /** Catalogue model ids that share this geometry. */
  readonly modelIds: readonly string[];
  readonly memorySlices: number;
  readonly computeSlices: number;
  /** The GPU's BAR1 aperture in MiB; MIG devices get a share of it. */
  readonly bar1MiB: number;
  readonly instanceSlots: readonly MigInstanceSlot[];
  readonly profiles: readonly MigProfile[];
}

/** A compute instance profile: `-lcip` lists `1c.4g.20gb` (ID 0) … `4g.20gb` (ID 3). */
export interface ComputeInstanceProfile {
  readonly id: number;
  readonly computeSlices: number;
}

export const COMPUTE_INSTANCE_PROFILES: readonly ComputeInstanceProfile[] = [
  { id: 0, computeSlices: 1 },
  { id: 1, computeSlices: 2 },
  { id: 2, computeSlices: 3 },
  { id: 3, computeSlices: 4 },
  { id: 4, computeSlices: 7 },
];

const engines = (copy: number, decoder: number, encoder: number, jpeg: number, ofa: number): MigEngines => ({ copy, decoder, encoder, jpeg, ofa });

type Row = [name: string, id: number, g: number, size: number, max: number, sms: number, gib: number, starts: number[], e: MigEngines];
const profiles = (rows: Row[]): MigProfile[] =>
  rows.map(([name, id, computeSlices, memorySlices, maxInstances, multiprocessors, memoryGiB, placements, e]) => ({
    name, id, computeSlices, memorySlices, maxInstances, multiprocessors, memoryGiB, placements, engines: e,
  }));

const slots = (rows: [id: number, start: number, size: number][]): MigInstanceSlot[] => rows.map(([id, start, size]) => ({ id, start, size }));

/** The 8-memory-slice, 7-compute-slice parts: A100, H100, H200. */
const EIGHT_SLICE_SLOTS = slots([
  [0, 0, 8],
  [1, 4, 4], [2, 0, 4],
  [3, 4, 2], [4, 6, 2], [5, 0, 2], [6, 2, 2],
  [7, 4, 1], [8, 5, 1], [9, 6, 1], [10, 7, 1], [11, 0, 1], [12, 1, 1], [13, 2, 1], [14, 3, 1],
]);

const ONES = [0, 1, 2, 3, 4, 5, 6];
const PAIRS = [0, 2, 4, 6];

// Ampere engines: no NVENC; only the +me and 7g instances get JPEG and OFA.
const A100_ENGINES = [engines(1, 0, 0, 0, 0), engines(1, 1, 0, 1, 1), engines(1, 1, 0, 0, 0), engines(2, 1, 0, 0, 0), engines(3, 2, 0, 0, 0), engines(4, 2, 0, 0, 0), engines(7, 5, 0, 1, 1)] as const;
// Hopper engines: every instance has NVDEC and NVJPG; the 7g gets 8 copy engines and the OFA.
const HOPPER_ENGINES = [engines(1, 1, 0, 1, 0), engines(1, 1, 0, 1, 1), engines(1, 1, 0, 1, 0), engines(2, 2, 0, 2, 0), engines(3, 3, 0, 3, 0), engines(4, 4, 0, 4, 0), engines(8, 7, 0, 7, 1)] as const;

/** One table shape for every 8-slice part: names, SMs and GiB differ, IDs and placements do not. */
function eightSliceProfiles(names: readonly string[], sms: readonly number[], gib: readonly number[], e: readonly MigEngines[]): MigProfile[] {
  const shape: [id: number, g: number, size: number, max: number, starts: number[]][] = [
    [19, 1, 1, 7, ONES], [20, 1, 1, 1, ONES], [15, 1, 2, 4, PAIRS], [14, 2, 2, 3, [0, 2, 4]], [9, 3, 4, 2, [0, 4]], [5, 4, 4, 1, [0]], [0, 7, 8, 1, [0]],
  ];
  return profiles(shape.map(([id, g, size, max, starts], i) => [names[i]!, id, g, size, max, sms[i]!, gib[i]!, starts, e[i]!]));
}

const A100_SMS = [14, 14, 14, 28, 42, 56, 98];
const HOPPER_SMS = [16, 16, 26, 32, 60, 64, 132];

export const MIG_GEOMETRIES: readonly MigGeometry[] = [
  {
    modelIds: ['A100-SXM4-40GB', 'A100-PCIE-40GB'],
    memorySlices: 8, computeSlices: 7, bar1MiB: 65536, instanceSlots: EIGHT_SLICE_SLOTS,
    profiles: eightSliceProfiles(['1g.5gb', '1g.5gb+me', '1g.10gb', '2g.10gb', '3g.20gb', '4g.20gb', '7g.40gb'], A100_SMS, [4.75, 4.75, 9.62, 9.62, 19.5, 19.5, 39.5], A100_ENGINES),
  },
  {
    modelIds: ['A100-SXM4-80GB', 'A100-80GB-PCIe'],
    memorySlices: 8, computeSlices: 7, bar1MiB: 131072, instanceSlots: EIGHT_SLICE_SLOTS,
    profiles: eightSliceProfiles(['1g.10gb', '1g.10gb+me', '1g.20gb', '2g.20gb', '3g.40gb', '4g.40gb', '7g.80gb'], A100_SMS, [9.5, 9.5, 19.5, 19.5, 39.25, 39.25, 78.75], A100_ENGINES),
  },
  {
    modelIds: ['H100-80GB-HBM3'],
    memorySlices: 8, computeSlices: 7, bar1MiB: 131072, instanceSlots: EIGHT_SLICE_SLOTS,
    profiles: eightSliceProfiles(['1g.10gb', '1g.10gb+me', '1g.20gb', '2g.20gb', '3g.40gb', '4g.40gb', '7g.80gb'], HOPPER_SMS, [9.75, 9.75, 19.62, 19.62, 39.5, 39.5, 79.25], HOPPER_ENGINES),
  },
  {
    modelIds: ['H200'],
    memorySlices: 8, computeSlices: 7, bar1MiB: 262144, instanceSlots: EIGHT_SLICE_SLOTS,
    profiles: eightSliceProfiles(['1g.18gb', '1g.18gb+me', '1g.35gb', '2g.35gb', '3g.71gb', '4g.71gb', '7g.141gb'], HOPPER_SMS, [16, 16, 32.5, 32.5, 69.5, 69.5, 140], HOPPER_ENGINES),
  },
  {
    // A30: 4 memory and 4 compute slices. The quarter IDs 3–6 at 0–3 are observed; the order of
    // the half IDs 1–2 is assumed to follow the slices (docs/fidelity.md).
    modelIds: ['A30'],
    memorySlices: 4, computeSlices: 4, bar1MiB: 32768,
    instanceSlots: slots([[0, 0, 4], [1, 0, 2], [2, 2, 2], [3, 0, 1], [4, 1, 1], [5, 2, 1], [6, 3, 1]]),
    profiles: profiles([
      ['1g.6gb', 14, 1, 1, 4, 14, 5.81, [0, 1, 2, 3], engines(1, 1, 0, 0, 0)],
      ['1g.6gb+me', 21, 1, 1, 1, 14, 5.81, [0, 1, 2, 3], engines(1, 1, 0, 1, 1)],
      ['2g.12gb', 5, 2, 2, 2, 28, 11.69, [0, 2], engines(2, 2, 0, 0, 0)],
      ['2g.12gb+me', 6, 2, 2, 1, 28, 11.69, [0, 2], engines(2, 2, 0, 1, 1)],
      ['4g.24gb', 0, 4, 4, 1, 56, 23.44, [0], engines(4, 4, 0, 1, 1)],
    ]),
  },
];

const BY_MODEL = new Map(MIG_GEOMETRIES.flatMap((g) => g.modelIds.map((id) => [id, g] as const)));

/** The MIG geometry of a catalogue model, or undefined when the model is not MIG-capable. */
export function migGeometry(modelId: string): MigGeometry | undefined {
  return BY_MODEL.get(modelId);
}

export function profileByName(geometry: MigGeometry, name: string): MigProfile | undefined {
  return geometry.profiles.find((p) => p.name === name);
}

export function profileById(geometry: MigGeometry, id: number): MigProfile | undefined {
  return geometry.profiles.find((p) => p.id === id);
}

/** `+me` profiles carry the GPU's single set of media extensions: at most one per GPU. */
export function hasMediaExtensions(profile: MigProfile): boolean {
  return profile.name.endsWith('+me');
}

/** MiB of framebuffer a MIG device reports (nvidia-smi's MIG devices table, GFD's `.memory`). */
export function profileMemoryMiB(profile: MigProfile): number {
  return Math.round(profile.memoryGiB * 1024);
}

/**
 * BAR1 of a MIG device: the whole aperture for a full-GPU instance, otherwise its share less one
 * MiB (A100-40GB 1g.5gb: 8191 of 65536; A100-80GB 2g.20gb: 32767 of 131072, as nvidia-smi shows).
 */
export function profileBar1MiB(geometry: MigGeometry, profile: MigProfile): number {
  if (profile.memorySlices === geometry.memorySlices) return geometry.bar1MiB;
  return (geometry.bar1MiB * profile.memorySlices) / geometry.memorySlices - 1;
}
