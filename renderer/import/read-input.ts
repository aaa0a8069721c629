/**
 * Reading one input a piece at a time: a File's bytes for hashing, its text decoded as UTF-8 (invalid bytes
 * become U+FFFD for the importer to report, never an exception), or text the main process already read.
 */
import { Sha256 } from './sha256';

/** Text pieces of this size are handed to the importer from in-memory text. */
const TEXT_PIECE = 1 << 20;

/** The SHA-256 of a file, streamed; `onBytes` gets the running byte count. */
export async function hashFile(file: Blob, onBytes: (bytes: number) => void, cancelled: () => boolean) {
  const hash = new Sha256();
  let bytes = 0;
  const reader = file.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      hash.update(value);
      bytes += value.byteLength;
      onBytes(bytes);
      if (cancelled()) return undefined;
    }
  } finally {
    reader.releaseLock();
  }
  return hash.digestHex();
}

/** A decoded text piece and how many input bytes were read so far. */
export interface TextPiece {
  readonly text: string;
  readonly bytes: number;
}

/** The text of a file, decoded as it streams. */
export async function* decodeFile(file: Blob): AsyncGenerator<TextPiece> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const reader = file.stream().getReader();
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      const text = decoder.decode(value, { stream: true });
      if (text) yield { text, bytes };
    }
    const rest = decoder.decode();
    if (rest) yield { text: rest, bytes };
  } finally {
    reader.releaseLock();
  }
}

/** In-memory text in pieces (progress counts characters). */
export async function* pieces(text: string): AsyncGenerator<TextPiece> {
  for (let start = 0; start < text.length; start += TEXT_PIECE) {
    const end = Math.min(text.length, start + TEXT_PIECE);
    yield { text: text.slice(start, end), bytes: end };
  }
}

/** The head the importer detects from: at least `size` characters (or all there is), and the pieces read. */
export async function readHead(
  source: AsyncIterator<TextPiece>,
  size: number,
): Promise<{ head: string; read: TextPiece[]; done: boolean }> {
  const read: TextPiece[] = [];
  let length = 0;
  while (length < size) {
    const next = await source.next();
    if (next.done) return { head: read.map((p) => p.text).join(''), read, done: true };
    read.push(next.value);
    length += next.value.text.length;
  }
  return {
    head: read
      .map((p) => p.text)
      .join('')
      .slice(0, size),
    read,
    done: false,
  };
}
