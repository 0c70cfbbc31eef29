import type { Machine } from './hardware';

/**
 * The mutable physical world under the API: whether each machine is powered, whether its network
 * reaches the control plane, what non-Kubernetes processes use of its memory and disk, and which
 * image registries answer. Faults change this state; kubelets observe it and report what they see
 * through the API, as a real node agent would. Nothing here is an API object.
 */
export interface MachineCondition {
  readonly powered: boolean;
  /** False during a network partition: the machine runs, but cannot reach the API server. */
  readonly networkUp: boolean;
  /** Changes on every boot; the kubelet reports it as nodeInfo.bootID. */
  readonly bootID: string;
  /** Memory used outside any pod (a leaking system daemon), on top of the system's own use. */
  readonly externalMemoryBytes: number;
  /** Disk used outside any pod (logs, core dumps filling the root filesystem). */
  readonly externalDiskBytes: number;
}

export type MachineChange = 'power' | 'network' | 'pressure';

type Listener = (node: string, change: MachineChange) => void;

export class MachineStates {
  private readonly conditions = new Map<string, MachineCondition>();
  private readonly listeners: Listener[] = [];
  /** Registries that do not answer (a host such as docker.io, or '*' for every registry). */
  private readonly registriesDown = new Set<string>();

  constructor(machines: Iterable<Machine>) {
    for (const m of machines) {
      this.conditions.set(m.nodeName, { powered: true, networkUp: true, bootID: m.bootID, externalMemoryBytes: 0, externalDiskBytes: 0 });
    }
  }

  /** Be told when a machine's power, network or pressure changes. */
  subscribe(listener: Listener): void {
    this.listeners.push(listener);
  }

  has(node: string): boolean {
    return this.conditions.has(node);
  }

  get(node: string): MachineCondition {
    const c = this.conditions.get(node);
    if (!c) throw new Error(`no machine ${JSON.stringify(node)}`);
    return c;
  }

  powerOff(node: string): void {
    this.update(node, { powered: false }, 'power');
  }

  /** Power on with a fresh boot id. */
  powerOn(node: string, bootID: string): void {
    this.update(node, { powered: true, bootID }, 'power');
  }

  setNetwork(node: string, up: boolean): void {
    this.update(node, { networkUp: up }, 'network');
  }

  setExternalUse(node: string, use: { memoryBytes?: number; diskBytes?: number }): void {
    const patch: { externalMemoryBytes?: number; externalDiskBytes?: number } = {};
    if (use.memoryBytes !== undefined) patch.externalMemoryBytes = use.memoryBytes;
    if (use.diskBytes !== undefined) patch.externalDiskBytes = use.diskBytes;
    this.update(node, patch, 'pressure');
  }

  setRegistryDown(registry: string, down: boolean): void {
    if (down) this.registriesDown.add(registry);
    else this.registriesDown.delete(registry);
  }

  /** Whether pulls from `registry` (a host such as docker.io or nvcr.io) fail. */
  registryDown(registry: string): boolean {
    return this.registriesDown.has('*') || this.registriesDown.has(registry);
  }

  private update(node: string, patch: Partial<MachineCondition>, change: MachineChange): void {
    this.conditions.set(node, { ...this.get(node), ...patch });
    for (const l of this.listeners) l(node, change);
  }
}
