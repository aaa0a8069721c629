/**
 * Invalid UTF-8 in an input: a decoder (the CLI's, the app's worker's) turns each invalid byte sequence into
 * U+FFFD rather than failing, and the import counts them with the lines they are on, so the app and the CLI both
 * warn `invalid UTF-8: N byte sequences replaced with U+FFFD (lines …)` with the same lines.
 */
import type { ImportWarning } from '../model/records';

/** Invalid UTF-8 found while decoding: how many replacement characters, and the first lines they were on. */
export interface Utf8Damage {
  readonly replaced: number;
  readonly lines: ReadonlyArray<number>;
}

/** How many lines holding U+FFFD are named. */
const LINES_NAMED = 20;

/**
 * Counts U+FFFD in decoded text pushed in order, remembering the first lines they are on. Lines end at LF, CRLF or a
 * bare CR, as the line splitter numbers them, whatever the pieces the text is pushed in (a CRLF cut between two).
 */
export class ReplacementCounter {
  private line = 1;
  private replaced = 0;
  private readonly lines: number[] = [];
  /** The last piece ended with a CR, counted as a line end: an LF opening the next piece is its CRLF's. */
  private endedWithCr = false;

  scan(text: string): void {
    let from = this.endedWithCr && text.charCodeAt(0) === 10 ? 1 : 0;
    for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) {
      this.line += countLineEnds(text, from, i);
      from = i;
      this.replaced += 1;
      if (this.lines[this.lines.length - 1] !== this.line && this.lines.length < LINES_NAMED)
        this.lines.push(this.line);
    }
    this.line += countLineEnds(text, from, text.length);
    if (text.length > 0) this.endedWithCr = text.charCodeAt(text.length - 1) === 13;
  }

  damage(): Utf8Damage {
    return { replaced: this.replaced, lines: this.lines };
  }
}

/** The line ends in text[from, to): each LF, and each CR not followed by an LF. */
function countLineEnds(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n += 1;
  for (let i = text.indexOf('\r', from); i !== -1 && i < to; i = text.indexOf('\r', i + 1))
    if (text.charCodeAt(i + 1) !== 10) n += 1;
  return n;
}

/** The warning text for invalid UTF-8, or undefined when there was none. */
export function damageWarning(damage: Utf8Damage): string | undefined {
  if (damage.replaced === 0) return undefined;
  const lines = damage.lines.join(', ');
  return (
    `invalid UTF-8: ${damage.replaced} byte sequence${damage.replaced === 1 ? '' : 's'} replaced with U+FFFD ` +
    `(line${damage.lines.length === 1 ? '' : 's'} ${lines}${damage.lines.length >= LINES_NAMED ? ', …' : ''})`
  );
}

/** The warning for the damage, placed at its first line, or none. */
export function damageWarnings(damage: Utf8Damage, sourceName: string): ImportWarning[] {
  const message = damageWarning(damage);
  return message ? [{ sourceName, ...(damage.lines[0] !== undefined && { line: damage.lines[0] }), message }] : [];
}
