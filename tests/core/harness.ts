import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../../src/core/api/types';
import { applyManifests } from '../../src/core/apply/apply';
import { resolveCluster } from '../../src/core/cluster/parse-cluster';
import { rfc3339 } from '../../src/core/engine/time';
import { setCondition } from '../../src/core/kubelet/pod-conditions';
import { World } from '../../src/core/world';

/**
 * A cluster for controller tests: the real World (store, scheduler, kubelets, controllers), with
 * helpers that play the parts a test needs to control — a container exiting, a readiness probe
 * failing — by writing pod status exactly as the kubelet would.
 */
export class TestCluster {
  readonly world: World;

  constructor(cluster: Parameters<typeof resolveCluster>[0] = 'minimal', seed = 1) {
    this.world = new World(seed, resolveCluster(cluster));
  }

  get store() {
    return this.world.ctx.store;
  }

  get nowMs(): number {
    return this.world.ctx.clock.now();
  }

  apply(yaml: string, namespace?: string): void {
    const out = applyManifests(this.store, yaml, namespace ? { namespace } : {});
    if (!out.ok) throw new Error(out.stderr);
  }

  /** Apply and return kubectl's error text, for tests of refusals. */
  applyError(yaml: string): string {
    return applyManifests(this.store, yaml).stderr;
  }

  advance(seconds: number): void {
    this.world.ctx.clock.runUntil(this.nowMs + Math.round(seconds * 1000));
  }

  /** Advance, calling `check` (which only reads) right after every write to the store. */
  advanceCheckingEveryWrite(seconds: number, check: () => void): void {
    const stop = this.store.watch('*', () => check());
    try {
      this.advance(seconds);
    } finally {
      stop();
    }
  }

  pods(namespace = 'default'): Stored<Pod>[] {
    return this.store.list<Pod>('Pod', namespace);
  }

  get<T extends KubeObject>(kind: string, name: string, namespace = 'default'): Stored<T> {
    const o = this.store.get<T>(kind, name, namespace);
    if (!o) throw new Error(`${kind} ${namespace}/${name} not found`);
    return o;
  }

  /** The container exits: the pod becomes Succeeded (exit 0) or Failed, as the kubelet reports with restartPolicy Never. */
  finishPod(name: string, exitCode: number, namespace = 'default'): void {
    const now = rfc3339(this.nowMs);
    this.store.patchStatus<Pod>('Pod', name, namespace, (p) => {
      const st = (p as { status: NonNullable<Pod['status']> }).status;
      st.phase = exitCode === 0 ? 'Succeeded' : 'Failed';
      for (const c of st.containerStatuses ?? []) {
        c.ready = false;
        c.started = false;
        c.state = { terminated: { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', startedAt: c.state?.running?.startedAt ?? now, finishedAt: now, containerID: c.containerID } };
      }
      setCondition(p, 'Ready', 'False', now, 'PodCompleted');
      setCondition(p, 'ContainersReady', 'False', now, 'PodCompleted');
    });
  }

  /** The readiness probe starts failing or passing again. */
  setReady(name: string, ready: boolean, namespace = 'default'): void {
    const now = rfc3339(this.nowMs);
    this.store.patchStatus<Pod>('Pod', name, namespace, (p) => {
      const st = (p as { status: NonNullable<Pod['status']> }).status;
      for (const c of st.containerStatuses ?? []) c.ready = ready;
      const names = (st.containerStatuses ?? []).map((c) => c.name).join(' ');
      if (ready) {
        setCondition(p, 'Ready', 'True', now);
        setCondition(p, 'ContainersReady', 'True', now);
      } else {
        setCondition(p, 'Ready', 'False', now, 'ContainersNotReady', `containers with unready status: [${names}]`);
        setCondition(p, 'ContainersReady', 'False', now, 'ContainersNotReady', `containers with unready status: [${names}]`);
      }
    });
  }

  /** Events about objects of a kind, as `Reason: message`. */
  events(kind: string, name?: string): string[] {
    return this.store
      .list<{ involvedObject: { kind?: string; name?: string }; reason?: string; message?: string } & KubeObject>('Event')
      .filter((e) => e.involvedObject.kind === kind && (name === undefined || e.involvedObject.name === name))
      .map((e) => `${e.reason}: ${e.message}`);
  }
}

export function isReady(p: Pod): boolean {
  return p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}
