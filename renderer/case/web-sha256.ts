/**
 * SHA-256 of a UTF-8 text as 64 lowercase hex digits, for the case's activity chain. The renderer hashes with
 * Web Crypto; `sha256Sync` (the app's own FIPS 180-4 implementation) serves where no await is allowed, such as a
 * database upgrade transaction, and where Web Crypto is missing (a page that is not a secure context).
 */
import { Sha256 } from '../import/sha256';

const encoder = new TextEncoder();

/** Synchronous SHA-256 of a text's UTF-8 bytes. */
export function sha256Sync(text: string): string {
  return new Sha256().update(encoder.encode(text)).digestHex();
}

/** SHA-256 of a text's UTF-8 bytes with Web Crypto (`crypto.subtle`), falling back to `sha256Sync`. */
export async function webSha256(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return sha256Sync(text);
  const digest = new Uint8Array(await subtle.digest('SHA-256', encoder.encode(text)));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
