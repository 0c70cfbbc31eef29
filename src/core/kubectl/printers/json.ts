/**
 * JSON as `kubectl get -o json` prints it: encoding/json's MarshalIndent with four spaces over
 * unstructured objects, so keys are sorted, and `<`, `>`, `&` are escaped as \u003c, \u003e, \u0026.
 */
export function toJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 4).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}

export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** kubectl wraps several objects in a v1 List. */
export function asList(items: readonly unknown[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}
