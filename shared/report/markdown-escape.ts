import { visibleText } from '../model/visible-text';

/**
 * Escapes text from imported data for Markdown: it is never markup, a link or an image, in CommonMark, GitHub's
 * Markdown or markdown-it with raw HTML and linkify on. Backslash-escapes Markdown punctuation and what makes a link
 * of bare text (`/` of a scheme's `://`, `.` of a domain, `@` of an e-mail address or a mention), turns `&`, `<` and `>`
 * into entities (no raw HTML, autolink or character reference), and flattens line breaks (a table cell stays one
 * cell). In a table, a `|` inside a code span is escaped too (`mdTable`): GFM splits cells before code spans.
 * A bidirectional control is shown as `[U+XXXX]` (visible-text.ts), in text and in code spans.
 */
export function mdText(value: unknown): string {
  const s = visibleText(value === undefined || value === null ? '' : String(value));
  return s
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_{}[\]()#+!|~./@]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Inline code for identifiers (SHAs, ids): backticks inside are replaced so the span cannot break. */
export function mdCode(value: unknown): string {
  const s = visibleText(String(value ?? ''))
    .replace(/`/g, "'")
    .replace(/\r\n?|\n/g, ' ');
  return `\`${s}\``;
}

/** A pipe not escaped by a backslash (preceded by an even number of them). */
const BARE_PIPE = /(?<!\\)((?:\\\\)*)\|/g;

/**
 * A Markdown table from a header and rows of already-escaped cells. A pipe left bare in a cell (inside a code span)
 * is escaped, so it cannot split the cell.
 */
export function mdTable(header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const line = (cells: ReadonlyArray<string>) => `| ${cells.map((c) => c.replace(BARE_PIPE, '$1\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
