import type { SimContext } from '../sim-context';

/**
 * Fault injection. A fault is data (so it can be logged and replayed); each type has one
 * handler that changes the simulated world the way the real failure would.
 */
export type Fault =
  | { readonly type: 'node-down'; readonly node: string }
  | { readonly type: 'node-up'; readonly node: string }
  | { readonly type: 'container-crash'; readonly pod: string; readonly namespace?: string; readonly container?: string }
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
