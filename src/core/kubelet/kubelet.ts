import type { ContainerStatus, Node, Pod } from 'kubernetes-types/core/v1';
import type { Stored, Writable } from '../api/types';
import type { Machine } from '../cluster/hardware';
import type { Timer } from '../engine/clock';
import { hexDigest } from '../engine/hash';
import { rfc3339 } from '../engine/time';
import { goDuration } from '../format/duration';
import type { SimContext } from '../sim-context';
import { imageId, imageSizeBytes, parseImage, PULL_BYTES_PER_SECOND, PULL_OVERHEAD_MS } from './images';
import { registrationNode } from './node-object';
import { setCondition } from './pod-conditions';

/** What the kubelet remembers about a pod it runs, beyond what the API shows. */
interface PodRuntime {
  readonly uid: string;
  readonly namespace: string;
  readonly name: string;
  timers: Timer[];
  terminating: boolean;
}

/**
 * The node agent for one machine: registers the Node, then takes each pod bound to it through
 * sandbox creation, image pulls and container starts (Pending → ContainerCreating → Running),
 * and through graceful termination when the pod is deleted.
 */
export class Kubelet {
  private readonly pods = new Map<string, PodRuntime>();
  private readonly images = new Set<string>();
  private nextPodIp = 2;
  /** Image pulls are serialised on a node (kubelet serializeImagePulls defaults to true). */
  private pullQueueFreeAt = 0;

  constructor(
    private readonly ctx: SimContext,
    readonly machine: Machine,
  ) {}

  get nodeName(): string {
    return this.machine.nodeName;
  }

  /** Register the Node object, with the events a starting kubelet emits. */
  register(): void {
    const { store, recorder, clock } = this.ctx;
    store.create(registrationNode(this.machine, clock.now()));
    const source = { component: 'kubelet', host: this.nodeName };
    const ref = { kind: 'Node', name: this.nodeName, uid: this.nodeName, apiVersion: 'v1' };
    recorder.record(ref, 'Normal', 'Starting', 'Starting kubelet.', source);
    for (const reason of ['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID']) {
      recorder.record(ref, 'Normal', reason, `Node ${this.nodeName} status is now: ${reason}`, source);
    }
    recorder.record(ref, 'Normal', 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods', source);
    recorder.record(ref, 'Normal', 'RegisteredNode', `Node ${this.nodeName} event: Registered Node ${this.nodeName} in Controller`, { component: 'node-controller' });
  }

  /** Called for every change to a pod bound to this node. */
  onPod(pod: Stored<Pod>): void {
    const known = this.pods.get(pod.metadata.uid);
    if (!known) {
      if (pod.metadata.deletionTimestamp) {
        this.ctx.clock.after(0, 'kubelet-finalize', () => this.finalize(pod.metadata.namespace!, pod.metadata.name));
        return;
      }
      this.start(pod);
      return;
    }
    if (pod.metadata.deletionTimestamp && !known.terminating) this.terminate(known, pod);
  }

  /** The pod is gone from the API (force-deleted or finalized): forget it. */
  onPodDeleted(pod: Stored<Pod>): void {
    const known = this.pods.get(pod.metadata.uid);
    if (!known) return;
    for (const t of known.timers) t.cancel();
    this.pods.delete(pod.metadata.uid);
  }

  private start(pod: Stored<Pod>): void {
    const runtime: PodRuntime = { uid: pod.metadata.uid, namespace: pod.metadata.namespace!, name: pod.metadata.name, timers: [], terminating: false };
    this.pods.set(runtime.uid, runtime);
    const { rng } = this.ctx;
    // The kubelet's pod workers pick up a newly bound pod within a few hundred milliseconds.
    this.after(runtime, rng.between(100, 300), 'kubelet-sync', () => this.beginSync(runtime));
  }

  private beginSync(rt: PodRuntime): void {
    const now = rfc3339(this.ctx.clock.now());
    const pod = this.current(rt);
    if (!pod) return;
    const containers = pod.spec?.containers ?? [];
    this.ctx.store.patchStatus<Pod>('Pod', rt.name, rt.namespace, (p) => {
      const st = ((p as Writable<Pod>).status ??= {});
      st.phase = 'Pending';
      st.hostIP = this.machine.internalIP;
      st.hostIPs = [{ ip: this.machine.internalIP }];
      st.startTime = now;
      setCondition(p, 'PodReadyToStartContainers', 'False', now);
      setCondition(p, 'Initialized', 'True', now);
      const names = containers.map((c) => c.name).join(' ');
      setCondition(p, 'Ready', 'False', now, 'ContainersNotReady', `containers with unready status: [${names}]`);
      setCondition(p, 'ContainersReady', 'False', now, 'ContainersNotReady', `containers with unready status: [${names}]`);
      st.containerStatuses = containers.map((c) => waitingStatus(c.name, c.image ?? '', 'ContainerCreating'));
    });
    // Creating the sandbox: the pause container and the CNI call that gives the pod its IP.
    this.after(rt, this.ctx.rng.between(400, 1200), 'kubelet-sandbox', () => this.sandboxReady(rt));
  }

  private sandboxReady(rt: PodRuntime): void {
    const now = rfc3339(this.ctx.clock.now());
    const ip = this.allocatePodIp();
    this.ctx.store.patchStatus<Pod>('Pod', rt.name, rt.namespace, (p) => {
      p.status!.podIP = ip;
      p.status!.podIPs = [{ ip }];
      setCondition(p, 'PodReadyToStartContainers', 'True', now);
    });
    this.startContainer(rt, 0);
  }

  /** Start the containers one after another, pulling each image first when needed. */
  private startContainer(rt: PodRuntime, index: number): void {
    const pod = this.current(rt);
    if (!pod || rt.terminating) return;
    const container = pod.spec?.containers?.[index];
    if (!container) return this.allStarted(rt);
    const image = container.image ?? '';
    const ref = parseImage(image);
    const fieldPath = `spec.containers{${container.name}}`;
    const source = { component: 'kubelet', host: this.nodeName };
    const { recorder, clock, rng } = this.ctx;
    const present = this.images.has(ref.full);
    const policy = container.imagePullPolicy ?? 'IfNotPresent';
    const afterImage = () => {
      const p = this.current(rt);
      if (!p || rt.terminating) return;
      recorder.record(p, 'Normal', 'Created', `Created container: ${container.name}`, source, fieldPath);
      this.after(rt, rng.between(80, 250), 'kubelet-start-container', () => {
        const q = this.current(rt);
        if (!q || rt.terminating) return;
        const now = rfc3339(clock.now());
        recorder.record(q, 'Normal', 'Started', `Started container ${container.name}`, source, fieldPath);
        this.ctx.store.patchStatus<Pod>('Pod', rt.name, rt.namespace, (draft) => {
          const statuses = draft.status!.containerStatuses!;
          statuses[index] = runningStatus(container.name, ref.full, imageId(ref), now, this.machine.runtime, `${rt.uid}/${container.name}`);
        });
        this.startContainer(rt, index + 1);
      });
    };

    if (present && policy !== 'Always') {
      recorder.record(pod, 'Normal', 'Pulled', `Container image ${JSON.stringify(image)} already present on machine`, source, fieldPath);
      this.after(rt, rng.between(50, 150), 'kubelet-create-container', afterImage);
      return;
    }
    recorder.record(pod, 'Normal', 'Pulling', `Pulling image ${JSON.stringify(image)}`, source, fieldPath);
    const size = imageSizeBytes(ref);
    // A pull of a cached image only checks the manifest; otherwise download and unpack.
    const pullMs = Math.round(present ? rng.between(300, 900) : rng.jitter(PULL_OVERHEAD_MS + (size / PULL_BYTES_PER_SECOND) * 1000, 0.15));
    const startAt = Math.max(clock.now(), this.pullQueueFreeAt);
    const waitedMs = startAt - clock.now();
    this.pullQueueFreeAt = startAt + pullMs;
    this.after(rt, waitedMs + pullMs, 'kubelet-pull', () => {
      this.images.add(ref.full);
      this.recordImageOnNode(ref.full, size);
      const p = this.current(rt);
      if (!p) return;
      recorder.record(
        p,
        'Normal',
        'Pulled',
        `Successfully pulled image ${JSON.stringify(image)} in ${goDuration(pullMs)} (${goDuration(pullMs + waitedMs)} including waiting). Image size: ${size} bytes.`,
        source,
        fieldPath,
      );
      this.after(rt, rng.between(50, 150), 'kubelet-create-container', afterImage);
    });
  }

  private allStarted(rt: PodRuntime): void {
    const now = rfc3339(this.ctx.clock.now());
    this.ctx.store.patchStatus<Pod>('Pod', rt.name, rt.namespace, (p) => {
      p.status!.phase = 'Running';
      setCondition(p, 'Ready', 'True', now);
      setCondition(p, 'ContainersReady', 'True', now);
      for (const c of p.status!.containerStatuses ?? []) c.ready = true;
    });
  }

  /** Graceful termination: stop every running container, then confirm the deletion. */
  private terminate(rt: PodRuntime, pod: Stored<Pod>): void {
    rt.terminating = true;
    for (const t of rt.timers) t.cancel();
    rt.timers = [];
    const source = { component: 'kubelet', host: this.nodeName };
    for (const c of pod.status?.containerStatuses ?? []) {
      if (c.state?.running) {
        this.ctx.recorder.record(pod, 'Normal', 'Killing', `Stopping container ${c.name}`, source, `spec.containers{${c.name}}`);
      }
    }
    const grace = (pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000;
    // Servers such as nginx exit promptly on SIGTERM; the grace period is the upper bound.
    const stopMs = Math.min(grace, this.ctx.rng.between(300, 1200));
    this.after(rt, stopMs, 'kubelet-killed', () => this.finalize(rt.namespace, rt.name));
  }

  private finalize(namespace: string, name: string): void {
    if (this.ctx.store.get('Pod', name, namespace)) this.ctx.store.delete('Pod', name, namespace, { gracePeriodSeconds: 0 });
  }

  private recordImageOnNode(full: string, size: number): void {
    const node = this.ctx.store.get<Node>('Node', this.nodeName);
    if (!node || node.status?.images?.some((i) => i.names?.includes(full))) return;
    this.ctx.store.patchStatus<Node>('Node', this.nodeName, undefined, (n) => {
      (n.status!.images ??= []).push({ names: [full], sizeBytes: size });
    });
  }

  private allocatePodIp(): string {
    const base = this.machine.podCIDR.split('.').slice(0, 3).join('.');
    const ip = `${base}.${this.nextPodIp}`;
    this.nextPodIp = this.nextPodIp >= 254 ? 2 : this.nextPodIp + 1;
    return ip;
  }

  private current(rt: PodRuntime): Stored<Pod> | undefined {
    const pod = this.ctx.store.get<Pod>('Pod', rt.name, rt.namespace);
    return pod && pod.metadata.uid === rt.uid ? pod : undefined;
  }

  private after(rt: PodRuntime, ms: number, label: string, run: () => void): void {
    const timer = this.ctx.clock.after(Math.round(ms), label, () => {
      rt.timers = rt.timers.filter((t) => t !== timer);
      run();
    });
    rt.timers.push(timer);
  }
}

function waitingStatus(name: string, image: string, reason: string): ContainerStatus {
  return { name, image, imageID: '', ready: false, restartCount: 0, started: false, state: { waiting: { reason } } };
}

function runningStatus(name: string, image: string, id: string, startedAt: string, runtime: string, seed: string): ContainerStatus {
  const scheme = runtime === 'docker' ? 'docker' : runtime === 'cri-o' ? 'cri-o' : 'containerd';
  return {
    name,
    image,
    imageID: id,
    containerID: `${scheme}://${hexDigest(seed)}`,
    ready: false,
    restartCount: 0,
    started: true,
    state: { running: { startedAt } },
  };
}
