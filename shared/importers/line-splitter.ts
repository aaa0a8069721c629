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
    const breaks = /\r\n?|\n/g;
    let start = 0;
    for (let found = breaks.exec(text); found; found = breaks.exec(text)) {
      if (found[0] === '\r' && breaks.lastIndex === text.length) break;
      this.line += 1;
      this.onLine(this.line, text.slice(start, found.index));
      start = breaks.lastIndex;
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
