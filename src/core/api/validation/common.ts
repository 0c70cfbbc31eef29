import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { deepEqual } from '../clone';
import { type FieldError, forbidden, invalid, notSupported, required } from '../field-errors';
import { validateLabels } from './metadata';
import { isQualifiedName } from './names';

/**
 * Validation pieces shared by the kinds (apimachinery validation and pkg/apis/*\/validation),
 * worded as the API server words them.
 */

export function nonNegative(value: number | undefined, field: string): FieldError[] {
  return value !== undefined && value < 0 ? [invalid(field, value, 'must be greater than or equal to 0')] : [];
}

export function positive(value: number | undefined, field: string): FieldError[] {
  return value !== undefined && value <= 0 ? [invalid(field, value, 'must be greater than 0')] : [];
}

/** ValidateImmutableField: `field is immutable`. */
export function immutable(newValue: unknown, oldValue: unknown, field: string, shown: unknown = newValue): FieldError[] {
  return deepEqual(newValue, oldValue) ? [] : [invalid(field, shown, 'field is immutable')];
}

/** IntOrString as a count or a percentage (maxSurge, maxUnavailable). */
export function validateIntOrPercent(v: number | string | undefined, field: string): FieldError[] {
  if (v === undefined) return [];
  if (typeof v === 'number') return nonNegative(v, field);
  const m = /^(\d+)%$/.exec(v);
  if (!m) return [invalid(field, v, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")];
  return [];
}

/** A percentage must not exceed 100% (IsNotMoreThan100Percent). */
export function notMoreThan100Percent(v: number | string | undefined, field: string): FieldError[] {
  if (typeof v !== 'string') return [];
  const m = /^(\d+)%$/.exec(v);
  return m && Number(m[1]) > 100 ? [invalid(field, v, 'must not be greater than 100%')] : [];
}

const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** ValidateLabelSelector. */
export function validateLabelSelector(selector: LabelSelector | undefined, path: string): FieldError[] {
  if (!selector) return [];
  const errs = validateLabels(selector.matchLabels, `${path}.matchLabels`);
  (selector.matchExpressions ?? []).forEach((e, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    if (!SELECTOR_OPERATORS.includes(e.operator)) errs.push(notSupported(`${p}.operator`, e.operator, SELECTOR_OPERATORS));
    const n = e.values?.length ?? 0;
    if ((e.operator === 'In' || e.operator === 'NotIn') && n === 0) {
      errs.push(required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    }
    if ((e.operator === 'Exists' || e.operator === 'DoesNotExist') && n > 0) {
      errs.push(forbidden(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    }
    for (const msg of isQualifiedName(e.key)) errs.push(invalid(`${p}.key`, e.key, msg));
  });
  return errs;
}

/** Whether a selector has no requirements at all (which a workload may not have). */
export function isEmptySelector(selector: LabelSelector | undefined): boolean {
  return !selector || (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0);
}

/** Go's %#v of a LabelSelector, as it appears in `field is immutable` and empty-selector messages. */
export function goLabelSelector(selector: LabelSelector | undefined): string {
  if (!selector) return '"null"';
  const labels = Object.entries(selector.matchLabels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  const ml = selector.matchLabels ? `map[string]string{${labels.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(', ')}}` : 'map[string]string(nil)';
  const me = selector.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${selector.matchExpressions
        .map((e) => `v1.LabelSelectorRequirement{Key:${JSON.stringify(e.key)}, Operator:${JSON.stringify(e.operator)}, Values:${e.values ? `[]string{${e.values.map((v) => JSON.stringify(v)).join(', ')}}` : '[]string(nil)'}}`)
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${ml}, MatchExpressions:${me}}`;
}

/** A field error whose value is printed as given (already Go-formatted). */
export function invalidRaw(field: string, goText: string, detail: string): FieldError {
  return { type: 'Invalid', field, value: { __go: goText }, detail };
}
