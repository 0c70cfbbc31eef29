import type { SimContext } from '../sim-context';

/**
 * Fault injection. A fault is data (so it can be logged and replayed); each type has one
 * handler that changes the simulated world the way the real failure would.
 */
export type Fault =
  /** The machine loses power: its containers die at once and its kubelet stops. */
  | { readonly type: 'node-down'; readonly node: string }
  /** Power back on: the machine boots (new boot id) and its kubelet rejoins. */
  | { readonly type: 'node-up'; readonly node: string }
  /** The node cannot reach the control plane; its containers keep running. */
  | { readonly type: 'network-partition'; readonly node: string }
  | { readonly type: 'network-heal'; readonly node: string }
  /** A container's process exits with `exitCode` (default 1). */
  | { readonly type: 'container-crash'; readonly pod: string; readonly namespace?: string; readonly container?: string; readonly exitCode?: number }
  /** The pod is force-deleted (grace period 0), as chaos tools' pod-kill does. */
  | { readonly type: 'pod-kill'; readonly pod: string; readonly namespace?: string }
  /** The kernel OOM-kills a container: OOMKilled, exit 137. */
  | { readonly type: 'oom'; readonly pod: string; readonly namespace?: string; readonly container?: string }
  /** A registry stops answering (a host such as docker.io or nvcr.io; every registry when omitted). */
  | { readonly type: 'registry-outage'; readonly registry?: string }
  | { readonly type: 'registry-restore'; readonly registry?: string }
  /** Something outside Kubernetes fills the node's memory (default: all but 50 MiB) or disk (default: all but 5 %). */
  | { readonly type: 'memory-pressure'; readonly node: string; readonly bytes?: number }
  | { readonly type: 'disk-pressure'; readonly node: string; readonly bytes?: number }
  | { readonly type: 'pressure-relieved'; readonly node: string }
  | { readonly type: 'gpu-xid'; readonly node: string; readonly gpu: number; readonly xid: number }
  | { readonly type: string; readonly [field: string]: unknown };

export interface FaultResult {
  readonly ok: boolean;
  readonly message: string;
}

export type FaultHandler = (ctx: SimContext, fault: Fault) => FaultResult;

export class FaultInjector {
  private readonly handlers = new Map<string, FaultHandler>();

  register(type: string, handler: FaultHandler): void {
    this.handlers.set(type, handler);
  }

  types(): string[] {
    return [...this.handlers.keys()];
  }

  inject(ctx: SimContext, fault: Fault): FaultResult {
    const handler = this.handlers.get(fault.type);
    if (!handler) {
      const known = this.types();
      return {
        ok: false,
        message: `fault type ${JSON.stringify(fault.type)} is not supported${known.length ? `; supported types: ${known.join(', ')}` : ' yet'}`,
      };
    }
    return handler(ctx, fault);
  }
}
