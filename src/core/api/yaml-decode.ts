import type { Document, LineCounter, YAMLError } from 'yaml';
import { yamlLibrary } from '../deferred/registry';
import type { KubeObject } from './types';

/**
 * Decoding of a multi-document YAML manifest into API objects, with the limits that keep a bad
 * input from hanging the simulation, and with line numbers for every object and field so the
 * editor can put errors on the right line.
 *
 * YAML 1.1 is used, as kubectl's decoder (go-yaml v2 via sigs.k8s.io/yaml) does: `yes`, `on`
 * and `off` are booleans, which is a real pitfall worth meeting in the playground.
 */
export const INPUT_LIMITS = {
  /** The API server refuses request bodies over 3 MiB. */
  maxBytes: 3 * 1024 * 1024,
  maxDocuments: 500,
  /** go-yaml refuses documents with excessive aliasing ("billion laughs"). */
  maxAliases: 100,
  maxDepth: 100,
} as const;

export interface DecodedDocument {
  readonly object: KubeObject;
  /** 0-based index among the non-empty documents. */
  readonly index: number;
  /** 1-based line where the document starts. */
  readonly line: number;
  /** 1-based line of a field path such as `spec.containers[0].image`, or of its nearest existing parent. */
  lineOf(path: string): number;
}

export interface DecodeError {
  /** kubectl's message, without the `error: ` prefix. */
  readonly message: string;
  /** 1-based absolute line in the input, when known. */
  readonly line?: number;
}

export type DecodeResult = { ok: true; documents: DecodedDocument[] } | { ok: false; error: DecodeError };

export function decodeManifests(source: string, fileName: string): DecodeResult {
  const fail = (message: string, line?: number): DecodeResult => ({ ok: false, error: { message, line } });
  if (source.length > INPUT_LIMITS.maxBytes) {
    return fail(`error parsing ${fileName}: the manifest is ${source.length} bytes; the API server accepts at most ${INPUT_LIMITS.maxBytes} bytes`);
  }
  const { LineCounter, parseAllDocuments, isScalar } = yamlLibrary();
  const lineCounter = new LineCounter();
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(source, { lineCounter, version: '1.1', prettyErrors: false, uniqueKeys: true }) as Document.Parsed[];
  } catch (e) {
    return fail(`error parsing ${fileName}: error converting YAML to JSON: yaml: ${(e as Error).message}`);
  }
  if (!Array.isArray(docs)) return { ok: true, documents: [] };
  if (docs.length > INPUT_LIMITS.maxDocuments) {
    return fail(`error parsing ${fileName}: too many documents (${docs.length}); at most ${INPUT_LIMITS.maxDocuments} are accepted at once`);
  }
  const documents: DecodedDocument[] = [];
  for (const doc of docs) {
    const startOffset = doc.range?.[0] ?? 0;
    // kubectl splits the stream at `---` lines, so a document's first line is the one after its marker.
    const docLine = lineCounter.linePos(startOffset).line + (source.startsWith('---', startOffset) ? 1 : 0);
    const firstError = doc.errors[0];
    if (firstError) {
      const absolute = lineCounter.linePos(firstError.pos[0]).line;
      // kubectl decodes document by document, so its line numbers count from the document's start.
      const relative = absolute - docLine + 1;
      return fail(`error parsing ${fileName}: error converting YAML to JSON: ${goYamlMessage(firstError, relative, source)}`, absolute);
    }
    if (doc.contents === null || (isScalar(doc.contents) && (doc.contents.value === null || doc.contents.value === ''))) continue;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: INPUT_LIMITS.maxAliases });
    } catch (e) {
      const msg = (e as Error).message;
      const text = /alias/i.test(msg) ? 'yaml: document contains excessive aliasing' : `yaml: ${msg}`;
      return fail(`error parsing ${fileName}: error converting YAML to JSON: ${text}`, docLine);
    }
    if (depthOf(value) > INPUT_LIMITS.maxDepth) {
      return fail(`error parsing ${fileName}: error converting YAML to JSON: yaml: exceeded max depth of ${INPUT_LIMITS.maxDepth}`, docLine);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      const got = Array.isArray(value) ? 'array' : typeof value === 'boolean' ? 'bool' : typeof value;
      return fail(`error parsing ${fileName}: json: cannot unmarshal ${got} into Go value of type map[string]interface {}`, docLine);
    }
    const contentLine = doc.contents?.range ? lineCounter.linePos(doc.contents.range[0]).line : docLine;
    documents.push({
      object: value as KubeObject,
      index: documents.length,
      line: contentLine,
      lineOf: (path) => lineOfPath(doc, lineCounter, path) ?? contentLine,
    });
  }
  return { ok: true, documents };
}

/** The message go-yaml would give for the same mistake, where we know it. */
function goYamlMessage(error: YAMLError, line: number, source: string): string {
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      return `yaml: line ${line}: mapping values are not allowed in this context`;
    case 'MULTILINE_IMPLICIT_KEY':
      return `yaml: line ${line}: could not find expected ':'`;
    case 'TAB_AS_INDENT':
      return `yaml: line ${line}: found character that cannot start any token`;
    case 'DUPLICATE_KEY':
      return `yaml: unmarshal errors:\n  line ${line}: key ${JSON.stringify(keyAt(source, error.pos[0]))} already set in map`;
    case 'MISSING_CHAR':
      return `yaml: line ${line}: found unexpected end of stream`;
    case 'BAD_INDENT':
      if (error.message.includes(']')) return `yaml: line ${line}: did not find expected ',' or ']'`;
      if (error.message.includes('}')) return `yaml: line ${line}: did not find expected ',' or '}'`;
      return `yaml: line ${line}: did not find expected key`;
    case 'UNEXPECTED_TOKEN':
      return `yaml: line ${line}: did not find expected key`;
    default:
      return `yaml: line ${line}: ${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}`;
  }
}

function keyAt(source: string, offset: number): string {
  const m = /^["']?([^"':\n]*)/.exec(source.slice(offset));
  return (m?.[1] ?? '').trim();
}

function depthOf(value: unknown, depth = 0): number {
  if (depth > INPUT_LIMITS.maxDepth) return depth;
  if (value === null || typeof value !== 'object') return depth;
  let max = depth;
  for (const v of Array.isArray(value) ? value : Object.values(value)) max = Math.max(max, depthOf(v, depth + 1));
  return max;
}

/** `spec.containers[0].resources.limits[nvidia.com/gpu]` → ['spec', 'containers', 0, 'resources', 'limits', 'nvidia.com/gpu']. */
export function splitFieldPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path))) {
    if (m[1] !== undefined) out.push(m[1]);
    else out.push(/^\d+$/.test(m[2]!) ? Number(m[2]) : m[2]!);
  }
  return out;
}

function lineOfPath(doc: Document.Parsed, lc: LineCounter, path: string): number | undefined {
  const { isMap, isPair, isScalar, isSeq } = yamlLibrary();
  let node: unknown = doc.contents;
  let line: number | undefined;
  for (const seg of splitFieldPath(path)) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      const keyNode = pair.key as { range?: [number, number, number] };
      if (keyNode.range) line = lc.linePos(keyNode.range[0]).line;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as { range?: [number, number, number] } | undefined;
      if (!item) break;
      if (item.range) line = lc.linePos(item.range[0]).line;
      node = item;
    } else break;
  }
  return line;
}
