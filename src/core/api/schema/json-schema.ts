import type { Schema } from './dsl';

/** JSON Schema (draft-07) for one schema node, as the editor's YAML language service reads it. */
export function toJsonSchema(s: Schema): Record<string, unknown> {
  const base = s.description ? { description: s.description } : {};
  switch (s.type) {
    case 'string':
      return s.enum ? { ...base, type: 'string', enum: [...s.enum] } : { ...base, type: 'string' };
    case 'integer':
      return { ...base, type: 'integer' };
    case 'number':
      return { ...base, type: 'number' };
    case 'boolean':
      return { ...base, type: 'boolean' };
    case 'quantity':
      return {
        ...base,
        anyOf: [{ type: 'string', pattern: '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$' }, { type: 'number' }],
      };
    case 'int-or-string':
      return { ...base, anyOf: [{ type: 'string' }, { type: 'integer' }] };
    case 'any':
      return base;
    case 'array':
      return { ...base, type: 'array', items: toJsonSchema(s.items) };
    case 'map':
      return { ...base, type: 'object', additionalProperties: toJsonSchema(s.values) };
    case 'object': {
      const properties: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties)) properties[k] = toJsonSchema(v);
      const out: Record<string, unknown> = { ...base, type: 'object', properties, additionalProperties: false };
      if (s.required && s.required.length > 0) out.required = [...s.required];
      return out;
    }
  }
}

export interface KindSchema {
  readonly apiVersion: string;
  readonly kind: string;
  readonly schema: Schema;
}

/**
 * One document schema for every supported kind: `apiVersion` and `kind` choose the branch, so a
 * manifest gets completion and errors for exactly its kind.
 */
export function manifestJsonSchema(kinds: readonly KindSchema[], extraResourceNames: readonly string[] = []): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Kubelab manifest',
    type: 'object',
    required: ['apiVersion', 'kind'],
    properties: {
      apiVersion: { type: 'string', enum: [...new Set(kinds.map((k) => k.apiVersion))] },
      kind: { type: 'string', enum: kinds.map((k) => k.kind) },
    },
    allOf: kinds.map((k) => ({
      if: { properties: { kind: { const: k.kind } }, required: ['kind'] },
      then: withResourceNames(toJsonSchema(k.schema), extraResourceNames),
    })),
  };
}

/** Offer the cluster's extended resource names (nvidia.com/gpu, …) as completions under resources. */
function withResourceNames(schema: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  if (names.length === 0) return schema;
  return JSON.parse(JSON.stringify(schema), (key, value) => {
    if ((key === 'limits' || key === 'requests') && value && typeof value === 'object' && value.additionalProperties) {
      const properties: Record<string, unknown> = {};
      for (const n of names) properties[n] = value.additionalProperties;
      return { ...value, properties: { ...(value.properties ?? {}), ...properties } };
    }
    return value;
  });
}
