/** SHA-256 and HMAC-SHA-256 for the Node side (the domain takes them injected). */
import { createHash, createHmac } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** SHA-256 of a UTF-8 text (or bytes) as lowercase hex. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** SHA-256 of a file, streamed, and its size in bytes. */
export async function sha256File(path: string): Promise<{ hash: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { hash: hash.digest('hex'), size };
}

/**
 * A keyed pseudonym for a subject id: `pseud-` + the first 20 hex digits of HMAC-SHA-256(key, id). The same id
 * and key always give the same pseudonym (affected subjects can still be counted and joined); without the key the
 * id cannot be recovered or confirmed by guessing.
 */
export function pseudonymFor(key: string | Uint8Array): (id: string) => string {
  if (key.length === 0) throw new Error('The pseudonymization key is empty.');
  return (id) => `pseud-${createHmac('sha256', key).update(id, 'utf8').digest('hex').slice(0, 20)}`;
}
