import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/types';
import type { NodeInfo } from './node-info';

/**
 * The scheduling framework's extension points (kube-scheduler pkg/scheduler/framework), as small
 * interfaces. Plugins return statuses and never throw; the framework aggregates Unschedulable
 * statuses into the `0/N nodes are available: …` message.
 */
export type StatusCode = 'Success' | 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Error' | 'Skip';

export interface Status {
  readonly code: StatusCode;
  /** The reason strings counted in the FailedScheduling message. */
  readonly reasons: readonly string[];
  /** The plugin that produced a failure. */
  readonly plugin?: string;
}

export const SUCCESS: Status = { code: 'Success', reasons: [] };
export const SKIP: Status = { code: 'Skip', reasons: [] };
export const unschedulable = (...reasons: string[]): Status => ({ code: 'Unschedulable', reasons });
export const unresolvable = (...reasons: string[]): Status => ({ code: 'UnschedulableAndUnresolvable', reasons });

/** Data computed once per scheduling cycle and shared between a plugin's extension points. */
export class CycleState {
  private readonly data = new Map<string, unknown>();
  read<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }
  write(key: string, value: unknown): void {
    this.data.set(key, value);
  }
}

export interface Plugin {
  readonly name: string;
}

export interface PreFilterPlugin extends Plugin {
  preFilter(state: CycleState, pod: Stored<Pod>, nodes: readonly NodeInfo[]): Status;
}

export interface FilterPlugin extends Plugin {
  filter(state: CycleState, pod: Stored<Pod>, node: NodeInfo): Status;
}

export interface ScorePlugin extends Plugin {
  /** A raw score for the node; NormalizeScore (if any) maps raw scores to 0…100. */
  score(state: CycleState, pod: Stored<Pod>, node: NodeInfo): number;
  normalizeScores?(state: CycleState, pod: Stored<Pod>, scores: number[]): void;
}

export const MAX_NODE_SCORE = 100;

export function isFilter(p: Plugin): p is FilterPlugin {
  return typeof (p as FilterPlugin).filter === 'function';
}
export function isPreFilter(p: Plugin): p is PreFilterPlugin {
  return typeof (p as PreFilterPlugin).preFilter === 'function';
}
export function isScore(p: Plugin): p is ScorePlugin {
  return typeof (p as ScorePlugin).score === 'function';
}
