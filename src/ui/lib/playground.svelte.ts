import type { ApplyOutput, Snapshot } from '../../worker/protocol';
import { WELCOME_MANIFEST } from '../editor/templates';
import { ClusterState } from './cluster-state.svelte';
import { persisted, storageDegraded } from './persist';
import { startSession, type SimSession } from './sim-client';

interface SavedSession {
  readonly preset: string;
  readonly seed: number;
  readonly snapshot?: Snapshot;
  readonly speed: number;
}

const editorText = persisted<string>('kubelab.editor.text', WELCOME_MANIFEST);
const theme = persisted<'light' | 'dark' | 'system'>('kubelab.theme', 'system');
const savedSession = persisted<SavedSession>('kubelab.session', { preset: 'minimal', seed: 1, speed: 1 });

/** How often the command log is saved, so that a reload resumes where the learner was. */
const SAVE_EVERY_MS = 2000;

/**
 * The playground's state and actions: the session with the simulation worker, the mirror of
 * the cluster, the editor text and the settings, with everything a learner wrote persisted.
 */
export class Playground {
  readonly cluster = new ClusterState();
  presets = $state<readonly string[]>(['minimal']);
  schema = $state.raw<Record<string, unknown>>({});
  preset = $state('minimal');
  text = $state(editorText.get());
  lastApply = $state.raw<ApplyOutput | undefined>(undefined);
  busy = $state(false);
  dark = $state(false);
  notice = $state<string | undefined>(undefined);
  private session: SimSession | undefined;
  private saveTimer: ReturnType<typeof setInterval> | undefined;

  constructor() {
    const t = theme.get();
    this.dark = t === 'dark' || (t === 'system' && typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches);
  }

  async start(): Promise<void> {
    const saved = savedSession.get();
    await this.connect(saved.preset, saved.seed, saved.snapshot, saved.speed);
    this.saveTimer = setInterval(() => void this.save(), SAVE_EVERY_MS);
    addEventListener('pagehide', () => void this.save());
    if (storageDegraded()) this.notice = 'status.storageWarning';
  }

  private async connect(preset: string, seed: number, snapshot: Snapshot | undefined, speed: number): Promise<void> {
    this.session?.terminate();
    this.preset = preset;
    try {
      this.session = await startSession(this.cluster, { seed, cluster: preset, snapshot, speed, running: true });
    } catch {
      // A saved session that no longer loads (e.g. from an older version) must not block the app.
      this.session = await startSession(this.cluster, { seed, cluster: preset, speed, running: true });
    }
    this.presets = this.session.info.presets;
    this.schema = this.session.info.schema;
  }

  setText(text: string): void {
    this.text = text;
    editorText.set(text);
  }

  async apply(): Promise<void> {
    if (!this.session || this.busy) return;
    this.busy = true;
    try {
      this.lastApply = await this.session.api.apply(this.text, 'manifest.yaml');
      await this.save();
    } finally {
      this.busy = false;
    }
  }

  async choosePreset(preset: string): Promise<void> {
    if (preset === this.preset) return;
    this.lastApply = undefined;
    await this.connect(preset, 1, undefined, this.cluster.clock.speed);
    await this.save();
  }

  toggleTheme(): void {
    this.dark = !this.dark;
    theme.set(this.dark ? 'dark' : 'light');
  }

  play = () => void this.session?.api.play();
  pause = () => void this.session?.api.pause();
  step = () => void this.session?.api.step(1);
  setSpeed = (s: number) => void this.session?.api.setSpeed(s);
  fastForward = () => void this.session?.api.fastForward();

  private async save(): Promise<void> {
    if (!this.session) return;
    const snapshot = await this.session.api.snapshot();
    savedSession.set({ preset: this.preset, seed: snapshot.seed, snapshot, speed: this.cluster.clock.speed });
  }

  dispose(): void {
    if (this.saveTimer) clearInterval(this.saveTimer);
    this.session?.terminate();
  }
}
