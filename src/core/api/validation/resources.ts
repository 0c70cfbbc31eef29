import type { ResourceRequirements } from 'kubernetes-types/core/v1';
import { type FieldError, invalid, required } from '../field-errors';
import { amountOf } from '../pod-resources';
import { canonicalQuantity, parseQuantity } from '../quantity';
import { isQualifiedName } from './names';

/** The resource names a container may set without a domain (pkg/apis/core/helper). */
const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

/** Native names live under kubernetes.io; anything else with a domain is an extended resource. */
export function isExtendedResource(name: string): boolean {
  return name.includes('/') && !name.startsWith('kubernetes.io/') && !name.includes('.kubernetes.io/') && !name.startsWith('requests.');
}

function isHugePages(name: string): boolean {
  return name.startsWith('hugepages-');
}

/**
 * validateResourceRequirements: names, non-negative values, integer extended resources,
 * requests ≤ limits, and for resources that cannot be overcommitted (extended resources such as
 * nvidia.com/gpu, and hugepages) a limit that the request must equal.
 */
export function validateResourceRequirements(r: ResourceRequirements | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const limits = r?.limits ?? {};
  const requests = r?.requests ?? {};
  const limPath = `${path}.limits`;
  const reqPath = `${path}.requests`;

  for (const [name, q] of Object.entries(limits)) {
    const field = `${limPath}[${name}]`;
    errs.push(...validateResourceName(name, field), ...validateQuantityValue(name, q as string, field));
  }
  for (const [name, q] of Object.entries(requests)) {
    const field = `${reqPath}[${name}]`;
    errs.push(...validateResourceName(name, field), ...validateQuantityValue(name, q as string, field));
    const shown = canonicalQuantity(q as string);
    const limit = limits[name];
    const overcommitAllowed = !isExtendedResource(name) && !isHugePages(name);
    if (limit !== undefined) {
      const req = amountOf(name, q as string);
      const lim = amountOf(name, limit as string);
      if (!overcommitAllowed && req !== lim) {
        errs.push(invalid(field, shown, `must be equal to ${name} limit of ${canonicalQuantity(limit as string)}`));
      } else if (req > lim) {
        errs.push(invalid(field, shown, `must be less than or equal to ${name} limit of ${canonicalQuantity(limit as string)}`));
      }
    } else if (!overcommitAllowed) {
      errs.push(required(`${limPath}[${name}]`, 'Limit must be set for non overcommitable resources'));
    }
  }
  return errs;
}

function validateResourceName(name: string, field: string): FieldError[] {
  const errs = isQualifiedName(name).map((msg) => invalid(field, name, msg));
  if (errs.length > 0) return errs;
  if (!name.includes('/')) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePages(name)) {
      return [invalid(field, name, 'must be a standard resource for containers')];
    }
  }
  return [];
}

function validateQuantityValue(name: string, q: string | number, field: string): FieldError[] {
  const parsed = parseQuantity(q);
  if (!parsed) return []; // strict decoding has already refused an unparsable quantity
  const shown = canonicalQuantity(q);
  if (parsed.value < 0) return [invalid(field, shown, 'must be greater than or equal to 0')];
  if (isExtendedResource(name) && !Number.isInteger(parsed.value)) return [invalid(field, shown, 'must be an integer')];
  return [];
}
