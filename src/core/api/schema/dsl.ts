/**
 * A small schema language for the API objects the simulation supports. One schema serves three
 * readers: strict decoding (unknown fields are refused, as `kubectl apply --validate=strict`),
 * the editor's JSON Schema (completion, hover, validation in Monaco) and `kubectl explain`.
 * Descriptions are our own words.
 */
export type Schema =
  | { readonly type: 'string'; readonly description: string; readonly enum?: readonly string[] }
  | { readonly type: 'integer'; readonly description: string; readonly goType?: 'int32' | 'int64' }
  | { readonly type: 'number' | 'boolean'; readonly description: string }
  /** A resource quantity: a string such as "500m" or "2Gi", or a bare number. */
  | { readonly type: 'quantity'; readonly description: string }
  /** IntOrString, e.g. a port by number or by name, or maxSurge "25%". */
  | { readonly type: 'int-or-string'; readonly description: string }
  | ObjectSchema
  | { readonly type: 'map'; readonly description: string; readonly values: Schema }
  | { readonly type: 'array'; readonly description: string; readonly items: Schema }
  /** Free-form content, accepted as is (e.g. plugin arguments). */
  | { readonly type: 'any'; readonly description: string };

export interface ObjectSchema {
  readonly type: 'object';
  /** The Go type name, as `kubectl explain` prints it (`PodSpec`, `Container`). */
  readonly typeName: string;
  readonly description: string;
  readonly properties: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
}

export const str = (description: string, values?: readonly string[]): Schema =>
  values ? { type: 'string', description, enum: values } : { type: 'string', description };
export const int = (description: string, goType: 'int32' | 'int64' = 'int32'): Schema => ({ type: 'integer', description, goType });
export const bool = (description: string): Schema => ({ type: 'boolean', description });
export const quantity = (description: string): Schema => ({ type: 'quantity', description });
export const intOrString = (description: string): Schema => ({ type: 'int-or-string', description });
export const any = (description: string): Schema => ({ type: 'any', description });
export const arrayOf = (items: Schema, description: string): Schema => ({ type: 'array', description, items });
export const mapOf = (values: Schema, description: string): Schema => ({ type: 'map', description, values });
export const stringMap = (description: string): Schema => mapOf({ type: 'string', description: '' }, description);

export function object(
  typeName: string,
  description: string,
  properties: Record<string, Schema>,
  required: readonly string[] = [],
): ObjectSchema {
  return { type: 'object', typeName, description, properties, required };
}

/** The Go type `kubectl explain` and decoding errors print for a schema (`[]Container`, `map[string]string`). */
export function goTypeName(s: Schema): string {
  switch (s.type) {
    case 'string':
      return 'string';
    case 'integer':
      return s.goType ?? 'int32';
    case 'number':
      return 'float64';
    case 'boolean':
      return 'bool';
    case 'quantity':
      return 'Quantity';
    case 'int-or-string':
      return 'IntOrString';
    case 'object':
      return s.typeName;
    case 'map':
      return `map[string]${goTypeName(s.values)}`;
    case 'array':
      return `[]${goTypeName(s.items)}`;
    case 'any':
      return 'Object';
  }
}
