import { migDevices, type MigDevice } from '../mig-geometry';
import { migGeometry, profileBar1MiB, profileMemoryMiB, type MigGeometry } from '../mig-profiles';
import { border, boxLine, cells, columnRule, doubleRule, smiTimestamp } from './format';
import type { SmiGpu, SmiInput, SmiProcess } from './smi-input';

/**
 * The default `nvidia-smi` screen as driver 550 prints it: the header, the GPU table, the MIG
 * devices table when any GPU has MIG enabled, and the processes table. Column widths are taken
 * from real outputs (driver 550.54.15 on H100 and T4, 550.163.01 on a DGX A100 with MIG —
 * the latter in a public dcgm-exporter bug report); every line is 91 characters.
 */
const WIDTH = 91;
const GPU_COLUMNS = [41, 24, 22];
const MIG_COLUMNS = [18, 34, 11, 23];

const GPU_HEADER = [
  cells(' GPU  Name                 Persistence-M ', ' Bus-Id          Disp.A ', ' Volatile Uncorr. ECC '),
  cells(' Fan  Temp   Perf          Pwr:Usage/Cap ', '           Memory-Usage ', ' GPU-Util  Compute M. '),
  cells(' '.repeat(41), ' '.repeat(24), '               MIG M. '),
  columnRule(GPU_COLUMNS, '=').replace(/^\+/, '|').replace(/\+$/, '|'),
];

const MIG_HEADER = [
  border(WIDTH),
  boxLine(WIDTH, ' MIG devices:'),
  columnRule(MIG_COLUMNS),
  cells(' GPU  GI  CI  MIG ', '                     Memory-Usage ', '        Vol', '      Shared           '),
  cells('      ID  ID  Dev ', '                       BAR1-Usage ', ' SM     Unc', ' CE ENC DEC OFA JPG    '),
  cells(' '.repeat(18), ' '.repeat(34), '        ECC', ' '.repeat(23)),
  columnRule(MIG_COLUMNS, '=').replace(/^\+/, '|').replace(/\+$/, '|'),
];

const PROCESS_HEADER = [
  border(WIDTH),
  boxLine(WIDTH, ' Processes:'),
  boxLine(WIDTH, '  GPU   GI   CI        PID   Type   Process name                              GPU Memory '),
  boxLine(WIDTH, '        ID   ID                                                               Usage      '),
  doubleRule(WIDTH),
];

function header(input: SmiInput): string[] {
  const { driver, cuda } = input.driver;
  return [
    smiTimestamp(input.time),
    border(WIDTH),
    `| NVIDIA-SMI ${driver.padEnd(23)}Driver Version: ${driver.padEnd(15)}CUDA Version: ${cuda.padEnd(9)}|`,
    // Driver 550 opens this rule with a bar and closes it with a plus.
    columnRule(GPU_COLUMNS).replace(/^\+/, '|'),
  ];
}

/** nvidia-smi shortens names that do not fit the Name column. */
function shortName(name: string): string {
  return name.length > 28 ? `${name.slice(0, 24)}...` : name;
}

function gpuRows(s: SmiGpu): string[] {
  const { gpu, telemetry: t } = s;
  const migOn = gpu.mig.enabled;
  const migMode = migGeometry(gpu.model.id) ? (migOn ? 'Enabled' : 'Disabled') : 'N/A';
  return [
    cells(
      `${String(gpu.index).padStart(4)}  ${shortName(gpu.model.name).padEnd(31)}${(s.persistenceMode ? 'On' : 'Off').padEnd(3)} `,
      `   ${gpu.busId} Off `,
      `${migOn ? 'On' : String(t.eccErrors)}`.padStart(21) + ' ',
    ),
    cells(
      ` N/A${`${Math.round(t.temperatureC)}C`.padStart(6)}${t.perfState.padStart(6)}${`${Math.round(t.powerW)}W`.padStart(16)} / ${`${gpu.model.maxPowerW}W`.padStart(5)} `,
      `${`${Math.round(t.memoryUsedMiB)}MiB`.padStart(11)} / ${`${gpu.model.memoryMiB}MiB`.padStart(9)} `,
      `${(migOn ? 'N/A' : `${Math.round(t.utilizationPercent)}%`).padStart(8)}${'Default'.padStart(13)} `,
    ),
    cells(' '.repeat(41), ' '.repeat(24), `${migMode.padStart(21)} `),
    columnRule(GPU_COLUMNS),
  ];
}

function migDeviceRows(s: SmiGpu, geometry: MigGeometry, d: MigDevice): string[] {
  const used = s.migMemoryUsedMiB?.get(d.computeInstance.uuid) ?? { memory: 0, bar1: 0 };
  const p = d.gpuInstanceProfile;
  const e = p.engines;
  return [
    cells(
      `${String(s.gpu.index).padStart(3)}${String(d.gpuInstance.id).padStart(5)}${String(d.computeInstance.id).padStart(4)}${String(d.index).padStart(4)}  `,
      `${`${used.memory}MiB`.padStart(19)} / ${`${profileMemoryMiB(p)}MiB`.padStart(8)}    `,
      `${String(d.multiprocessors).padStart(3)}${'0'.padStart(7)} `,
      `${String(e.copy).padStart(3)}${String(e.encoder).padStart(4)}${String(e.decoder).padStart(5)}${String(e.ofa).padStart(5)}${String(e.jpeg).padStart(5)} `,
    ),
    cells(' '.repeat(18), `${`${used.bar1}MiB`.padStart(21)} / ${`${profileBar1MiB(geometry, p)}MiB`.padStart(8)}  `, ' '.repeat(11), ' '.repeat(23)),
    columnRule(MIG_COLUMNS),
  ];
}

function migTable(gpus: readonly SmiGpu[]): string[] {
  if (!gpus.some((s) => s.gpu.mig.enabled)) return [];
  const rows = gpus.flatMap((s) => {
    const geometry = migGeometry(s.gpu.model.id);
    if (!geometry || !s.gpu.mig.enabled) return [];
    return migDevices(geometry, s.gpu.mig).flatMap((d) => migDeviceRows(s, geometry, d));
  });
  const body = rows.length ? rows : [boxLine(WIDTH, '  No MIG devices found'), border(WIDTH)];
  return ['', ...MIG_HEADER, ...body];
}

/** Long process names keep their end: nvidia-smi elides the front. */
function processName(name: string): string {
  return name.length > 42 ? `...${name.slice(-39)}` : name;
}

function processRow(p: SmiProcess): string {
  const onMig = p.gpuInstanceId !== undefined;
  const ids = onMig ? `${String(p.gpuInstanceId).padStart(5)}${String(p.computeInstanceId ?? 0).padStart(5)}` : '   N/A  N/A';
  const left = `|${String(p.gpuIndex).padStart(5)}${ids}`;
  const withPid = `${left}${String(p.pid).padStart(27 - left.length)}${p.type.padStart(7)}   ${processName(p.name)}`;
  return `${withPid}${`${p.memoryMiB}MiB`.padStart(WIDTH - 2 - withPid.length)} |`;
}

function processTable(processes: readonly SmiProcess[]): string[] {
  const body = processes.length ? processes.map(processRow) : [boxLine(WIDTH, '  No running processes found')];
  return ['', ...PROCESS_HEADER, ...body, border(WIDTH)];
}

/** The whole `nvidia-smi` screen, lines joined with newlines and a final newline. */
export function renderNvidiaSmi(input: SmiInput): string {
  const lines = [...header(input), ...GPU_HEADER, ...input.gpus.flatMap(gpuRows), ...migTable(input.gpus), ...processTable(input.processes)];
  return `${lines.join('\n')}\n`;
}
