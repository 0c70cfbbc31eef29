import { apiVersionOf } from '../../api/resource-types';
import { goTypeName, type ObjectSchema, type Schema } from '../../api/schema/dsl';
import type { CommandContext, KubectlCommand } from '../framework/command';
import { fail, ok, type KubectlResult } from '../framework/result';
import { resolveType } from '../resources/builder';

/**
 * `kubectl explain` from the same schemas the API server decodes with and the editor completes
 * from (src/core/api/schema), in the layout of kubectl's OpenAPI v3 plaintext template: KIND,
 * VERSION, FIELD, DESCRIPTION and FIELDS, `name\t<type>` with `-required-` and enums.
 */
export const explainCommand: KubectlCommand = {
  name: 'explain',
  group: 'Basic Commands (Intermediate):',
  short: 'Get documentation for a resource',
  long: `Describe fields and structure of various resources.

 This command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:

        <type>.<fieldName>[.<fieldName>]

 Information about each field is retrieved from the server in OpenAPI format.

 Use "kubectl api-resources" for a complete list of supported resources.`,
  examples: `  # Get the documentation of the resource and its fields
  kubectl explain pods

  # Get the documentation of a specific field of a resource
  kubectl explain pods.spec.containers

  # Get all the fields in the resource
  kubectl explain pods --recursive`,
  use: 'TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]',
  flags: [
    { name: 'api-version', type: 'string', usage: 'Use given api-version (group/version) of the resource.' },
    { name: 'output', short: 'o', type: 'string', defaultText: "'plaintext'", usage: 'Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).' },
    { name: 'recursive', type: 'bool', usage: 'When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.' },
  ],
  run: runExplain,
};

const WIDTH = 80;

function runExplain(ctx: CommandContext): KubectlResult {
  if (ctx.args.length === 0) {
    return fail('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee \'kubectl explain -h\' for help and examples');
  }
  if (ctx.args.length > 1) return fail(`error: We accept only this format: explain RESOURCE\nSee 'kubectl explain -h' for help and examples`);
  const output = ctx.flags.string('output', 'plaintext');
  if (output !== 'plaintext' && output !== 'plaintext-openapiv2') return fail(`error: unsupported output format: ${output}`);
  const [typeName, ...path] = ctx.args[0]!.split('.');
  const type = resolveType(ctx.host.store, typeName!);
  const version = ctx.flags.string('api-version');
  if (version !== '' && version !== apiVersionOf(type)) return fail(`error: couldn't find resource for "${apiVersionOf(type).split('/')[0]}/${version}, Resource=${type.plural}"`);
  const kindSchema = ctx.host.store.registry.strategy(type.kind)!.schema;
  let schema: Schema = kindSchema;
  let fieldName: string | undefined;
  for (const name of path) {
    const obj = objectOf(schema);
    const child = obj?.properties[name];
    if (!child) return fail(`error: field ${JSON.stringify(name)} does not exist`);
    schema = child;
    fieldName = name;
  }
  const lines = [`KIND:       ${type.kind}`, `VERSION:    ${apiVersionOf(type)}`, ''];
  if (fieldName !== undefined) lines.push(`FIELD: ${fieldName} <${typeText(schema)}>`, '');
  if (schema.type === 'string' && schema.enum) lines.push(`ENUM:`, ...schema.enum.map((e) => `    ${e}`), '');
  lines.push('DESCRIPTION:', ...wrap(schema.description || '<empty>', 4), '');
  const obj = objectOf(schema);
  if (obj && Object.keys(obj.properties).length > 0) {
    lines.push('FIELDS:');
    if (ctx.flags.bool('recursive')) lines.push(...recursiveFields(obj, 1, new Set()));
    else {
      for (const [name, child] of sortedProps(obj)) {
        lines.push(`  ${name}\t<${typeText(child)}>${obj.required?.includes(name) ? ' -required-' : ''}`);
        if (child.type === 'string' && child.enum) lines.push(`  enum: ${child.enum.join(', ')}`);
        lines.push(...wrap(child.description || '<no description>', 4), '');
      }
    }
  }
  return ok(lines.join('\n').replace(/\n+$/, ''));
}

/** The object a schema describes, looking through arrays and maps as explain does. */
function objectOf(s: Schema): ObjectSchema | undefined {
  if (s.type === 'object') return s;
  if (s.type === 'array') return objectOf(s.items);
  if (s.type === 'map') return objectOf(s.values);
  return undefined;
}

function sortedProps(obj: ObjectSchema): [string, Schema][] {
  return Object.entries(obj.properties).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The type as explain prints it: JSON scalar names (string, integer, boolean), otherwise the Go type (`[]Container`, `map[string]string`, `PodSpec`). */
export function typeText(s: Schema): string {
  switch (s.type) {
    case 'string':
    case 'integer':
    case 'number':
    case 'boolean':
      return s.type;
    case 'map':
      return `map[string]${typeText(s.values)}`;
    case 'array':
      return `[]${typeText(s.items)}`;
    default:
      return goTypeName(s);
  }
}

function recursiveFields(obj: ObjectSchema, level: number, seen: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const [name, child] of sortedProps(obj)) {
    out.push(`${'  '.repeat(level)}${name}\t<${typeText(child)}>${obj.required?.includes(name) ? ' -required-' : ''}`);
    const inner = objectOf(child);
    // Recursive types (e.g. JSON schema props) are listed once.
    if (inner && !seen.has(inner.typeName)) out.push(...recursiveFields(inner, level + 1, new Set([...seen, inner.typeName])));
  }
  return out;
}

/** Wrap text at 80 columns with an indent, as the explain template does. */
function wrap(text: string, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && pad.length + line.length + 1 + word.length > WIDTH) {
        out.push(pad + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(pad + line);
  }
  return out;
}
