import type { Deployment } from 'kubernetes-types/apps/v1';
import { setPaused } from '../../../controllers/rollout';
import type { CommandContext, KubectlCommand } from '../../framework/command';
import { joinLines, type KubectlResult } from '../../framework/result';
import { quotedResource, namedObjects } from '../../resources/named-objects';

/**
 * `rollout pause` / `rollout resume` (pause.go, resume.go): only Deployments pause; one already in
 * the wanted state prints `already paused` / `already resumed` and is left alone; other kinds get
 * `error: daemonsets.apps "x" pausing is not supported`.
 */
function setRolloutPaused(ctx: CommandContext, paused: boolean): KubectlResult {
  const stdout: string[] = [];
  const stderr: string[] = [];
  let mutated = false;
  for (const t of namedObjects(ctx)) {
    if (t.type.kind !== 'Deployment') {
      stderr.push(`error: ${quotedResource(t)} ${paused ? 'pausing' : 'resuming'} is not supported`);
      continue;
    }
    if (((t.obj as Deployment).spec?.paused ?? false) === paused) {
      stdout.push(`${t.label} already ${paused ? 'paused' : 'resumed'}`);
      continue;
    }
    setPaused(ctx.host.store, t.obj.metadata.name, t.obj.metadata.namespace!, paused);
    mutated = true;
    stdout.push(`${t.label} ${paused ? 'paused' : 'resumed'}`);
  }
  return { stdout: joinLines(stdout), stderr: joinLines(stderr), exitCode: stderr.length ? 1 : 0, mutated };
}

export const rolloutPauseCommand: KubectlCommand = {
  name: 'pause',
  short: 'Mark the provided resource as paused',
  long: `Mark the provided resource as paused.

 Paused resources are not reconciled by a controller: template changes start no rollout until the resource is resumed. Only deployments can be paused.`,
  examples: `  # Pause a deployment, change it, then resume it to roll out all changes at once
  kubectl rollout pause deployment/web`,
  use: 'RESOURCE [flags] [options]',
  run: (ctx) => setRolloutPaused(ctx, true),
};

export const rolloutResumeCommand: KubectlCommand = {
  name: 'resume',
  short: 'Resume a paused resource',
  long: `Resume a paused resource.

 The controller reconciles it again, and changes made while it was paused roll out. Only deployments can be resumed.`,
  examples: `  # Resume an already paused deployment
  kubectl rollout resume deployment/web`,
  use: 'RESOURCE [flags] [options]',
  run: (ctx) => setRolloutPaused(ctx, false),
};
