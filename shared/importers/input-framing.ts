/**
 * Cuts an input pushed in chunks into top-level values ("raw items"), by the framing its first characters show:
 * JSON lines (each line parsed on its own, 1-based line numbers), a streamed JSON array or wrapper object
 * (elements with JSON pointers), one buffered JSON document, other text (buffered for YAML), or binary data.
 * Text that opens as JSON is framed as JSON even with a NUL or other control bytes in its first 8 KB: a line that
 * cannot be read is rejected with its number, never the whole file dropped as binary. A value nested deeper than
 * MAX_DEPTH levels is an item that cannot be read (rejected with its line or pointer).
 */
import { WRAPPER_KEYS } from './detect';
import { JsonElementStream } from './json-stream';
import { eachLine, looksBinary, MAX_DEPTH, nestedDeeperThan, tryParse } from './json-input';
import { LineSplitter } from './line-splitter';

/** One top-level value, or why it could not be read. `top`: a whole line or document (may be expanded). */
export interface RawItem {
  readonly value?: unknown;
  readonly reason?: string;
  readonly line?: number;
  readonly pointer?: string;
  readonly top: boolean;
}

export type Framing = 'lines' | 'array' | 'wrapper' | 'document' | 'text' | 'binary';

/** The most text buffered for a YAML or single JSON document (larger inputs should be JSON lines or arrays). */
export const MAX_BUFFERED = 256 * 1024 * 1024;

/** Decides the framing from the first characters of the input. */
export function framingOf(head: string): { readonly framing: Framing; readonly wrapperKey?: string } {
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  if (text.trim() === '') return { framing: 'lines' };
  const start = text.trimStart()[0];
  if (start !== '{' && start !== '[') return { framing: looksBinary(text) ? 'binary' : 'text' };
  const first = eachLine(text).next().value?.text ?? '';
  if (tryParse(first).ok) return { framing: 'lines' };
  if (start === '[') return { framing: 'array' };
  const key = /^\s*\{\s*"([^"\\]+)"\s*:\s*\[/.exec(text)?.[1];
  if (key !== undefined && WRAPPER_KEYS.includes(key)) return { framing: 'wrapper', wrapperKey: key };
  return { framing: 'document' };
}

/** Pushes chunks in, raw items out (through `emit`); `end()` returns the buffered text of document/text framings. */
export class InputFraming {
  private readonly lines: LineSplitter | undefined;
  private readonly stream: JsonElementStream | undefined;
  private buffered: string[] = [];
  private bufferedSize = 0;
  private first = true;
  tooLarge = false;

  private readonly emit: (item: RawItem) => void;

  constructor(
    readonly framing: Framing,
    wrapperKey: string | undefined,
    onItem: (item: RawItem) => void,
  ) {
    const emit = (item: RawItem) => onItem(checkedDepth(item));
    this.emit = emit;
    if (framing === 'lines') {
      this.lines = new LineSplitter((line, text) => {
        if (text.trim() === '') return;
        const parsed = tryParse(text);
        emit(parsed.ok ? { value: parsed.value, line, top: true } : { reason: parsed.reason, line, top: true });
      });
    }
    if (framing === 'array' || framing === 'wrapper') {
      this.stream = new JsonElementStream(wrapperKey, ({ value, pointer }) => emit({ value, pointer, top: false }));
    }
  }

  push(raw: string): void {
    const chunk = this.first && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (raw !== '') this.first = false;
    if (this.lines) this.lines.push(chunk);
    else if (this.stream) this.stream.push(chunk);
    else if (this.framing === 'document' || this.framing === 'text') {
      this.bufferedSize += chunk.length;
      if (this.bufferedSize > MAX_BUFFERED) this.tooLarge = true;
      else this.buffered.push(chunk);
    }
  }

  /** Flushes; the buffered text of a document or text framing ('' otherwise). */
  end(): string {
    this.lines?.end();
    this.stream?.end();
    const failure = this.stream?.failed;
    if (failure) this.emit({ reason: failure.reason, line: failure.line, top: false });
    const text = this.buffered.join('');
    this.buffered = [];
    return text;
  }
}

/** The item, or (when its value nests deeper than MAX_DEPTH) the same place with the reason it cannot be read. */
export function checkedDepth(item: RawItem): RawItem {
  if (!nestedDeeperThan(item.value)) return item;
  const { value: _value, ...place } = item;
  return { ...place, reason: `nested deeper than ${MAX_DEPTH} levels: not read` };
}
