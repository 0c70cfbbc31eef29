import type { KubeObject, Stored } from '../../api/types';

/**
 * Field selectors (`--field-selector status.phase=Running,spec.nodeName!=a`). The API server
 * supports metadata.name and metadata.namespace for every kind, and a few more fields per kind
 * (pkg/registry/core/pod/strategy.go ToSelectableFields, node and event strategies).
 */
const COMMON = ['metadata.name', 'metadata.namespace'];
const PER_KIND: Record<string, readonly string[]> = {
  Pod: ['spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.nominatedNodeName'],
  Node: ['spec.unschedulable'],
  Event: ['involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'],
  Secret: ['type'],
  Namespace: ['status.phase'],
  ReplicaSet: ['status.replicas'],
  Job: ['status.successful'],
};

export interface FieldRequirement {
  readonly field: string;
  readonly operator: '=' | '!=';
  readonly value: string;
}

export class FieldSelectorError extends Error {}

/** Parse `a=b,c!=d` (also `a==b`), as fields.ParseSelector does. */
export function parseFieldSelector(input: string): FieldRequirement[] {
  if (input.trim() === '') return [];
  return input.split(',').map((term) => {
    const m = /^([^=!]+)(==|=|!=)(.*)$/.exec(term.trim());
    if (!m) throw new FieldSelectorError(`invalid selector: '${input}'; can't understand '${term}'`);
    return { field: m[1]!, operator: m[2] === '!=' ? '!=' : '=', value: m[3]! };
  });
}

/**
 * Check the fields against what the kind supports; the error is the API server's
 * (`field label not supported`), with the GroupVersionResource kubectl prints.
 */
export function checkFieldSelector(kind: string, gvr: string, requirements: readonly FieldRequirement[], rawSelector: string, labelSelector: string): string | undefined {
  const allowed = [...COMMON, ...(PER_KIND[kind] ?? [])];
  const bad = requirements.find((r) => !allowed.includes(r.field));
  if (!bad) return undefined;
  return `Error from server (BadRequest): Unable to find ${JSON.stringify(gvr)} that match label selector ${JSON.stringify(labelSelector)}, field selector ${JSON.stringify(rawSelector)}: field label not supported: ${bad.field}`;
}

export function matchesFields(obj: Stored<KubeObject>, requirements: readonly FieldRequirement[]): boolean {
  return requirements.every((r) => {
    const actual = fieldValue(obj, r.field);
    return r.operator === '=' ? actual === r.value : actual !== r.value;
  });
}

function fieldValue(obj: Stored<KubeObject>, path: string): string {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return '';
    cur = (cur as Record<string, unknown>)[part];
  }
  if (cur === undefined || cur === null) {
    // The API server exposes unset booleans as "false" (spec.unschedulable, spec.hostNetwork).
    return path === 'spec.unschedulable' || path === 'spec.hostNetwork' ? 'false' : '';
  }
  if (typeof cur === 'object') return JSON.stringify(cur);
  return String(cur);
}
