import type { FlagSpec } from '../framework/flags';

/** Flags several commands share, worded once. */
export const ALL_NAMESPACES_FLAG: FlagSpec = {
  name: 'all-namespaces',
  short: 'A',
  type: 'bool',
  usage: 'If present, act on the objects of every namespace. A namespace given with --namespace is ignored.',
};

export const SELECTOR_FLAG: FlagSpec = {
  name: 'selector',
  short: 'l',
  type: 'string',
  usage: "Label selector to filter on: '=', '==', '!=', 'in', 'notin' and existence (e.g. -l key1=value1,key2=value2).",
};

export const FIELD_SELECTOR_FLAG: FlagSpec = {
  name: 'field-selector',
  type: 'string',
  usage: 'Field selector to filter on, e.g. --field-selector spec.nodeName=worker-1,status.phase=Running. Which fields work depends on the kind.',
};

export const OUTPUT_FLAG: FlagSpec = {
  name: 'output',
  short: 'o',
  type: 'string',
  usage: 'Output format: json, yaml, name, wide, jsonpath=…, custom-columns=…',
};

export const FILENAME_FLAG: FlagSpec = {
  name: 'filename',
  short: 'f',
  type: 'stringArray',
  usage: 'The file with the resources: the name of a file open in the editor, or - for standard input.',
};

export const OVERWRITE_FLAG: FlagSpec = {
  name: 'overwrite',
  type: 'bool',
  usage: 'If true, existing keys may be given new values. If false, changing an existing key is an error.',
};

export const ALL_FLAG: FlagSpec = { name: 'all', type: 'bool', usage: 'Select every object of the given types in the namespace.' };

export const DRY_RUN_FLAG: FlagSpec = {
  name: 'dry-run',
  type: 'string',
  defaultText: "'none'",
  usage: 'Must be "none", "server", or "client". With client or server, only show what would be done, without changing the cluster.',
};
