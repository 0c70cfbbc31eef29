/** The gap between two announcements, so a screen reader can finish one before the next. */
const GAP_MS = 1500;
/** Announcements waiting beyond this are summarised as a count. */
const MAX_QUEUED = 3;

/**
 * Live-region announcements for important events (a warning in the cluster, a node going down,
 * the worker restarting). Queued and paced, and summarised when too many arrive at once.
 */
export class Announcer {
  message = $state('');
  private queue: string[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private dropped = 0;

  constructor(private readonly summarise: (count: number) => string) {}

  say(text: string): void {
    if (this.queue.length >= MAX_QUEUED) this.dropped++;
    else this.queue.push(text);
    if (!this.timer) this.next();
  }

  private next(): void {
    let text = this.queue.shift();
    if (text === undefined && this.dropped) {
      text = this.summarise(this.dropped);
      this.dropped = 0;
    }
    if (text === undefined) {
      this.timer = undefined;
      return;
    }
    // Clearing first makes a repeated message announced again.
    this.message = '';
    queueMicrotask(() => (this.message = text));
    this.timer = setTimeout(() => this.next(), GAP_MS);
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
