import type { KubectlCommand } from '../framework/command';
import { runMetadataUpdate } from './metadata-update';
import { ALL_FLAG, ALL_NAMESPACES_FLAG, FIELD_SELECTOR_FLAG, OVERWRITE_FLAG, SELECTOR_FLAG } from './shared-flags';

export const METADATA_FLAGS = [
  ALL_FLAG,
  ALL_NAMESPACES_FLAG,
  FIELD_SELECTOR_FLAG,
  { name: 'list', type: 'bool', usage: 'If true, print the current keys and values of the objects instead of changing them.' },
  { name: 'output', short: 'o', type: 'string', usage: 'Output format: json, yaml or name.' },
  OVERWRITE_FLAG,
  { name: 'resource-version', type: 'string', usage: 'If non-empty, the update succeeds only if this is the current resource-version of the object. Only valid for one resource.' },
  SELECTOR_FLAG,
] as const;

export const labelCommand: KubectlCommand = {
  name: 'label',
  group: 'Settings Commands:',
  short: 'Update the labels on a resource',
  long: `Update the labels on a resource.

 * A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters each.
 * Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.
 * If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will result in an error.
 * A label ending in a minus sign removes it: app-`,
  examples: `  # Label the pod web with tier=frontend
  kubectl label pods web tier=frontend

  # Change an existing label
  kubectl label --overwrite pods web tier=backend

  # Label every pod in the namespace
  kubectl label pods --all status=unhealthy

  # Label a GPU node so pods can select it
  kubectl label nodes worker-1 accelerator=nvidia-a100

  # Remove the label tier
  kubectl label pods web tier-`,
  use: '[--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: METADATA_FLAGS,
  run: (ctx) => runMetadataUpdate(ctx, { verb: 'label', field: 'labels', done: 'labeled' }),
};
