import type { Batch, ClockState, EventView, HpaView, NodeView, PodView, ServiceView } from '../../worker/protocol';

/** One reading of an autoscaler, for the replicas chart. */
export interface HpaSample {
  readonly timeMs: number;
  readonly current: number;
  readonly desired: number;
}

/** Readings kept per autoscaler: the charts show the recent past. */
const HPA_SAMPLES = 200;

/** How many events the UI keeps; older ones are still in the cluster (kubectl get events). */
const MAX_EVENTS = 1000;

/**
 * The UI's mirror of the cluster, rebuilt from the worker's batches. Collections are replaced,
 * not mutated ($state.raw), so a batch costs one reactive update however many objects changed,
 * and unchanged objects keep their identity (renderers skip them).
 */
export class ClusterState {
  nodes = $state.raw<ReadonlyMap<string, NodeView>>(new Map());
  pods = $state.raw<ReadonlyMap<string, PodView>>(new Map());
  services = $state.raw<ReadonlyMap<string, ServiceView>>(new Map());
  autoscalers = $state.raw<ReadonlyMap<string, HpaView>>(new Map());
  /** Each autoscaler's replicas over time, as the batches reported them. */
  hpaHistory = $state.raw<ReadonlyMap<string, readonly HpaSample[]>>(new Map());
  events = $state.raw<readonly EventView[]>([]);
  clock = $state.raw<ClockState>({ timeMs: 0, running: false, speed: 1 });
  ready = $state(false);
  /** Increases with every full snapshot: the view redraws it without flights. */
  generation = $state(0);
  private lastSeq = 0;

  /**
   * Fold one batch into the mirror. Returns the events that are new in this batch (not repeats
   * of known ones), or undefined for a stale batch, which is dropped.
   */
  applyBatch(batch: Batch): EventView[] | undefined {
    const { diff } = batch;
    const full = 'full' in diff && diff.full;
    if (!full && diff.seq <= this.lastSeq) return undefined;
    this.lastSeq = diff.seq;
    this.clock = batch.clock;
    if (full) this.generation++;

    // Most batches only move the clock: copy a collection only when this batch replaces it (an
    // uncopied one is left untouched below, as nothing is set in or removed from it).
    const removed = diff.removed.length > 0;
    const working = <V>(old: ReadonlyMap<string, V>, changed: boolean) => (full ? new Map<string, V>() : changed || removed ? new Map(old) : (old as Map<string, V>));
    const nodes = working(this.nodes, diff.nodes.length > 0);
    const pods = working(this.pods, diff.pods.length > 0);
    const services = working(this.services, diff.services.length > 0);
    const autoscalers = working(this.autoscalers, diff.autoscalers.length > 0);
    for (const id of diff.removed) {
      nodes.delete(id);
      pods.delete(id);
      services.delete(id);
      autoscalers.delete(id);
    }
    for (const h of diff.autoscalers) autoscalers.set(h.id, h);
    if (full || diff.autoscalers.length || diff.removed.length) {
      this.autoscalers = autoscalers;
      const history = new Map<string, readonly HpaSample[]>();
      for (const h of autoscalers.values()) {
        const past = full ? [] : (this.hpaHistory.get(h.id) ?? []);
        const changed = diff.autoscalers.includes(h) || past.length === 0;
        history.set(h.id, changed ? [...past, { timeMs: diff.timeMs, current: h.currentReplicas, desired: h.desiredReplicas }].slice(-HPA_SAMPLES) : past);
      }
      this.hpaHistory = history;
    }
    for (const n of diff.nodes) nodes.set(n.id, n);
    for (const p of diff.pods) pods.set(p.id, p);
    for (const s of diff.services) services.set(s.id, s);
    if (full || diff.nodes.length || diff.removed.length) this.nodes = nodes;
    if (full || diff.pods.length || diff.removed.length) this.pods = pods;
    if (full || diff.services.length || diff.removed.length) this.services = services;

    const fresh: EventView[] = [];
    if (full || diff.events.length) {
      const byId = new Map((full ? [] : this.events).map((e) => [e.id, e]));
      for (const e of diff.events) {
        const known = byId.get(e.id);
        if (!full && (!known || known.count < e.count)) fresh.push(e);
        byId.set(e.id, e);
      }
      const sorted = [...byId.values()].sort((a, b) => a.lastMs - b.lastMs);
      this.events = sorted.slice(-MAX_EVENTS);
    }
    this.ready = true;
    return fresh;
  }
}
