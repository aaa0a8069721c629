/**
 * Streams the elements of one large JSON document — a top-level array, or the array under one key of a wrapper
 * object (`{"Records": […]}`, `{"events": […]}`) — with @streamparser/json, so the document is never held whole.
 * Each element comes with its JSON pointer; a syntax error ends the stream with the line it was found on.
 */
import JSONParser from '@streamparser/json/jsonparser.js';

export interface StreamedElement {
  readonly value: unknown;
  readonly pointer: string;
}

export interface JsonStreamFailure {
  readonly line: number;
  readonly reason: string;
}

const encoder = new TextEncoder();

export class JsonElementStream {
  private readonly parser: JSONParser;
  private linesBefore = 0;
  private failure: JsonStreamFailure | undefined;
  private current = '';
  private sawAny = false;
  private endsWithNewline = true;

  /** `wrapperKey` undefined: the document is an array; otherwise the array is under that key. */
  constructor(
    private readonly wrapperKey: string | undefined,
    private readonly onElement: (element: StreamedElement) => void,
  ) {
    const prefix = wrapperKey === undefined ? '' : `/${escapePointer(wrapperKey)}`;
    const path = wrapperKey === undefined ? '$.*' : `$.${wrapperKey}.*`;
    this.parser = new JSONParser({ paths: [path], keepStack: false });
    this.parser.onValue = ({ value, key }) => {
      this.onElement({ value, pointer: `${prefix}/${String(key)}` });
    };
    this.parser.onError = (error) => {
      this.failure ??= { line: this.lineOf(error.message), reason: `invalid JSON: ${error.message}` };
    };
  }

  /** The first syntax error, once there has been one (nothing after it is read). */
  get failed(): JsonStreamFailure | undefined {
    return this.failure;
  }

  push(chunk: string): void {
    if (this.failure || chunk === '') return;
    if (this.parser.isEnded) {
      if (chunk.trim() !== '') this.fail('unexpected text after the end of the JSON document');
      return;
    }
    this.sawAny ||= chunk.trim() !== '';
    this.current = chunk;
    this.parser.write(chunk);
    this.linesBefore += countLines(chunk);
    this.endsWithNewline = chunk.endsWith('\n');
    this.current = '';
  }

  end(): void {
    if (this.failure || this.parser.isEnded) return;
    if (!this.sawAny) return;
    this.parser.end();
    if (!this.failure && !this.parser.isEnded) this.fail('the JSON document ends before it is complete');
  }

  private fail(reason: string): void {
    const line = Math.max(1, this.linesBefore + (this.endsWithNewline ? 0 : 1));
    this.failure ??= { line, reason: `invalid JSON: ${reason}` };
  }

  /** The line of an error the tokenizer reports by byte position in the current chunk. */
  private lineOf(message: string): number {
    const match = /at chunk position "(\d+)"/.exec(message);
    if (!match || this.current === '') return Math.max(1, this.linesBefore + (this.endsWithNewline ? 0 : 1));
    const bytes = encoder.encode(this.current).subarray(0, Number(match[1]));
    let lines = 0;
    for (const b of bytes) if (b === 10) lines += 1;
    return this.linesBefore + lines + 1;
  }
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
