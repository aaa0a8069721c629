/**
 * Reads a file in chunks: its SHA-256 (one pass), and its text decoded as UTF-8 without failing on invalid bytes
 * (`TextDecoder('utf-8', { fatal: false })`: each becomes U+FFFD, which the import counts with its lines,
 * shared/importers/text-damage.ts) — or as UTF-16 when the file opens with its byte order mark.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { encodingOf } from '../../shared/importers/text-encoding.js';

/** How much is read at a time. */
export const CHUNK_BYTES = 1024 * 1024;

/** The SHA-256 (hex) and size of a file, read in chunks. */
export async function hashFile(path: string): Promise<{ readonly sha256: string; readonly size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}

/** Decodes a file chunk by chunk (UTF-8, or UTF-16 after its byte order mark), calling `onText` with each piece. */
export async function decodeFile(path: string, onText: (text: string) => void): Promise<void> {
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    decoder ??= new TextDecoder(encodingOf(chunk), { fatal: false });
    onText(decoder.decode(chunk, { stream: true }));
  }
  const rest = decoder?.decode() ?? '';
  if (rest !== '') onText(rest);
}
