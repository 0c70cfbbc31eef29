import type { Machine } from '../../cluster/hardware';
import { MIG_DISABLED, type MigState } from '../mig-geometry';
import type { NodeGpu } from '../node-gpu';
import { xid as xidInfo, type XidRecovery } from '../xids';

/**
 * The GPUs of one node as the driver sees them: each GPU's MIG state, whether it has fallen off
 * the bus, the Xid errors the driver has raised (what NVML's event set hands to the device plugin's
 * health check and DCGM's XID_ERRORS field reads), and the driver's kernel log. This is hardware
 * state: the NVIDIA components observe it, nothing in the API holds it.
 */
export interface XidEvent {
  /** Increasing per node: health checkers remember the last one they saw. */
  readonly seq: number;
  readonly gpu: number;
  readonly code: number;
  readonly timeMs: number;
  /** The GPU and compute instance the Xid names, on a MIG GPU. */
  readonly instance?: { readonly gi: number; readonly ci: number };
}

export interface KernelLogLine {
  readonly timeMs: number;
  readonly text: string;
}

/** Kernel log lines kept per node (dmesg's ring buffer holds about this much of driver chatter). */
const KERNEL_LOG_LINES = 500;
/** Xid events kept per node for health checkers that have not read them yet. */
const XID_EVENTS_KEPT = 200;

export class NodeHardware {
  private gpuList: NodeGpu[];
  private readonly xidEvents: XidEvent[] = [];
  private nextSeq = 1;
  /** GPUs that fell off the bus (Xid 79): gone until the node reboots. */
  private readonly lost = new Set<number>();
  /** The last Xid per GPU since its last reset (DCGM_FI_DEV_XID_ERRORS), and what it takes to clear. */
  private readonly lastXid = new Map<number, { code: number; recovery: XidRecovery }>();
  private readonly kernel: KernelLogLine[] = [];
  /** When the machine last booted: dmesg's timestamps count from here. */
  private bootMs = 0;

  constructor(readonly machine: Machine) {
    this.gpuList = machine.gpus.map((g) => ({ ...g, mig: MIG_DISABLED }));
  }

  get node(): string {
    return this.machine.nodeName;
  }

  get gpus(): readonly NodeGpu[] {
    return this.gpuList;
  }

  gpu(index: number): NodeGpu | undefined {
    return this.gpuList.find((g) => g.index === index);
  }

  setMig(index: number, mig: MigState): void {
    this.gpuList = this.gpuList.map((g) => (g.index === index ? { ...g, mig } : g));
  }

  isLost(index: number): boolean {
    return this.lost.has(index);
  }

  lastXidOf(index: number): number {
    return this.lastXid.get(index)?.code ?? 0;
  }

  /** What the last Xid on a GPU asks for before the GPU is trustworthy again, if anything. */
  pendingRecovery(index: number): XidRecovery | undefined {
    return this.lastXid.get(index)?.recovery;
  }

  /** The driver raises an Xid: it is logged, counted, and handed to NVML event listeners. */
  raiseXid(gpu: number, code: number, timeMs: number, line: string, instance?: { gi: number; ci: number }): XidEvent {
    const event: XidEvent = { seq: this.nextSeq++, gpu, code, timeMs, ...(instance ? { instance } : {}) };
    this.xidEvents.push(event);
    if (this.xidEvents.length > XID_EVENTS_KEPT) this.xidEvents.splice(0, this.xidEvents.length - XID_EVENTS_KEPT);
    this.lastXid.set(gpu, { code, recovery: xidInfo(code)?.recovery ?? 'gpu-reset' });
    if (code === 79) this.lost.add(gpu);
    this.log(timeMs, line);
    return event;
  }

  /** Xid events after `seq`, oldest first. */
  xidsSince(seq: number): XidEvent[] {
    return this.xidEvents.filter((e) => e.seq > seq);
  }

  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  /** `nvidia-smi -r`: the GPU is re-initialised; its Xid state clears (a lost GPU cannot be reset). */
  reset(index: number, timeMs: number): void {
    this.lastXid.delete(index);
    const gpu = this.gpu(index)!;
    this.log(timeMs, `NVRM: GPU at PCI:${gpu.busId.slice(4)}: GPU-reset completed`);
  }

  /** A reboot: every GPU is back on the bus with no Xid state, and the kernel log starts afresh. MIG mode and instances are kept. */
  rebooted(nowMs: number): void {
    this.lost.clear();
    this.lastXid.clear();
    this.kernel.length = 0;
    this.bootMs = nowMs;
  }

  log(timeMs: number, text: string): void {
    this.kernel.push({ timeMs, text });
    if (this.kernel.length > KERNEL_LOG_LINES) this.kernel.splice(0, this.kernel.length - KERNEL_LOG_LINES);
  }

  /** The driver's lines in the kernel log as `dmesg` prints them: `[  512.250000] NVRM: Xid …`, seconds since boot. */
  dmesg(): string {
    return this.kernel.map((l) => `[${((l.timeMs - this.bootMs) / 1000).toFixed(6).padStart(12)}] ${l.text}`).join('\n');
  }
}
