/**
 * Reads a file in chunks: its SHA-256 (one pass), and its text decoded as UTF-8 without failing on invalid bytes
 * (`TextDecoder('utf-8', { fatal: false })`), counting the U+FFFD replacement characters with the lines they are on.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

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

/** Invalid UTF-8 found while decoding: how many replacement characters, and the first lines they were on. */
export interface Utf8Damage {
  readonly replaced: number;
  readonly lines: ReadonlyArray<number>;
}

/** Decodes a file chunk by chunk, calling `onText` with each decoded piece; resolves with the damage found. */
export async function decodeFile(path: string, onText: (text: string) => void): Promise<Utf8Damage> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const counter = new ReplacementCounter();
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    const text = decoder.decode(chunk, { stream: true });
    counter.scan(text);
    onText(text);
  }
  const rest = decoder.decode();
  counter.scan(rest);
  if (rest !== '') onText(rest);
  return counter.damage();
}

/** Counts U+FFFD in decoded text pushed in order, remembering the first lines they are on. */
export class ReplacementCounter {
  private line = 1;
  private replaced = 0;
  private readonly lines: number[] = [];

  scan(text: string): void {
    let from = 0;
    for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) {
      this.line += countNewlines(text, from, i);
      from = i;
      this.replaced += 1;
      if (this.lines[this.lines.length - 1] !== this.line && this.lines.length < 20) this.lines.push(this.line);
    }
    this.line += countNewlines(text, from, text.length);
  }

  damage(): Utf8Damage {
    return { replaced: this.replaced, lines: this.lines };
  }
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
}

/** The warning text for invalid UTF-8, or undefined when there was none. */
export function damageWarning(damage: Utf8Damage): string | undefined {
  if (damage.replaced === 0) return undefined;
  const lines = damage.lines.join(', ');
  return (
    `invalid UTF-8: ${damage.replaced} byte sequence${damage.replaced === 1 ? '' : 's'} replaced with U+FFFD ` +
    `(line${damage.lines.length === 1 ? '' : 's'} ${lines}${damage.lines.length >= 20 ? ', …' : ''})`
  );
}
