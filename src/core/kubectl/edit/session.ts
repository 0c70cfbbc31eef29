import { deepEqual } from '../../api/clone';
import { qualifiedSingular } from '../../api/resource-types';
import { formatFieldError } from '../../api/field-errors';
import type { KubeObject } from '../../api/types';
import { decodeManifests } from '../../api/yaml-decode';
import { ApiError } from '../../store/api-error';
import { fail, joinLines, type KubectlResult } from '../framework/result';
import type { KubectlHost } from '../host';
import { asList, toJson } from '../printers/json';
import { toYaml } from '../printers/yaml';
import { groupResource } from '../resources/builder';
import { applyEditedChanges } from './merge';

/**
 * `kubectl edit` split in two so an editor tab can sit in between (editoptions.go): `openEdit`
 * gives the text kubectl would put in $EDITOR — the header comment, then the objects as YAML
 * (a v1 List when there are several) — and `saveEdit` takes the edited text and applies it with
 * kubectl's rules and messages. Both are plain data, so they cross the worker boundary.
 */
export interface EditTarget {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

export interface EditRequest {
  readonly targets: readonly EditTarget[];
  readonly format: 'yaml' | 'json';
  /** The objects as shown when the edit began, without the header. */
  readonly original: string;
  /** What the editor shows: the header comment (with the errors of a failed save) and the objects. */
  readonly text: string;
  /** `deployment.apps/web`: a title for the editor tab. */
  readonly title: string;
}

export interface EditOutcome {
  /** kubectl's output: `deployment.apps/web edited`, `Edit cancelled, no changes made.` or the error. */
  readonly result: KubectlResult;
  /** When saving failed: the same edit, reopened with the reasons in its header, as kubectl reopens the file. */
  readonly reopen?: EditRequest;
}

/** The header kubectl writes above the object (editHeader.writeTo). */
export const EDIT_HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

interface Reason {
  readonly head: string;
  readonly other: readonly string[];
}

function headerWith(reasons: readonly Reason[]): string {
  let out = EDIT_HEADER;
  for (const r of reasons) {
    out += r.other.length ? `# ${r.head}:\n` : `# ${r.head}\n`;
    for (const o of r.other) out += `# * ${o}\n`;
    out += '#\n';
  }
  return out;
}

const render = (objects: readonly KubeObject[], format: 'yaml' | 'json'): string => {
  const root: unknown = objects.length === 1 ? objects[0] : asList(objects as never);
  return `${format === 'json' ? toJson(root) : toYaml(root)}\n`;
};

export function openEdit(host: KubectlHost, objects: readonly KubeObject[], format: 'yaml' | 'json'): EditRequest {
  const original = render(objects, format);
  const targets = objects.map((o) => ({ kind: o.kind!, name: o.metadata!.name!, ...(o.metadata?.namespace ? { namespace: o.metadata.namespace } : {}) }));
  const first = host.store.registry.types.byKindName(targets[0]!.kind)!;
  const title = objects.length === 1 ? `${qualifiedSingular(first)}/${targets[0]!.name}` : `${objects.length} objects`;
  return { targets, format, original, text: EDIT_HEADER + original, title };
}

/** Lines whose first non-blank character is `#` are dropped (manualStrip). */
const stripComments = (text: string): string =>
  text
    .split('\n')
    .filter((l) => !l.trim().startsWith('#'))
    .join('\n');

const CANCELLED: KubectlResult = { stdout: '', stderr: 'Edit cancelled, no changes made.', exitCode: 0, mutated: false };

export function saveEdit(host: KubectlHost, request: EditRequest, editedText: string): EditOutcome {
  const body = stripComments(editedText);
  if (body.trim() === '' || body === stripComments(request.original)) return { result: CANCELLED };
  const reopen = (reasons: Reason[], message: string): EditOutcome => ({
    result: fail(message),
    reopen: { ...request, text: headerWith(reasons) + body.replace(/^\n+/, '') },
  });

  const decoded = decodeManifests(body, 'edited file');
  if (!decoded.ok) {
    const detail = decoded.error.message.replace(/^error parsing edited file: /, '');
    return reopen([{ head: `The edited file had a syntax error: ${detail}`, other: [] }], `error: ${detail}`);
  }
  const edited = editedObjects(decoded.documents.map((d) => d.object));
  const before = editedObjects(decodeOriginal(request.original));
  if (edited.length !== before.length) return reopen([{ head: 'The edited file must contain the same objects it started with', other: [] }], 'error: the number of objects changed');

  const stdout: string[] = [];
  const reasons: Reason[] = [];
  let mutated = false;
  edited.forEach((obj, i) => {
    const orig = before[i]!;
    const target = request.targets[i]!;
    const type = host.store.registry.types.byKindName(target.kind)!;
    const label = `${qualifiedSingular(type)}/${target.name}`;
    if (obj.apiVersion !== orig.apiVersion || obj.kind !== orig.kind || obj.metadata?.name !== orig.metadata?.name) {
      reasons.push({ head: 'At least one of apiVersion, kind and name was changed', other: [] });
      return;
    }
    if (deepEqual(obj, orig)) {
      stdout.push(`${label} skipped`);
      return;
    }
    try {
      host.store.patch(target.kind, target.name, target.namespace, (draft) => applyEditedChanges(draft as never, orig as never, obj as never));
      mutated = true;
      stdout.push(`${label} edited`);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.reason === 'Invalid') reasons.push({ head: `${groupResource(type)} ${JSON.stringify(target.name)} was not valid`, other: e.causes.map(formatFieldError) });
      else reasons.push({ head: e.message, other: [] });
    }
  });
  if (reasons.length > 0) {
    const outcome = reopen(reasons, `error: ${reasons.map((r) => r.head).join('; ')}`);
    return { ...outcome, result: { ...outcome.result, stdout: joinLines(stdout), mutated } };
  }
  return { result: { stdout: joinLines(stdout), stderr: '', exitCode: 0, mutated } };
}

/** A v1 List's items, or the objects themselves. */
function editedObjects(objects: readonly KubeObject[]): KubeObject[] {
  if (objects.length === 1 && objects[0]!.kind === 'List') return ((objects[0] as unknown as { items?: KubeObject[] }).items ?? []) as KubeObject[];
  return [...objects];
}

function decodeOriginal(text: string): KubeObject[] {
  const decoded = decodeManifests(text, 'original');
  return decoded.ok ? decoded.documents.map((d) => d.object) : [];
}
