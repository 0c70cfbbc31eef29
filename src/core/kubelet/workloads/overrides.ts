import { amountOf } from '../../api/pod-resources';
import { quantityValue } from '../../api/quantity';
import { parseGoDuration } from '../../format/duration';

/**
 * Annotations that override what a workload does, so a lesson can make any image crash, leak or
 * fail its probes on cue. Each key applies to every container of the pod, or to one container
 * when suffixed with `.<container name>` (`kubelab.dev/crash-after.web`). They are listed, with
 * examples, in docs/workloads.md.
 */
export const ANNOTATION_PREFIX = 'kubelab.dev/';

export const OVERRIDE_KEYS = {
  /** The main process exits after this long (a Go duration: 30s, 1m30s), every time it starts. */
  crashAfter: 'crash-after',
  /** The exit code for crash-after and for batch workloads (default 1 for a crash). */
  exitCode: 'exit-code',
  /** Working-set growth per second, as a quantity (10Mi or 10Mi/s): a leak that ends in OOMKilled. */
  memoryGrowth: 'memory-growth',
  /** Extra time before a server starts listening (slow start-up, for startup probes). */
  startupDelay: 'startup-delay',
  /** How long a batch workload (training, a job) runs before it completes. */
  duration: 'duration',
  /** While "true", readiness probes fail (read live: annotate and un-annotate a running pod). */
  failReadiness: 'fail-readiness',
  /** While "true", liveness probes fail (read live). */
  failLiveness: 'fail-liveness',
  /** The CPU the container uses, as a quantity (250m, 1.5), instead of its program's demand (read live; capped by the CPU limit, no sampling noise). */
  cpuUsage: 'cpu-usage',
  /** The GPU utilisation the container drives on its devices, a percentage (60%, 60), instead of its program's (read live: an inference load). */
  gpuUtilisation: 'gpu-utilisation',
} as const;

export interface WorkloadOverrides {
  readonly crashAfterMs?: number;
  readonly exitCode?: number;
  readonly memoryGrowthBytesPerSec?: number;
  readonly startupDelayMs?: number;
  readonly durationMs?: number;
}

/** Overrides read on every probe, so that changing the annotation changes the running container. */
export interface LiveOverrides {
  readonly failReadiness: boolean;
  readonly failLiveness: boolean;
  /** kubelab.dev/cpu-usage in millicores, when set. */
  readonly cpuMillis: number | undefined;
}

function lookup(annotations: Readonly<Record<string, string>> | undefined, key: string, container: string): string | undefined {
  if (!annotations) return undefined;
  return annotations[`${ANNOTATION_PREFIX}${key}.${container}`] ?? annotations[`${ANNOTATION_PREFIX}${key}`];
}

export function readOverrides(annotations: Readonly<Record<string, string>> | undefined, container: string): WorkloadOverrides {
  const get = (key: string) => lookup(annotations, key, container);
  const out: { -readonly [K in keyof WorkloadOverrides]: WorkloadOverrides[K] } = {};
  const crash = durationOf(get(OVERRIDE_KEYS.crashAfter));
  if (crash !== undefined) out.crashAfterMs = crash;
  const code = get(OVERRIDE_KEYS.exitCode);
  if (code !== undefined && /^\d+$/.test(code.trim())) out.exitCode = Number(code.trim()) % 256;
  const growth = get(OVERRIDE_KEYS.memoryGrowth);
  if (growth !== undefined) {
    const bytes = quantityValue(growth.trim().replace(/\/s$/, ''));
    if (bytes > 0) out.memoryGrowthBytesPerSec = bytes;
  }
  const delay = durationOf(get(OVERRIDE_KEYS.startupDelay));
  if (delay !== undefined) out.startupDelayMs = delay;
  const duration = durationOf(get(OVERRIDE_KEYS.duration));
  if (duration !== undefined) out.durationMs = duration;
  return out;
}

/**
 * A reader of a container's live overrides; the annotation keys are built once. It is called on
 * every probe and every resource sample, almost always with the same stored (frozen) annotations,
 * so the answer for the last frozen annotations is kept: they cannot change under it.
 */
export function liveOverridesReader(container: string): (annotations: Readonly<Record<string, string>> | undefined) => LiveOverrides {
  const keys = (key: string) => [`${ANNOTATION_PREFIX}${key}.${container}`, `${ANNOTATION_PREFIX}${key}`] as const;
  const [readinessOne, readinessAll] = keys(OVERRIDE_KEYS.failReadiness);
  const [livenessOne, livenessAll] = keys(OVERRIDE_KEYS.failLiveness);
  const [cpuOne, cpuAll] = keys(OVERRIDE_KEYS.cpuUsage);
  let lastAnnotations: Readonly<Record<string, string>> | undefined | null = null;
  let last: LiveOverrides | undefined;
  return (a) => {
    if (last && a === lastAnnotations) return last;
    const cpu = a?.[cpuOne] ?? a?.[cpuAll];
    const out: LiveOverrides = Object.freeze({
      failReadiness: (a?.[readinessOne] ?? a?.[readinessAll]) === 'true',
      failLiveness: (a?.[livenessOne] ?? a?.[livenessAll]) === 'true',
      cpuMillis: cpu === undefined ? undefined : cpuMillisOf(cpu),
    });
    if (a === undefined || Object.isFrozen(a)) [lastAnnotations, last] = [a, out];
    return out;
  };
}

/** kubelab.dev/gpu-utilisation for a container as a fraction 0–1, or undefined when unset or malformed. */
export function gpuUtilisationOverride(annotations: Readonly<Record<string, string>> | undefined, container: string): number | undefined {
  const text = lookup(annotations, OVERRIDE_KEYS.gpuUtilisation, container)?.trim();
  const m = text === undefined ? null : /^(\d+(?:\.\d+)?)%?$/.exec(text);
  return m ? Math.min(100, Number(m[1])) / 100 : undefined;
}

/** A duration annotation ("1m30s" → 90000): Go's syntax, as the values Kubernetes itself takes; never negative. */
function durationOf(text: string | undefined): number | undefined {
  const ms = text === undefined ? undefined : parseGoDuration(text.trim());
  return ms === undefined || ms < 0 ? undefined : Math.round(ms);
}

/** A CPU quantity in millicores, or undefined when it does not parse. */
function cpuMillisOf(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+(\.\d+)?m?$/.test(trimmed)) return undefined;
  return amountOf('cpu', trimmed);
}
