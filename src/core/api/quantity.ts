/**
 * Kubernetes resource quantities (apimachinery pkg/api/resource): parsing, comparison and the
 * canonical string form the API server writes back ("1.5" → "1500m", "1.5Gi" → "1536Mi").
 */

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/** The grammar of quantity.go's parser: sign, digits with an optional fraction, then a suffix. */
const QUANTITY_RE = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;

export type QuantityFormat = 'BinarySI' | 'DecimalSI' | 'DecimalExponent';

export interface Quantity {
  /** The value in base units (cores, bytes, devices). */
  readonly value: number;
  readonly format: QuantityFormat;
}

/** The message apimachinery gives for a string that is not a quantity. */
export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

export function parseQuantity(input: string | number): Quantity | undefined {
  if (typeof input === 'number') {
    return Number.isFinite(input) ? { value: input, format: 'DecimalSI' } : undefined;
  }
  const m = QUANTITY_RE.exec(input.trim() === input ? input : '');
  if (!m) return undefined;
  const mantissa = Number(m[1]);
  const suffix = m[2] ?? '';
  if (suffix in BINARY) return { value: mantissa * BINARY[suffix]!, format: 'BinarySI' };
  if (suffix in DECIMAL) return { value: scale(mantissa, DECIMAL[suffix]!), format: 'DecimalSI' };
  return { value: scale(mantissa, Number(suffix.slice(1))), format: 'DecimalExponent' };
}

/** The value of a quantity in base units, or 0 when it does not parse (validation reports that). */
export function quantityValue(input: string | number | undefined): number {
  if (input === undefined) return 0;
  return parseQuantity(input)?.value ?? 0;
}

/** CPU in millicores, rounded up as the API server does for sub-milli values. */
export function milliCores(input: string | number | undefined): number {
  return Math.ceil(Math.round(quantityValue(input) * 1e6) / 1e3);
}

/** The canonical string the API server stores for a quantity. */
export function canonicalQuantity(input: string | number): string {
  const q = parseQuantity(input);
  if (!q) return String(input);
  return formatQuantity(q.value, q.format);
}

export function formatQuantity(value: number, format: QuantityFormat = 'DecimalSI'): string {
  if (value === 0) return '0';
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  if (format === 'BinarySI' && Number.isInteger(abs)) {
    // The largest binary suffix that leaves an integer; below 1024 the plain number.
    const suffixes = ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki'] as const;
    for (const s of suffixes) {
      const f = BINARY[s]!;
      if (abs >= f && abs % f === 0) return `${sign}${abs / f}${s}`;
    }
    return `${sign}${abs}`;
  }
  // Decimal: the largest power of 1000 (down to nano) that leaves an integer mantissa.
  for (const e of [18, 15, 12, 9, 6, 3, 0, -3, -6, -9]) {
    const mantissa = scale(abs, -e);
    if (Math.abs(mantissa - Math.round(mantissa)) < 1e-9 && Math.round(mantissa) >= 1) {
      const suffix = format === 'DecimalExponent' ? (e === 0 ? '' : `e${e}`) : decimalSuffix(e);
      return `${sign}${Math.round(mantissa)}${suffix}`;
    }
  }
  // Below a nano-unit the API server rounds up to 1n.
  return `${sign}1n`;
}

function decimalSuffix(exponent: number): string {
  for (const [s, e] of Object.entries(DECIMAL)) if (e === exponent) return s;
  return '';
}

/** mantissa × 10^exponent without the binary rounding error of multiplying by a fraction. */
function scale(mantissa: number, exponent: number): number {
  return exponent >= 0 ? mantissa * 10 ** exponent : mantissa / 10 ** -exponent;
}

/** "1536Mi"-style human memory strings for views and printers. */
export function formatBytesBinary(bytes: number): string {
  return formatQuantity(Math.round(bytes), 'BinarySI');
}
