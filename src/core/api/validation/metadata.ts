import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { type FieldError, invalid, required, tooLong } from '../field-errors';
import { isDns1035Label, isDns1123Label, isDns1123Subdomain, isQualifiedName, isValidLabelValue } from './names';

export type NameRule = 'subdomain' | 'dns1123-label' | 'dns1035-label';

const NAME_CHECKS: Record<NameRule, (v: string) => string[]> = {
  subdomain: isDns1123Subdomain,
  'dns1123-label': isDns1123Label,
  'dns1035-label': isDns1035Label,
};

/** apimachinery's total size limit for all annotations on one object. */
const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** ValidateObjectMeta: name (or generateName), namespace, labels and annotations. */
export function validateObjectMeta(meta: ObjectMeta | undefined, namespaced: boolean, nameRule: NameRule): FieldError[] {
  const errs: FieldError[] = [];
  const m = meta ?? {};
  if (!m.name && !m.generateName) {
    errs.push(required('metadata.name', 'name or generateName is required'));
  } else if (m.name) {
    for (const msg of NAME_CHECKS[nameRule](m.name)) errs.push(invalid('metadata.name', m.name, msg));
  }
  if (namespaced && m.namespace !== undefined) {
    for (const msg of isDns1123Label(m.namespace)) errs.push(invalid('metadata.namespace', m.namespace, msg));
  }
  errs.push(...validateLabels(m.labels, 'metadata.labels'));
  errs.push(...validateAnnotations(m.annotations, 'metadata.annotations'));
  errs.push(...validateOwnerReferences(m.ownerReferences));
  return errs;
}

/** ValidateOwnerReferences: apiVersion, kind, name and uid are required; at most one controller. */
function validateOwnerReferences(refs: ObjectMeta['ownerReferences']): FieldError[] {
  const errs: FieldError[] = [];
  const controllers: string[] = [];
  (refs ?? []).forEach((r) => {
    const field = 'metadata.ownerReferences';
    if (!r.apiVersion) errs.push(invalid(`${field}.apiVersion`, r.apiVersion ?? '', 'version must not be empty'));
    if (!r.kind) errs.push(invalid(`${field}.kind`, r.kind ?? '', 'kind must not be empty'));
    if (!r.name) errs.push(invalid(`${field}.name`, r.name ?? '', 'name must not be empty'));
    if (!r.uid) errs.push(invalid(`${field}.uid`, r.uid ?? '', 'uid must not be empty'));
    if (r.controller) controllers.push(`${r.kind}/${r.name}`);
  });
  if (controllers.length > 1) {
    errs.push(invalid('metadata.ownerReferences', refs, `Only one reference can have Controller set to true. Found "true" in references for ${controllers.join(' and ')}`));
  }
  return errs;
}

export function validateLabels(labels: Record<string, string> | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    for (const msg of isQualifiedName(k)) errs.push(invalid(field, k, msg));
    if (typeof v !== 'string') {
      errs.push(invalid(`${field}`, v, 'label values must be strings'));
      continue;
    }
    for (const msg of isValidLabelValue(v)) errs.push(invalid(field, v, msg));
  }
  return errs;
}

export function validateAnnotations(annotations: Record<string, string> | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalid(field, k, msg));
    total += k.length + String(v).length;
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(field, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}
