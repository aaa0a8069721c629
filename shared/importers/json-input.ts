/**
 * Reads an input's text once and says what shape it has: one JSON document, JSON lines,
 * JSON that does not parse, other text, binary data or nothing. Importers and the detector share it.
 */

export type JsonInput =
  | { readonly shape: 'empty' }
  | { readonly shape: 'binary' }
  | { readonly shape: 'document'; readonly value: unknown }
  | { readonly shape: 'lines'; readonly text: string; readonly sample: ReadonlyArray<unknown> }
  | { readonly shape: 'invalid-json'; readonly text: string; readonly reason: string; readonly line?: number }
  | { readonly shape: 'text'; readonly text: string };

/** One non-empty line of a line-oriented input, with its 1-based line number. */
export interface InputLine {
  readonly line: number;
  readonly text: string;
}

/** How many leading non-empty lines decide whether a file is JSON lines. */
const SAMPLE_LINES = 20;

/** Classifies and parses an input's text. Never throws. */
export function readJsonInput(raw: string): JsonInput {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.trim() === '') return { shape: 'empty' };
  if (looksBinary(text)) return { shape: 'binary' };
  const sample: unknown[] = [];
  for (const { text: lineText } of eachLine(text)) {
    if (sample.length >= SAMPLE_LINES) break;
    const parsed = tryParse(lineText);
    sample.push(parsed.ok ? parsed.value : undefined);
  }
  const lineObjects = sample.filter((v) => isObject(v) || (Array.isArray(v) && isObject(v[0]))).length;
  const nonEmptyLines = sample.length;
  const whole = nonEmptyLines > 1 || !isObject(sample[0]) ? tryParse(text) : undefined;
  if (whole?.ok) return { shape: 'document', value: whole.value };
  if (lineObjects > 0) return { shape: 'lines', text, sample };
  const start = text.trimStart()[0];
  if (start === '{' || start === '[') {
    const failure = whole && !whole.ok ? whole : tryParse(text);
    const reason = failure.ok ? 'not JSON' : failure.reason;
    return { shape: 'invalid-json', text, reason, line: failure.ok ? undefined : failure.line };
  }
  return { shape: 'text', text };
}

/**
 * Yields the non-empty lines of a text (ended by LF, CRLF or a bare CR) with 1-based line numbers, without splitting
 * it all at once.
 */
export function* eachLine(text: string): Generator<InputLine> {
  const breaks = /\r\n?|\n/g;
  let start = 0;
  let line = 1;
  while (start <= text.length) {
    const found = breaks.exec(text);
    const end = found ? found.index : text.length;
    const content = text.slice(start, end);
    if (content.trim() !== '') yield { line, text: content };
    start = found ? breaks.lastIndex : text.length + 1;
    line += 1;
  }
}

export type ParseResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly reason: string; readonly line?: number };

/** JSON.parse that returns the syntax error as a reason (with the line it points at, if any). */
export function tryParse(text: string): ParseResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    const line = position ? lineAt(text, Number(position[1])) : undefined;
    return { ok: false, reason: `invalid JSON: ${message}`, line };
  }
}

function lineAt(text: string, position: number): number {
  const breaks = /\r\n?|\n/g;
  let line = 1;
  for (let found = breaks.exec(text); found && found.index < position; found = breaks.exec(text)) line += 1;
  return line;
}

/** A plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The deepest nesting of objects and arrays a record may have (a store's structured clone recurses into it). */
export const MAX_DEPTH = 256;

/** True when `value` nests objects or arrays deeper than `max` levels; walks without recursion, stops early. */
export function nestedDeeperThan(value: unknown, max: number = MAX_DEPTH): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const stack: Array<[object, number]> = [[value, 1]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next;
    if (depth > max) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node))
      if (typeof child === 'object' && child !== null) stack.push([child as object, depth + 1]);
  }
  return false;
}

/** NUL bytes, or many replacement/control characters near the start, mean the file is not text. */
export function looksBinary(text: string): boolean {
  const head = text.slice(0, 8192);
  let suspicious = 0;
  for (let i = 0; i < head.length; i += 1) {
    const code = head.charCodeAt(i);
    if (code === 0) return true;
    if (code === 0xfffd || (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12)) suspicious += 1;
  }
  return suspicious > Math.max(2, head.length * 0.05);
}
