import type { Pod } from 'kubernetes-types/core/v1';
import { goDuration } from '../format/duration';
import type { SimContext } from '../sim-context';
import { setUnschedulable } from './cordon';
import { type DrainFilterOptions, podsForDeletion } from './drain-filters';
import { evictPod } from './eviction-api';

/**
 * kubectl drain as a client running in virtual time (kubectl/pkg/cmd/drain and pkg/drain): it
 * cordons the node, picks the pods to remove, evicts them all at once through the eviction API,
 * retries each refused eviction every 5 s (a PodDisruptionBudget's 429), waits for each pod to
 * be gone (polling every second), and prints kubectl's lines as it goes.
 */
export interface DrainOptions extends DrainFilterOptions {
  readonly gracePeriodSeconds?: number;
  /** --timeout: give up after this long (0 or unset: wait for ever, as kubectl does). */
  readonly timeoutSeconds?: number;
}

export interface DrainLine {
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
  /** Virtual milliseconds when it was printed. */
  readonly atMs: number;
}

/** kubectl drain's retry interval after a 429. */
export const EVICTION_RETRY_MS = 5000;
/** waitForDelete polls once a second. */
const DELETE_POLL_MS = 1000;

export class DrainOperation {
  readonly lines: DrainLine[] = [];
  done = false;
  exitCode = 0;
  private readonly listeners = new Set<(line: DrainLine) => void>();

  constructor(private readonly now: () => number) {}

  stdout(): string {
    return this.text('stdout');
  }

  stderr(): string {
    return this.text('stderr');
  }

  /** Be told of each line as it is printed (a terminal streaming the command). */
  onLine(listener: (line: DrainLine) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  print(stream: 'stdout' | 'stderr', text: string): void {
    const line = { stream, text, atMs: this.now() };
    this.lines.push(line);
    for (const l of this.listeners) l(line);
  }

  finish(exitCode: number): void {
    this.done = true;
    this.exitCode = exitCode;
  }

  private text(stream: 'stdout' | 'stderr'): string {
    return this.lines
      .filter((l) => l.stream === stream)
      .map((l) => l.text)
      .join('\n');
  }
}

/** utilerrors.NewAggregate's message: one error as is, several in brackets. */
function aggregate(errors: readonly string[]): string {
  return errors.length === 1 ? errors[0]! : `[${errors.join(', ')}]`;
}

export function startDrain(ctx: SimContext, node: string, options: DrainOptions = {}): DrainOperation {
  const op = new DrainOperation(() => ctx.clock.now());
  const cordon = setUnschedulable(ctx.store, node, true);
  if (!cordon.ok) {
    op.print('stderr', cordon.message);
    op.finish(1);
    return op;
  }
  op.print('stdout', cordon.message);
  const fail = (error: string) => {
    op.print('stderr', `error: unable to drain node ${JSON.stringify(node)} due to error: ${error}, continuing command...`);
    op.print('stderr', 'There are pending nodes to be drained:');
    op.print('stderr', ` ${node}`);
    op.print('stderr', `error: ${error}`);
    op.finish(1);
  };
  const list = podsForDeletion(ctx.store, node, options);
  if (list.errors.length) {
    fail(aggregate(list.errors));
    return op;
  }
  if (list.warnings) op.print('stderr', `Warning: ${list.warnings}`);
  const pending = new Map(list.pods.map((p) => [p.metadata.uid, p]));
  const finishedAll = () => {
    if (op.done || pending.size > 0) return;
    op.print('stdout', `node/${node} drained`);
    op.finish(0);
  };
  const abort = (error: string) => {
    if (op.done) return;
    op.print('stderr', `There are pending pods in node ${JSON.stringify(node)} when an error occurred: ${error}`);
    for (const p of pending.values()) op.print('stderr', `pod/${p.metadata.name}`);
    fail(error);
  };
  if (options.timeoutSeconds && options.timeoutSeconds > 0) {
    ctx.clock.after(options.timeoutSeconds * 1000, 'drain-timeout', () => {
      if (!op.done) abort(`drain did not complete within ${goDuration(options.timeoutSeconds! * 1000)}`);
    });
  }
  const grace = options.gracePeriodSeconds !== undefined && options.gracePeriodSeconds >= 0 ? { gracePeriodSeconds: options.gracePeriodSeconds } : {};

  const waitForDelete = (namespace: string, name: string, uid: string) => {
    if (op.done) return;
    const p = ctx.store.get<Pod>('Pod', name, namespace);
    if (!p || p.metadata.uid !== uid) {
      op.print('stdout', `pod/${name} evicted`);
      pending.delete(uid);
      finishedAll();
      return;
    }
    ctx.clock.after(DELETE_POLL_MS, 'drain-wait', () => waitForDelete(namespace, name, uid));
  };
  const evict = (namespace: string, name: string, uid: string) => {
    if (op.done) return;
    op.print('stdout', `evicting pod ${namespace}/${name}`);
    const r = evictPod(ctx, namespace, name, grace);
    if (r.ok) return waitForDelete(namespace, name, uid);
    if (r.error.reason === 'NotFound') {
      pending.delete(uid);
      return finishedAll();
    }
    if (r.error.reason === 'TooManyRequests') {
      op.print('stderr', `error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(namespace)} (will retry after ${goDuration(EVICTION_RETRY_MS)}): ${r.error.message}`);
      ctx.clock.after(EVICTION_RETRY_MS, 'drain-retry', () => evict(namespace, name, uid));
      return;
    }
    const error = `error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(namespace)}: ${r.error.message}`;
    op.print('stderr', error);
    abort(error);
  };
  for (const p of list.pods) evict(p.metadata.namespace ?? 'default', p.metadata.name, p.metadata.uid);
  finishedAll();
  return op;
}
