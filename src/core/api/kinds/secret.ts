import type { Secret } from 'kubernetes-types/core/v1';
import { decodeBase64, encodeBase64 } from '../base64';
import { secretSchema } from '../schema/config';
import { validateSecret, validateSecretUpdate } from '../validation/config';
import type { KindStrategy } from './strategy';

/** stringData is write-only: the server encodes it into data (overriding keys there) and drops it. */
function mergeStringData(s: Secret): void {
  s.type ??= 'Opaque';
  if (!s.stringData) return;
  const data = (s.data ??= {});
  for (const [k, v] of Object.entries(s.stringData)) data[k] = encodeBase64(v);
  delete s.stringData;
}

export const secretStrategy: KindStrategy<Secret> = {
  type: { kind: 'Secret', group: '', version: 'v1', plural: 'secrets', singular: 'secret', shortNames: [], namespaced: true },
  schema: secretSchema,
  nameRule: 'subdomain',
  decode: (s) => {
    for (const v of Object.values(s.data ?? {})) {
      const r = decodeBase64(String(v));
      if (!(r instanceof Uint8Array)) return `illegal base64 data at input byte ${r.illegalAt}`;
    }
    return undefined;
  },
  prepareForCreate: mergeStringData,
  prepareForUpdate: mergeStringData,
  validate: validateSecret,
  validateUpdate: validateSecretUpdate,
};
