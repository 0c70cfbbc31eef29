import { deepClone } from '../api/clone';
import { formatInvalid } from '../api/field-errors';
import type { ApiRegistry } from '../api/registry';
import { apiVersionOf, qualifiedSingular } from '../api/resource-types';
import { strictDecode } from '../api/schema/strict';
import type { KubeObject } from '../api/types';
import { decodeManifests, type DecodedDocument } from '../api/yaml-decode';
import { ApiError } from '../store/api-error';
import type { ObjectStore } from '../store/object-store';
import { sortedJson, threeWayMerge } from './merge';

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

export type ApplyOutcome = 'created' | 'configured' | 'unchanged';

/** The result of applying one document of a manifest. */
export interface ApplyResult {
  /** 1-based line where the document starts. */
  readonly line: number;
  readonly ok: boolean;
  /** `deployment.apps/web created`, or kubectl's error text. */
  readonly message: string;
  readonly outcome?: ApplyOutcome;
  readonly object?: { readonly kind: string; readonly name: string; readonly namespace?: string };
  /** For errors: the line of the offending field, when known. */
  readonly errorLine?: number;
}

export interface ApplyOutput {
  readonly results: readonly ApplyResult[];
  /** Success lines, as kubectl prints them on stdout. */
  readonly stdout: string;
  /** Error lines, as kubectl prints them on stderr. */
  readonly stderr: string;
  /** True when every document was applied. */
  readonly ok: boolean;
}

export interface ApplyOptions {
  /** The file name kubectl reports in errors. */
  readonly fileName?: string;
  /** `-n`: the namespace for objects that name none. */
  readonly namespace?: string;
}

/**
 * `kubectl apply -f`: decode every document, then apply each on its own, so that one bad
 * document is reported and the good ones still apply. A YAML syntax error stops everything
 * before anything is applied.
 */
export function applyManifests(store: ObjectStore, source: string, options: ApplyOptions = {}): ApplyOutput {
  const fileName = options.fileName ?? 'manifest.yaml';
  const decoded = decodeManifests(source, fileName);
  if (!decoded.ok) {
    const message = `error: ${decoded.error.message}`;
    return { results: [{ line: decoded.error.line ?? 1, ok: false, message, errorLine: decoded.error.line }], stdout: '', stderr: message, ok: false };
  }
  if (decoded.documents.length === 0) {
    const message = 'error: no objects passed to apply';
    return { results: [{ line: 1, ok: false, message }], stdout: '', stderr: message, ok: false };
  }
  const results = decoded.documents.map((doc) => applyDocument(store, doc, fileName, options.namespace));
  return {
    results,
    stdout: results.filter((r) => r.ok).map((r) => r.message).join('\n'),
    stderr: results.filter((r) => !r.ok).map((r) => r.message).join('\n'),
    ok: results.every((r) => r.ok),
  };
}

function applyDocument(store: ObjectStore, doc: DecodedDocument, fileName: string, defaultNamespace?: string): ApplyResult {
  const registry: ApiRegistry = store.registry;
  const obj = doc.object;
  const fail = (message: string, errorLine?: number): ApplyResult => ({ line: doc.line, ok: false, message, errorLine: errorLine ?? doc.line });

  const missing = [!obj.apiVersion && 'apiVersion not set', !obj.kind && 'kind not set'].filter(Boolean) as string[];
  if (missing.length) {
    const what = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`;
    return fail(`error: error validating ${JSON.stringify(fileName)}: error validating data: ${what}; if you choose to ignore these errors, turn validation off with --validate=false`);
  }
  const meta = (obj.metadata ?? {}) as { name?: string; namespace?: string };
  const type = registry.types.forObject(String(obj.apiVersion), String(obj.kind));
  if (!type) {
    return fail(
      `error: resource mapping not found for name: ${JSON.stringify(meta.name ?? '')} namespace: ${JSON.stringify(meta.namespace ?? '')} from ${JSON.stringify(fileName)}: no matches for kind ${JSON.stringify(obj.kind)} in version ${JSON.stringify(obj.apiVersion)}\nensure CRDs are installed first`,
      doc.lineOf('kind'),
    );
  }
  const strategy = registry.strategy(type.kind)!;
  const namespace = type.namespaced ? (meta.namespace ?? defaultNamespace ?? 'default') : undefined;
  const existing = meta.name ? store.get(type.kind, meta.name, namespace) : undefined;
  const verb = existing ? 'patching' : 'creating';

  const problems = strictDecode(strategy.schema, obj);
  const cannotHandle = `Error from server (BadRequest): error when ${verb} ${JSON.stringify(fileName)}: ${type.kind} in version ${JSON.stringify(type.version)} cannot be handled as a ${type.kind}: `;
  if (problems.typeErrors.length) return fail(cannotHandle + problems.typeErrors[0]);
  const decodeProblem = strategy.decode?.(obj);
  if (decodeProblem) return fail(cannotHandle + decodeProblem);
  if (problems.unknownFields.length) {
    const firstPath = /"(.*)"/.exec(problems.unknownFields[0]!)?.[1] ?? '';
    return fail(cannotHandle + `strict decoding error: ${problems.unknownFields.join(', ')}`, doc.lineOf(firstPath));
  }

  const desired = deepClone(obj);
  desired.apiVersion = apiVersionOf(type);
  if (type.namespaced) (desired.metadata ??= {}).namespace = namespace;
  const annotations = ((desired.metadata ??= {}).annotations ??= {}) as Record<string, string>;
  delete annotations[LAST_APPLIED_ANNOTATION];
  const lastApplied = sortedJson(withoutStatus(desired)) + '\n';
  annotations[LAST_APPLIED_ANNOTATION] = lastApplied;
  const label = `${qualifiedSingular(type)}/${meta.name ?? ''}`;

  try {
    if (!existing) {
      if (!meta.name) {
        return fail(`error: error when retrieving current configuration of:\nResource: ${JSON.stringify(type.plural)}, GroupVersionKind: ${JSON.stringify(`${apiVersionOf(type)}, Kind=${type.kind}`)}\nName: "", Namespace: ${JSON.stringify(namespace ?? '')}\nfrom server for: ${JSON.stringify(fileName)}: resource name may not be empty`);
      }
      const created = store.create(desired);
      return ok(`${label} created`, 'created', created);
    }
    const previous = parseLastApplied(existing.metadata.annotations?.[LAST_APPLIED_ANNOTATION]);
    const merged = threeWayMerge(previous, withoutStatus(desired) as Record<string, unknown>, existing as unknown as Record<string, unknown>) as KubeObject;
    const updated = store.update(merged);
    return ok(updated === existing ? `${label} unchanged` : `${label} configured`, updated === existing ? 'unchanged' : 'configured', updated);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.reason === 'Invalid') {
      const firstField = e.causes[0]?.field;
      return fail(formatInvalid(type.kind, meta.name ?? '', e.causes), firstField ? doc.lineOf(firstField) : undefined);
    }
    return fail(e.kubectlMessageFrom(verb, fileName));
  }

  function ok(message: string, outcome: ApplyOutcome, o: KubeObject): ApplyResult {
    return { line: doc.line, ok: true, message, outcome, object: { kind: type!.kind, name: o.metadata!.name!, namespace: o.metadata!.namespace } };
  }
}

function withoutStatus(o: KubeObject): KubeObject {
  const copy = { ...o };
  delete copy.status;
  return copy;
}

function parseLastApplied(text: string | undefined): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
