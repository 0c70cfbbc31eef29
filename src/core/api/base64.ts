/**
 * Base64 as Go's encoding/base64 StdEncoding, which Secret data goes through: strict decoding with
 * the error Go reports (`illegal base64 data at input byte N`), and UTF-8-safe encoding of
 * stringData. Written out because the core may not use Node's Buffer or the DOM's atob.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function encodeBase64(text: string): string {
  const bytes = utf8Encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63]! : '=';
  }
  return out;
}

/** The decoded bytes, or the byte offset Go's decoder stops at. */
export function decodeBase64(text: string): Uint8Array | { illegalAt: number } {
  if (text.length % 4 !== 0) {
    // Go reports the first offending byte: the start of the incomplete quantum, or a bad character.
    const bad = firstIllegal(text);
    return { illegalAt: bad >= 0 ? bad : text.length - (text.length % 4) };
  }
  const bad = firstIllegal(text);
  if (bad >= 0) return { illegalAt: bad };
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 4) {
    const c = [0, 1, 2, 3].map((j) => (text[i + j] === '=' ? 0 : ALPHABET.indexOf(text[i + j]!)));
    const n = (c[0]! << 18) | (c[1]! << 12) | (c[2]! << 6) | c[3]!;
    bytes.push((n >> 16) & 255);
    if (text[i + 2] !== '=') bytes.push((n >> 8) & 255);
    if (text[i + 3] !== '=') bytes.push(n & 255);
  }
  return new Uint8Array(bytes);
}

function firstIllegal(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '=') {
      // Padding only at the end of the last quantum.
      const rest = text.slice(i);
      if (!/^={1,2}$/.test(rest) || text.length % 4 !== 0) return i;
      return -1;
    }
    if (ALPHABET.indexOf(ch) < 0) return i;
  }
  return -1;
}

/** Decoded text for display (describe, env values); invalid UTF-8 shows replacement characters. */
export function decodeBase64Text(text: string): string | undefined {
  const r = decodeBase64(text);
  return r instanceof Uint8Array ? utf8Decode(r) : undefined;
}

function utf8Encode(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

function utf8Decode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0;
    if (len === 0 || i + len > bytes.length) {
      out += '\ufffd';
      i++;
      continue;
    }
    let c = len === 1 ? b : b & (0xff >> (len + 1));
    for (let j = 1; j < len; j++) c = (c << 6) | (bytes[i + j]! & 63);
    out += String.fromCodePoint(c);
    i += len;
  }
  return out;
}
