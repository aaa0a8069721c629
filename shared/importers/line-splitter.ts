/**
 * Splits text pushed in chunks of any size into lines (LF or CRLF) with 1-based line numbers, holding only the
 * unfinished last line between pushes.
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
    let text = this.rest === '' ? chunk : this.rest + chunk;
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      this.line += 1;
      const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      this.onLine(this.line, text.slice(start, stop));
      start = end + 1;
    }
    text = text.slice(start);
    this.rest = text;
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
