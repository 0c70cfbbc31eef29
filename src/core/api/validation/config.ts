import type { ConfigMap, Secret } from 'kubernetes-types/core/v1';
import { type FieldError, forbidden, invalid, required, tooLong } from '../field-errors';
import { validateObjectMeta } from './metadata';

/** ConfigMap and Secret validation (ValidateConfigMap, ValidateSecret). */

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
/** etcd's object size limit, which both kinds are held to. */
export const MAX_DATA_BYTES = 1024 * 1024;

export function validateConfigKey(key: string, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (key.length > 253) errs.push(invalid(field, key, 'must be no more than 253 characters'));
  if (!CONFIG_KEY.test(key)) {
    errs.push(invalid(field, key, "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"));
  } else if (key === '.' || key === '..') errs.push(invalid(field, key, `must not be '${key}'`));
  else if (key.startsWith('..')) errs.push(invalid(field, key, "must not start with '..'"));
  return errs;
}

export function validateConfigMap(cm: ConfigMap): FieldError[] {
  const errs = validateObjectMeta(cm.metadata, true, 'subdomain');
  let size = 0;
  for (const [k, v] of Object.entries(cm.data ?? {})) {
    errs.push(...validateConfigKey(k, `data[${k}]`));
    size += k.length + v.length;
    if (cm.binaryData?.[k] !== undefined) errs.push(invalid(`data[${k}]`, k, 'duplicate of key present in binaryData'));
  }
  for (const [k, v] of Object.entries(cm.binaryData ?? {})) {
    errs.push(...validateConfigKey(k, `binaryData[${k}]`));
    size += k.length + v.length;
  }
  if (size > MAX_DATA_BYTES) errs.push(tooLong('', MAX_DATA_BYTES));
  return errs;
}

/** Data cannot change once `immutable: true` is set, and immutable cannot be unset. */
export function validateImmutableData(obj: { immutable?: boolean; data?: unknown; binaryData?: unknown }, old: typeof obj): FieldError[] {
  if (!old.immutable) return [];
  const errs: FieldError[] = [];
  if (!obj.immutable) errs.push(forbidden('immutable', 'field is immutable when `immutable` is set'));
  if (JSON.stringify(obj.data ?? {}) !== JSON.stringify(old.data ?? {})) errs.push(forbidden('data', 'field is immutable when `immutable` is set'));
  if (JSON.stringify(obj.binaryData ?? {}) !== JSON.stringify(old.binaryData ?? {})) errs.push(forbidden('binaryData', 'field is immutable when `immutable` is set'));
  return errs;
}

/** Keys that some secret types must carry (ValidateSecret). */
const REQUIRED_KEYS: Record<string, readonly string[]> = {
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
};

export function validateSecret(s: Secret): FieldError[] {
  const errs = validateObjectMeta(s.metadata, true, 'subdomain');
  let size = 0;
  for (const [k, v] of Object.entries(s.data ?? {})) {
    errs.push(...validateConfigKey(k, `data[${k}]`));
    size += v.length;
  }
  if (size > MAX_DATA_BYTES) errs.push(tooLong('data', MAX_DATA_BYTES));
  for (const key of REQUIRED_KEYS[s.type ?? 'Opaque'] ?? []) if (s.data?.[key] === undefined) errs.push(required(`data[${key}]`, ''));
  if (s.type === 'kubernetes.io/basic-auth' && s.data?.username === undefined && s.data?.password === undefined) {
    errs.push(required('data[username]', ''), required('data[password]', ''));
  }
  return errs;
}

export function validateSecretUpdate(s: Secret, old: Secret): FieldError[] {
  const errs = [...validateSecret(s), ...validateImmutableData(s, old)];
  if ((s.type ?? 'Opaque') !== (old.type ?? 'Opaque')) errs.push(invalid('type', s.type ?? '', 'field is immutable'));
  return errs;
}
