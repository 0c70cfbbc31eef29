import * as Comlink from 'comlink';
import type { Remote } from 'comlink';
import type { ApplyOutput, Batch, EditRequest, SimWorkerApi, Fault, InspectRef, Inspection, Series, Snapshot, StartResult } from '../../worker/protocol';
import { t } from '../i18n/i18n.svelte';
import type { TerminalBackend, TerminalOutput } from '../terminal/session';
import { workerTerminalBackend } from '../terminal/worker-backend';
import type { Target } from '../viz/scene';
import { Announcer } from './announcer.svelte';
import { BatchStats } from './batch-stats';
import { ClusterState } from './cluster-state.svelte';
import { EditorFiles, type EditorFile } from './files.svelte';
import { Notices } from './notices.svelte';
import { onStorageDegraded, persisted, storageDegraded } from './persist';
import { startSession, type SessionFailure, type SimSession } from './sim-client';
import { terminalWorkerApi } from './terminal-link';

interface SavedSession {
  readonly preset: string;
  readonly seed: number;
  readonly snapshot?: Snapshot;
  readonly speed: number;
  readonly running?: boolean;
}

export type DockTab = 'events' | 'terminal' | 'inspector' | 'metrics';

const theme = persisted<'light' | 'dark' | 'system'>('kubelab.theme', 'system');
const savedSession = persisted<SavedSession | undefined>('kubelab.session', undefined);
const dockTab = persisted<DockTab>('kubelab.dock', 'events');

/** How often the command log is saved, so that a reload resumes where the learner was. */
const SAVE_EVERY_MS = 2000;

const NO_INFO: StartResult = { presets: [], charts: [], schema: {}, faultTypes: [] };

/**
 * The playground's state and actions: the session with the simulation worker (restarted from
 * the last save if it crashes or hangs), the mirror of the cluster, the editor's files, the
 * inspector's selection, the charts, and the settings, with everything a learner wrote persisted.
 */
export class Playground {
  readonly cluster = new ClusterState();
  readonly files = new EditorFiles();
  readonly notices = new Notices();
  readonly announcer = new Announcer((n) => t('announce.more', { count: n }));
  readonly stats: BatchStats | undefined;
  info = $state.raw<StartResult>(NO_INFO);
  preset = $state('minimal');
  /** The last apply or delete output of each file, by file id. */
  outputs = $state.raw<Readonly<Record<string, ApplyOutput>>>({});
  busy = $state(false);
  /** Fast-forwarding: the time controls wait for it to finish. */
  advancing = $state(false);
  dark = $state(false);
  dock = $state<DockTab>(dockTab.get());
  selected = $state.raw<Target | undefined>(undefined);
  inspection = $state.raw<Inspection | undefined>(undefined);
  series = $state.raw<readonly Series[]>([]);
  /** How many times the worker was restarted after a crash or hang. */
  recoveries = $state(0);
  /** The terminal's commands reach the same worker session as every other action. */
  readonly terminal: TerminalBackend = workerTerminalBackend(
    terminalWorkerApi((fn) => this.call((s) => s.call(fn)), () => t('terminal.unavailable'), () => void this.save()),
    () => this.files.byName(),
    Comlink.proxy,
  );
  /** Where the outcome of a `kubectl edit` tab's save or cancel is printed (the terminal). */
  onEditReport: (out: TerminalOutput) => void = () => {};
  private session: SimSession | undefined;
  private saveTimer: ReturnType<typeof setInterval> | undefined;
  private unlisten: () => void = () => {};
  private chartScope: string | undefined | null = null;
  private connection = 0;
  /** The clock's speed and whether it runs, as the learner last set them. */
  private speed = 1;
  private running = true;

  constructor(private readonly location: Pick<Location, 'search'> = globalThis.location) {
    const saved = theme.get();
    this.dark = saved === 'dark' || (saved === 'system' && typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches);
    const params = new URLSearchParams(location.search);
    this.stats = params.has('bench') ? new BatchStats() : undefined;
  }

  async start(): Promise<void> {
    const saved = savedSession.get();
    const wanted = new URLSearchParams(this.location.search).get('preset');
    // A link naming a preset starts it, unless the learner has work of their own to resume.
    const preset = saved?.preset ?? wanted ?? 'minimal';
    this.speed = saved?.speed ?? 1;
    this.running = saved?.running ?? true;
    await this.connect(preset, saved?.seed ?? 1, saved?.snapshot);
    this.saveTimer = setInterval(() => void this.save(), SAVE_EVERY_MS);
    const warnStorage = () => this.notices.show({ id: 'storage', key: 'status.storageWarning', tone: 'warning', sticky: true });
    if (storageDegraded()) warnStorage();
    this.unlisten = onStorageDegraded(() => {
      warnStorage();
      this.announcer.say(t('status.storageWarning'));
    });
  }

  /**
   * Start a session, replacing the current one. Connections can overlap (a preset chosen while
   * the first cluster is still starting): only the latest one is kept, and batches from any
   * other session are ignored, so two workers never feed the same mirror.
   */
  private async connect(preset: string, seed: number, snapshot: Snapshot | undefined): Promise<void> {
    const { speed, running } = this;
    const token = ++this.connection;
    this.session?.terminate();
    this.session = undefined;
    this.preset = preset;
    const callbacks = {
      onBatch: (b: Batch) => token === this.connection && this.onBatch(b),
      onFailure: (r: SessionFailure) => token === this.connection && void this.recover(r),
      stats: this.stats,
    };
    let session: SimSession;
    try {
      session = await startSession({ seed, cluster: preset, snapshot, speed, running, measure: !!this.stats }, callbacks);
    } catch {
      // A saved session that no longer loads (e.g. from an older version) must not block the app.
      session = await startSession({ seed, cluster: preset, speed, running, measure: !!this.stats }, callbacks);
    }
    if (token !== this.connection) {
      session.terminate();
      return;
    }
    this.session = session;
    // The learner may have changed speed or paused while the worker was starting.
    if (this.speed !== speed) void session.call((api) => api.setSpeed(this.speed)).catch(() => {});
    if (this.running !== running) void session.call((api) => (this.running ? api.play() : api.pause())).catch(() => {});
    this.info = session.info;
    if (this.selected) void this.select(this.selected);
    if (this.chartScope !== null) void this.watchCharts(this.chartScope);
  }

  /** The worker crashed or hung: start a new one from the last save, and say so. */
  private async recover(reason: SessionFailure): Promise<void> {
    this.session = undefined;
    this.recoveries++;
    this.busy = false;
    const saved = savedSession.get();
    this.notices.show({ id: 'worker', key: reason === 'crashed' ? 'status.workerCrashed' : 'status.workerHung', tone: 'error', sticky: true });
    this.announcer.say(t(reason === 'crashed' ? 'status.workerCrashed' : 'status.workerHung'));
    await this.connect(saved?.preset ?? this.preset, saved?.seed ?? 1, saved?.snapshot);
  }

  private onBatch(batch: Batch): void {
    const fresh = this.cluster.applyBatch(batch);
    if (!fresh) return;
    if (batch.inspection) this.inspection = batch.inspection;
    if (batch.metrics) this.series = batch.metrics;
    if (batch.schema) this.info = { ...this.info, schema: batch.schema };
    for (const e of fresh) {
      if (e.type === 'Warning') this.announcer.say(t('announce.warning', { reason: e.reason, object: `${e.objectKind.toLowerCase()}/${e.objectName}`, message: e.message }));
    }
  }

  private async call<T>(fn: (s: SimSession) => Promise<T>): Promise<T | undefined> {
    const session = this.session;
    if (!session) return undefined;
    try {
      return await fn(session);
    } catch (e) {
      // A worker that died mid-call is reported by recover(), which restarts the session. A
      // call the live worker refused (say, its kubectl chunk could not be downloaded) is said here.
      if (this.session === session) this.notices.show({ id: 'call', key: 'status.callFailed', params: { message: (e as Error).message }, tone: 'error' });
      return undefined;
    }
  }

  /** Apply a file: `kubectl apply -f <file>`; for a `kubectl edit` tab, save the edit. */
  apply(file: EditorFile = this.files.active): Promise<void> {
    if (file.edit) return this.saveEdit(file, file.edit, file.text);
    return this.fileCommand(file, (api) => api.apply(file.text, file.name));
  }

  /** `kubectl edit` typed in the terminal: the object's YAML opens in an editor tab of its own. */
  openEdit(edit: EditRequest): void {
    const target = edit.targets[0];
    this.files.open(`edit-${target?.kind.toLowerCase() ?? 'objects'}-${target?.name ?? 'list'}.yaml`, edit.text, edit);
  }

  /** Closing a `kubectl edit` tab quits the editor without saving: kubectl cancels the edit. */
  cancelEdit(file: EditorFile): Promise<void> {
    return file.edit ? this.saveEdit(file, file.edit, file.edit.text) : Promise.resolve();
  }

  /**
   * Save a `kubectl edit` tab through the core's saveEdit, as kubectl does when its editor
   * closes: print the outcome where kubectl would (the terminal) and beside the file; a failed
   * save reopens the tab with the reasons in its header, anything else ends the edit.
   */
  private saveEdit(file: EditorFile, edit: EditRequest, text: string): Promise<void> {
    return this.fileCommand(file, async (api) => {
      const { result, reopen } = await api.saveEdit(edit, text);
      this.onEditReport(result);
      if (reopen) this.files.reopenEdit(file.id, reopen);
      else this.files.finishEdit(file.id);
      const lines = [...result.stdout.split('\n').map((message) => ({ ok: true, message })), ...result.stderr.split('\n').map((message) => ({ ok: result.exitCode === 0, message }))];
      return { results: lines.filter((l) => l.message !== '').map((l) => ({ ...l, line: 1 })), stdout: result.stdout, stderr: result.stderr, ok: result.exitCode === 0 };
    });
  }

  /** Delete what a file describes: `kubectl delete -f <file>`. */
  deleteFile(file: EditorFile = this.files.active): Promise<void> {
    return this.fileCommand(file, (api) => api.deleteManifest(file.text, file.name));
  }

  /** Run one command on a file, one at a time, keep its output with the file, and save. */
  private async fileCommand(file: EditorFile, run: (api: Remote<SimWorkerApi>) => Promise<ApplyOutput>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const out = await this.call((s) => s.call(run));
      if (out) this.outputs = { ...this.outputs, [file.id]: out };
      await this.save();
    } finally {
      this.busy = false;
    }
  }

  async inject(fault: Fault): Promise<void> {
    const out = await this.call((s) => s.call((api) => api.inject(fault)));
    if (!out) return;
    this.notices.show({ id: 'fault', key: out.ok ? 'faults.injected' : 'faults.failed', params: { message: out.message }, tone: out.ok ? 'info' : 'error' });
    this.announcer.say(out.message);
    if (out.ok) await this.save();
  }

  async deletePod(namespace: string, name: string): Promise<void> {
    const out = await this.call((s) => s.call((api) => api.deleteObject('pod', name, namespace)));
    if (!out) return;
    this.notices.show({ id: 'fault', key: out.ok ? 'faults.injected' : 'faults.failed', params: { message: out.message }, tone: out.ok ? 'info' : 'error' });
    await this.save();
  }

  async choosePreset(preset: string): Promise<void> {
    if (preset === this.preset) return;
    this.outputs = {};
    this.selected = undefined;
    this.inspection = undefined;
    await this.connect(preset, 1, undefined);
    await this.save();
  }

  /** Show an object in the inspector, and follow its changes. */
  async select(target: Target | undefined): Promise<void> {
    this.selected = target;
    const ref = target && this.refOf(target);
    if (target) this.setDock('inspector');
    this.inspection = await this.call((s) => s.call((api) => api.inspect(ref)));
  }

  /** The API object behind a target in the view. */
  refOf(target: Target): InspectRef | undefined {
    if (target.kind === 'Gpu') return target;
    if (target.kind === 'Node') return { kind: 'Node', name: target.id };
    if (target.kind === 'Service') {
      const svc = this.cluster.services.get(target.id);
      return svc ? { kind: 'Service', name: svc.name, namespace: svc.namespace } : undefined;
    }
    const pod = this.cluster.pods.get(target.id);
    return pod ? { kind: 'Pod', name: pod.name, namespace: pod.namespace } : undefined;
  }

  /** Follow the charts' series, for every node or one (null stops). */
  async watchCharts(node: string | undefined | null): Promise<void> {
    this.chartScope = node;
    // One query per metric: two charts may draw the same metric (whole GPUs, MIG instances).
    const metrics = new Map(this.info.charts.map((c) => [c.metric, c.scope]));
    const queries = node === null ? [] : [...metrics].map(([name, scope]) => ({ name, match: node ? { [scope]: node } : {} }));
    this.series = (await this.call((s) => s.call((api) => api.watchMetrics(queries)))) ?? [];
  }

  setDock(tab: DockTab): void {
    this.dock = tab;
    dockTab.set(tab);
  }

  toggleTheme(): void {
    this.dark = !this.dark;
    theme.set(this.dark ? 'dark' : 'light');
  }

  // Speed and play/pause are remembered here too, so that a choice made while the worker is
  // still starting (or restarting) is not lost: the next session starts with it.
  play = () => {
    this.running = true;
    void this.call((s) => s.call((api) => api.play()));
  };
  pause = () => {
    this.running = false;
    void this.call((s) => s.call((api) => api.pause()));
  };
  step = () => void this.call((s) => s.call((api) => api.step(1)));
  setSpeed = (speed: number) => {
    this.speed = speed;
    void this.call((s) => s.call((api) => api.setSpeed(speed)));
  };
  fastForward = async () => {
    if (this.advancing) return;
    this.advancing = true;
    try {
      const seconds = await this.call((s) => s.call((api) => api.fastForward()));
      if (seconds !== undefined) this.announcer.say(t('time.fastForwarded', { seconds: Math.round(seconds) }));
    } finally {
      this.advancing = false;
    }
  };

  private async save(): Promise<void> {
    const snapshot = await this.call((s) => s.call((api) => api.snapshot()));
    if (snapshot) savedSession.set({ preset: this.preset, seed: snapshot.seed, snapshot, speed: this.speed, running: this.running });
  }

  /** The worker's session, for the benchmark hook. */
  get currentSession(): SimSession | undefined {
    return this.session;
  }

  dispose(): void {
    if (this.saveTimer) clearInterval(this.saveTimer);
    this.unlisten();
    this.announcer.dispose();
    this.session?.terminate();
  }
}
