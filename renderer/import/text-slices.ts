/**
 * A decoded piece of a file cut into slices for the importer, so progress can be reported between slices: a whole
 * 4 MB piece of a single-line JSON document kept the progress bar still for up to 3 s (bench/single-line-import.ts).
 */

/** Characters handed to the importer at a time (about a tenth of a second of parsing in Chromium). */
export const IMPORTER_SLICE = 1 << 19;

/** One slice of a text and where it ends in it (a character offset). */
export interface TextSlice {
  readonly text: string;
  readonly end: number;
}

/** `text` in slices of `size` characters (one more where a slice would split a surrogate pair), in order. */
export function* textSlices(text: string, size: number = IMPORTER_SLICE): Generator<TextSlice> {
  if (text.length <= size) {
    if (text !== '') yield { text, end: text.length };
    return;
  }
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end += 1; // keep a high surrogate with its low one
    yield { text: text.slice(start, end), end };
    start = end;
  }
}

/** The byte count reached at a slice's end: the piece's bytes spread over its characters. */
export function bytesAtSlice(before: number, after: number, slice: TextSlice, length: number): number {
  return length === 0 ? after : before + Math.round(((after - before) * slice.end) / length);
}
