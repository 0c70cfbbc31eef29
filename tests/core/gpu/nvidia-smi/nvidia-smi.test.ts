import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../src/core/engine/rng';
import { gpuModel } from '../../../../src/core/gpu/catalogue';
import { MIG_DISABLED, migDevices } from '../../../../src/core/gpu/mig-geometry';
import { migGeometry } from '../../../../src/core/gpu/mig-profiles';
import { layOut } from '../../../../src/core/gpu/mig-parted/apply';
import { DEFAULT_DRIVER, type NodeGpu } from '../../../../src/core/gpu/node-gpu';
import { containerView, visibleGpus } from '../../../../src/core/gpu/nvidia-smi/smi-container';
import { renderNvidiaSmi } from '../../../../src/core/gpu/nvidia-smi/smi-default';
import type { SmiGpu, SmiInput } from '../../../../src/core/gpu/nvidia-smi/smi-input';
import { renderGpuList } from '../../../../src/core/gpu/nvidia-smi/smi-list';
import { smiTimestamp } from '../../../../src/core/gpu/nvidia-smi/format';

const golden = (name: string) => readFileSync(join(__dirname, 'golden', name), 'utf8');
const at = (y: number, mo: number, d: number, h: number, mi: number, s: number) => Date.UTC(y, mo - 1, d, h, mi, s) / 1000;

function gpu(modelId: string, index: number, busId: string, migConfig?: Record<string, number>, seed = index): NodeGpu {
  const model = gpuModel(modelId)!;
  const rng = new Rng(seed + 100);
  const uuid = `GPU-${rng.uuid()}`;
  if (!migConfig) return { index, model, uuid, busId, mig: MIG_DISABLED };
  const mig = layOut(migGeometry(modelId)!, migConfig, rng);
  if (!mig.ok) throw new Error(mig.error);
  return { index, model, uuid, busId, mig: mig.value };
}

/** Two GPUs of a DGX A100, as in a real 550-driver output: GPU 0 whole, GPU 1 as seven 1g.5gb. */
function dgxInput(): SmiInput {
  const g0 = gpu('A100-SXM4-40GB', 0, '00000000:07:00.0');
  const g1 = gpu('A100-SXM4-40GB', 1, '00000000:0F:00.0', { '1g.5gb': 7 });
  const devices = migDevices(migGeometry('A100-SXM4-40GB')!, g1.mig);
  const migMemory = new Map(devices.map((d) => [d.computeInstance.uuid, d.gpuInstance.id === 7 ? { memory: 4404, bar1: 2 } : { memory: 13, bar1: 0 }]));
  const gpus: SmiGpu[] = [
    { gpu: g0, persistenceMode: false, telemetry: { temperatureC: 31, powerW: 55, utilizationPercent: 0, memoryUsedMiB: 1, perfState: 'P0', eccErrors: 0 } },
    { gpu: g1, persistenceMode: false, telemetry: { temperatureC: 38, powerW: 128, utilizationPercent: 0, memoryUsedMiB: 4480, perfState: 'P0', eccErrors: 0 }, migMemoryUsedMiB: migMemory },
  ];
  return { driver: DEFAULT_DRIVER, time: at(2026, 1, 26, 16, 22, 43), gpus, processes: [{ gpuIndex: 1, gpuInstanceId: 7, computeInstanceId: 0, pid: 229163, type: 'C', name: './gpu_burn', memoryMiB: 4384 }] };
}

describe('nvidia-smi (golden outputs)', () => {
  it('a DGX A100 with one whole GPU and one in seven 1g.5gb MIG devices, with a process on a MIG device', () => {
    expect(renderNvidiaSmi(dgxInput())).toBe(golden('a100-40gb-nvidia-smi.txt'));
  });

  it('two idle H100 80GB HBM3 GPUs with persistence mode on', () => {
    const gpus: SmiGpu[] = [
      { gpu: gpu('H100-80GB-HBM3', 0, '00000000:04:00.0'), persistenceMode: true, telemetry: { temperatureC: 40, powerW: 71, utilizationPercent: 0, memoryUsedMiB: 0, perfState: 'P0', eccErrors: 0 } },
      { gpu: gpu('H100-80GB-HBM3', 1, '00000000:64:00.0'), persistenceMode: true, telemetry: { temperatureC: 40, powerW: 73, utilizationPercent: 0, memoryUsedMiB: 0, perfState: 'P0', eccErrors: 0 } },
    ];
    expect(renderNvidiaSmi({ driver: DEFAULT_DRIVER, time: at(2025, 3, 12, 16, 20, 53), gpus, processes: [] })).toBe(golden('h100-nvidia-smi.txt'));
  });

  it('every line of the screen is 91 characters wide, as in driver 550', () => {
    const lines = renderNvidiaSmi(dgxInput()).split('\n').slice(1).filter((l) => l !== '');
    expect(lines.every((l) => l.length === 91)).toBe(true);
  });

  it('a MIG-enabled GPU without MIG devices says so; a non-MIG GPU prints N/A in MIG M.', () => {
    const empty = { ...gpu('A100-SXM4-40GB', 0, '00000000:07:00.0'), mig: { enabled: true, gpuInstances: [] } };
    const t4 = gpu('T4', 1, '00000000:00:04.0');
    const idle = { temperatureC: 40, powerW: 9, utilizationPercent: 0, memoryUsedMiB: 0, perfState: 'P8', eccErrors: 0 };
    const out = renderNvidiaSmi({ driver: DEFAULT_DRIVER, time: 0, gpus: [{ gpu: empty, persistenceMode: false, telemetry: idle }, { gpu: t4, persistenceMode: false, telemetry: idle }], processes: [] });
    expect(out).toContain('|  No MIG devices found                                                                   |');
    expect(out).toContain('| N/A   40C    P8              9W /   70W |       0MiB /  15360MiB |      0%      Default |');
    expect(out).toContain('|                                         |                        |                  N/A |');
  });

  it('a process on a whole GPU shows N/A for its GPU and compute instance', () => {
    const input = dgxInput();
    const out = renderNvidiaSmi({ ...input, processes: [{ gpuIndex: 0, pid: 1378307, type: 'C', name: 'python', memoryMiB: 1132 }] });
    expect(out).toContain('|    0   N/A  N/A   1378307      C   python                                       1132MiB |');
  });

  it('the timestamp is asctime with a space-padded day', () => {
    expect(smiTimestamp(at(2026, 11, 8, 9, 5, 7))).toBe('Sun Nov  8 09:05:07 2026       ');
  });
});

describe('nvidia-smi inside a container', () => {
  it('sees only its MIG device, renumbered GPU 0, and no processes', () => {
    const input = dgxInput();
    const target = migDevices(migGeometry('A100-SXM4-40GB')!, input.gpus[1]!.gpu.mig)[3]!;
    const out = renderNvidiaSmi(containerView(input, [target.computeInstance.uuid]));
    expect(out).toContain('|   0  NVIDIA A100-SXM4-40GB          Off |   00000000:0F:00.0 Off |                   On |');
    expect(out).not.toContain('00000000:07:00.0');
    expect(out).toContain('|  0   11   0   0  |              13MiB /  4864MiB    | 14      0 |  1   0    0    0    0 |');
    expect(out.match(/4864MiB/g)).toHaveLength(1);
    expect(out).toContain('No running processes found');
  });

  it('a container given whole GPU 1 sees it as GPU 0', () => {
    const input = { ...dgxInput(), gpus: [dgxInput().gpus[0]!, { ...dgxInput().gpus[0]!, gpu: { ...dgxInput().gpus[0]!.gpu, index: 1, uuid: 'GPU-second', busId: '00000000:47:00.0' } }] };
    const out = renderNvidiaSmi(containerView(input, ['GPU-second']));
    expect(out).toContain('|   0  NVIDIA A100-SXM4-40GB          Off |   00000000:47:00.0 Off |');
    expect(out).not.toContain('00000000:07:00.0');
  });
});

describe('nvidia-smi -L', () => {
  it('lists GPUs and, indented, their MIG devices with UUIDs', () => {
    const g = gpu('A100-SXM4-40GB', 0, '00000000:07:00.0', { '1c.2g.10gb': 2, '4g.20gb': 1, '1g.5gb': 1 });
    const migs = migDevices(migGeometry('A100-SXM4-40GB')!, g.mig);
    expect(renderGpuList([g])).toBe(
      [
        `GPU 0: NVIDIA A100-SXM4-40GB (UUID: ${g.uuid})`,
        `  MIG 4g.20gb     Device  0: (UUID: ${migs[0]!.computeInstance.uuid})`,
        `  MIG 1c.2g.10gb  Device  1: (UUID: ${migs[1]!.computeInstance.uuid})`,
        `  MIG 1c.2g.10gb  Device  2: (UUID: ${migs[2]!.computeInstance.uuid})`,
        `  MIG 1g.5gb      Device  3: (UUID: ${migs[3]!.computeInstance.uuid})`,
        '',
      ].join('\n'),
    );
    expect(migs.map((d) => `${d.gpuInstance.id}/${d.computeInstance.id}`)).toEqual(['2/0', '3/0', '3/1', '9/0']);
  });

  it('inside a container lists only the visible device', () => {
    const g = gpu('A100-SXM4-40GB', 3, '00000000:4E:00.0', { '3g.20gb': 2 });
    const second = migDevices(migGeometry('A100-SXM4-40GB')!, g.mig)[1]!;
    expect(renderGpuList(visibleGpus([g], [second.computeInstance.uuid]))).toBe(`GPU 0: NVIDIA A100-SXM4-40GB (UUID: ${g.uuid})\n  MIG 3g.20gb     Device  0: (UUID: ${second.computeInstance.uuid})\n`);
  });
});
