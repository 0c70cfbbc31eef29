import { bool, mapOf, str, stringMap } from './dsl';
import { topLevel } from './meta';

/** Schemas of ConfigMap and Secret (v1). */

export const configMapSchema = topLevel('ConfigMap', 'Configuration data as key/value pairs, consumed as environment variables or files.', {
  data: stringMap('UTF-8 values.'),
  binaryData: mapOf(str(''), 'Binary values, base64-encoded.'),
  immutable: bool('When true, the data cannot be changed.'),
});

export const secretSchema = topLevel('Secret', 'Sensitive data, base64-encoded, consumed as environment variables or files.', {
  data: stringMap('Values, base64-encoded.'),
  stringData: stringMap('Plain-text values, encoded into data by the server on write (never read back).'),
  type: str('The kind of secret, e.g. Opaque or kubernetes.io/tls. Default Opaque.'),
  immutable: bool('When true, the data cannot be changed.'),
});
