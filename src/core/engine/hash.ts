/** FNV-1a, 32-bit: a small stable hash for deriving deterministic ids from names. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** `length` hex digits derived from `text`: stable pseudo digests (image ids, container ids). */
export function hexDigest(text: string, length = 64): string {
  let out = '';
  let seed = 0x811c9dc5;
  while (out.length < length) {
    seed = fnv1a(text, seed ^ out.length);
    out += seed.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}
