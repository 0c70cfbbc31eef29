/**
 * Field errors worded as apimachinery's field.Error.Error() prints them, so a learner sees the
 * same message a real API server would give (`spec.containers[0].image: Required value`).
 */
export type FieldErrorType = 'Required' | 'Invalid' | 'NotSupported' | 'Duplicate' | 'NotFound' | 'Forbidden' | 'TooLong' | 'TooMany';

export interface FieldError {
  readonly type: FieldErrorType;
  readonly field: string;
  readonly value?: unknown;
  readonly detail?: string;
}

export const required = (field: string, detail?: string): FieldError => ({ type: 'Required', field, detail });
export const invalid = (field: string, value: unknown, detail: string): FieldError => ({ type: 'Invalid', field, value, detail });
export const forbidden = (field: string, detail: string): FieldError => ({ type: 'Forbidden', field, detail });
export const duplicate = (field: string, value: unknown): FieldError => ({ type: 'Duplicate', field, value });
export const tooLong = (field: string, max: number): FieldError => ({
  type: 'TooLong',
  field,
  detail: `must have at most ${max} bytes`,
});
export const notSupported = (field: string, value: unknown, supported: readonly string[]): FieldError => ({
  type: 'NotSupported',
  field,
  value,
  detail: `supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`,
});

const TYPE_WORDS: Record<FieldErrorType, string> = {
  Required: 'Required value',
  Invalid: 'Invalid value',
  NotSupported: 'Unsupported value',
  Duplicate: 'Duplicate value',
  NotFound: 'Not found',
  Forbidden: 'Forbidden',
  TooLong: 'Too long',
  TooMany: 'Too many',
};

export function formatFieldError(e: FieldError): string {
  const words = TYPE_WORDS[e.type];
  // field.Error.ErrorBody: Required, Forbidden and TooLong print no value; the others do.
  const hasValue = e.type !== 'Required' && e.type !== 'Forbidden' && e.type !== 'TooLong';
  let s = `${e.field}: ${words}`;
  if (hasValue) s += `: ${goValue(e.value)}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

/** Go's %#v-ish rendering that field errors use for values: quoted strings, map[string]string{…}. */
export function goValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v !== null && typeof v === 'object' && '__go' in v) return String((v as { __go: string }).__go);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[]string{${v.map((x) => goValue(x)).join(', ')}}`;
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (entries.every(([, x]) => typeof x === 'string')) {
      return `map[string]string{${entries.map(([k, x]) => `${JSON.stringify(k)}:${JSON.stringify(x)}`).join(', ')}}`;
    }
    return JSON.stringify(v);
  }
  return String(v);
}

/**
 * kubectl's rendering of an Invalid status (cmdutil.StandardErrorMessage + MultilineError):
 * one error on the same line, several as a bulleted list.
 */
export function formatInvalid(kind: string, name: string, errors: readonly FieldError[]): string {
  const prefix = `The ${kind} ${JSON.stringify(name)} is invalid: `;
  if (errors.length === 1) return prefix + formatFieldError(errors[0]!);
  return `${prefix}\n${errors.map((e) => `* ${formatFieldError(e)}`).join('\n')}`;
}
