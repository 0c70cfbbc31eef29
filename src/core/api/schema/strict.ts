import { parseQuantity, QUANTITY_FORMAT_ERROR } from '../quantity';
import { goTypeName, type Schema } from './dsl';

/**
 * Strict decoding: the API server's field validation with `--validate=strict`, which kubectl uses
 * by default. Unknown fields and values of the wrong JSON type are reported with the paths and
 * wording the real decoder uses.
 */
export interface DecodeProblems {
  /** `unknown field "spec.containers[0].imagee"` */
  readonly unknownFields: string[];
  /** `json: cannot unmarshal string into Go struct field PodSpec.spec.replicas of type int32` */
  readonly typeErrors: string[];
}

export function strictDecode(schema: Schema, value: unknown): DecodeProblems {
  const problems: DecodeProblems = { unknownFields: [], typeErrors: [] };
  walk(schema, value, '', 'Object', problems);
  return problems;
}

function walk(schema: Schema, value: unknown, path: string, parentType: string, out: DecodeProblems): void {
  if (value === null || value === undefined) return; // null clears a field, as in JSON
  const got = jsonType(value);
  const mismatch = (): void => {
    out.typeErrors.push(
      `json: cannot unmarshal ${got} into Go struct field ${parentType}.${path} of type ${goTypeName(schema)}`,
    );
  };
  switch (schema.type) {
    case 'string':
      if (got !== 'string') mismatch();
      return;
    case 'integer':
      if (got !== 'number' || !Number.isInteger(value)) mismatch();
      return;
    case 'number':
      if (got !== 'number') mismatch();
      return;
    case 'boolean':
      if (got !== 'bool') mismatch();
      return;
    case 'quantity':
      if (got !== 'string' && got !== 'number') mismatch();
      else if (!parseQuantity(value as string | number)) out.typeErrors.push(QUANTITY_FORMAT_ERROR);
      return;
    case 'int-or-string':
      if (got !== 'string' && got !== 'number') mismatch();
      return;
    case 'any':
      return;
    case 'array':
      if (got !== 'array') return mismatch();
      (value as unknown[]).forEach((item, i) => walk(schema.items, item, `${path}[${i}]`, parentType, out));
      return;
    case 'map':
      if (got !== 'object') return mismatch();
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        walk(schema.values, v, `${path}.${k}`, parentType, out);
      }
      return;
    case 'object': {
      if (got !== 'object') return mismatch();
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const child = schema.properties[k];
        const childPath = path ? `${path}.${k}` : k;
        if (!child) out.unknownFields.push(`unknown field ${JSON.stringify(childPath)}`);
        else walk(child, v, childPath, schema.typeName, out);
      }
      return;
    }
  }
}

/** The JSON type names Go's encoding/json uses in its UnmarshalTypeError. */
function jsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'object') return 'object';
  return typeof v;
}
