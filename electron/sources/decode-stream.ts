/**
 * Reads a file in chunks: its SHA-256 (one pass), and its text decoded as UTF-8 without failing on invalid bytes
 * (`TextDecoder('utf-8', { fatal: false })`: each becomes U+FFFD, which the import counts with its lines,
 * shared/importers/text-damage.ts) — or as UTF-16 when the file opens with its byte order mark, or as Windows-1252
 * when its first bytes are Latin-1 text (shared/importers/text-encoding.ts).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { encodingOf, textDecoderFor } from '../../shared/importers/text-encoding.js';

/** Bytes of one input read so far, in one of its two passes: its SHA-256, then its text. */
export interface ReadProgress {
  readonly path: string;
  readonly pass: 'hashing' | 'reading';
  readonly bytes: number;
  readonly totalBytes: number;
}

/** How much is read at a time. */
export const CHUNK_BYTES = 1024 * 1024;

/** Told the bytes read so far and the file's size, after each chunk. */
export type OnBytes = (bytes: number, totalBytes: number) => void;

/** The file's chunks, `onBytes` told after each. */
async function* chunksOf(path: string, onBytes: OnBytes | undefined): AsyncGenerator<Buffer> {
  const total = onBytes ? (await stat(path)).size : 0;
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    yield chunk;
    bytes += chunk.length;
    onBytes?.(bytes, total);
  }
}

/** The SHA-256 (hex) and size of a file, read in chunks (`onBytes` told after each). */
export async function hashFile(
  path: string,
  onBytes?: OnBytes,
): Promise<{ readonly sha256: string; readonly size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of chunksOf(path, onBytes)) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * Decodes a file chunk by chunk (UTF-8, UTF-16 after its byte order mark, or Windows-1252), calling `onText` with
 * each piece (and `onBytes` after it).
 */
export async function decodeFile(path: string, onText: (text: string) => void, onBytes?: OnBytes): Promise<void> {
  let decoder: ReturnType<typeof textDecoderFor> | undefined;
  for await (const chunk of chunksOf(path, onBytes)) {
    decoder ??= textDecoderFor(encodingOf(chunk));
    onText(decoder.decode(chunk, { stream: true }));
  }
  const rest = decoder?.decode() ?? '';
  if (rest !== '') onText(rest);
}
