import { JsonPathError, parseJsonPath, queryJsonPath } from './jsonpath';

/**
 * `-o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName`: a header and a JSONPath per
 * column (braces and the leading dot optional). Several values join with commas; none prints
 * `<none>`.
 */
export interface CustomColumn {
  readonly header: string;
  readonly expression: string;
}

export class CustomColumnsError extends Error {}

export function parseCustomColumns(spec: string): CustomColumn[] {
  if (spec === '') throw new CustomColumnsError('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon <= 0) throw new CustomColumnsError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    const header = part.slice(0, colon);
    const expression = massage(part.slice(colon + 1));
    try {
      parseJsonPath(expression);
    } catch (e) {
      if (e instanceof JsonPathError) throw new CustomColumnsError(`error parsing jsonpath ${expression}, ${e.message}`);
      throw e;
    }
    return { header, expression };
  });
}

/** kubectl's massageJSONPath: wrap in braces and start at the object. */
function massage(expr: string): string {
  if (expr.startsWith('{')) return expr;
  return `{${expr.startsWith('.') ? expr : `.${expr}`}}`;
}

export function customColumnCells(columns: readonly CustomColumn[], obj: unknown): string[] {
  return columns.map((c) => {
    const values = queryJsonPath(c.expression, obj).filter((v) => v !== undefined && v !== null);
    if (values.length === 0) return '<none>';
    return values.map(goPrint).join(',');
  });
}

/** Go's fmt %v for JSON values: maps as map[k:v], lists as [a b]. */
function goPrint(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(goPrint).join(' ')}]`;
  if (v !== null && typeof v === 'object') {
    return `map[${Object.keys(v).sort().map((k) => `${k}:${goPrint((v as Record<string, unknown>)[k])}`).join(' ')}]`;
  }
  return String(v);
}
