import { completeKubectl } from './completion';
import { saveEdit } from './edit/session';
import { runKubectl } from './kubectl';
import { followLogs } from './logs/follow';
import { runNodeShell } from './shell/node-shell';
import { openWatch } from './watch/stream';

/**
 * kubectl as the Simulation calls it: one object, so that the whole of kubectl (commands, printers,
 * describers) can be a chunk the worker loads on the first command (core/deferred/registry.ts).
 */
export const KUBECTL = { runKubectl, completeKubectl, openWatch, followLogs, saveEdit, runNodeShell };

export type KubectlModule = typeof KUBECTL;
