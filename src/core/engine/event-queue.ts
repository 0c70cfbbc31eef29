/**
 * A min-heap of timed tasks, ordered by (time, sequence). The sequence number makes the order of
 * tasks due at the same instant the order in which they were scheduled, so a run is deterministic.
 * Cancelled tasks are dropped lazily when they reach the top.
 */
export class ScheduledTask {
  cancelled = false;

  constructor(
    readonly at: number,
    readonly seq: number,
    readonly label: string,
    readonly run: () => void,
  ) {}

  /** Idempotent; the task is dropped when it reaches the top of the heap. */
  cancel(): void {
    this.cancelled = true;
  }
}

export class EventQueue {
  private heap: ScheduledTask[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(at: number, label: string, run: () => void): ScheduledTask {
    const task = new ScheduledTask(at, this.nextSeq++, label, run);
    const heap = this.heap;
    heap.push(task);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (!before(task, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = task;
    return task;
  }

  /** The earliest live task, without removing it. */
  peek(): ScheduledTask | undefined {
    this.dropCancelled();
    return this.heap[0];
  }

  pop(): ScheduledTask | undefined {
    this.dropCancelled();
    return this.removeTop();
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0]!.cancelled) this.removeTop();
  }

  private removeTop(): ScheduledTask | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let i = 0;
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && before(heap[r]!, heap[l]!) ? r : l;
      if (!before(heap[c]!, last)) break;
      heap[i] = heap[c]!;
      i = c;
    }
    heap[i] = last;
    return top;
  }
}

function before(a: ScheduledTask, b: ScheduledTask): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
