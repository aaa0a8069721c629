/**
 * A small, pure 64-bit FNV-1a hash (two 32-bit lanes) for identifying job versions by the code text they ran.
 * Not cryptographic: it only tells versions apart. Node's crypto is not available in `shared/`.
 */

/** The FNV-1a hash of a text as 16 hex digits. */
export function fnv1a64(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c ^ (h1 >>> 16), 0x01000193);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
