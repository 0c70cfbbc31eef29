import type { ApplyOutput } from '../apply/apply';
import type { SmiOutput } from '../gpu/nvidia-smi/command';
import type { DrainOperation, DrainOptions } from '../eviction/drain';
import type { ExecResponse } from '../kubelet/exec-in-container';
import type { LogsOptions, LogsResult } from '../kubelet/logs-api';
import type { MetricsStore } from '../metrics/metrics-store';
import type { ObjectStore } from '../store/object-store';
import type { WaitClock } from './wait';

/** What kubectl needs from the simulation: the API server's store, the clock and apply. */
export interface KubectlHost {
  readonly store: ObjectStore;
  nowMs(): number;
  apply(yaml: string, options: { fileName?: string; namespace?: string }): ApplyOutput;
  /** Files the user has open in the editor, by name, for `apply -f <name>`. */
  readFile?(name: string): string | undefined;
  /** The names of those files, for Tab completion of -f. */
  listFiles?(): string[];
  /** nvidia-smi run on a node with the driver's live view, or undefined where no NVIDIA driver is installed. */
  nvidiaSmi?(node: string, args: readonly string[]): SmiOutput | undefined;
  /** The kernel log lines Kubelab models on a node (the NVIDIA driver's), for dmesg in the node shell. */
  dmesg?(node: string): string | undefined;
  /**
   * The virtual clock, for commands that wait for the cluster (`rollout status`): they run it
   * forward themselves, so a headless `sim.kubectl()` returns with the wait done.
   */
  readonly clock?: WaitClock;
  /** Start `kubectl drain`'s client-side work in the cluster (eviction/drain.ts); the command waits for it. */
  drain?(node: string, options: DrainOptions): DrainOperation;
  /** The pods/log subresource, as the API server answers it (kubelet/logs-api.ts). */
  logs?(namespace: string, pod: string, options: LogsOptions): LogsResult;
  /** The pods/exec subresource: a command run in a running container (kubelet/exec-in-container.ts). */
  exec?(namespace: string, pod: string, container: string, command: readonly string[]): ExecResponse;
  /** The metrics the kubelets record, which `kubectl top` reads as metrics-server would serve them. */
  readonly metrics?: Pick<MetricsStore, 'latest'>;
}
