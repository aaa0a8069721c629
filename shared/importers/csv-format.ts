/**
 * Recognizing CSV by its content (a header row and rows with as many fields — all but at most one of the first
 * rows —, cut by a comma, semicolon or tab)
 * and showing a table's first rows — of a CSV, or of JSON records whose fields the detector does not know — for
 * the mapping dialog. Parsing is papaparse's, over strings only (shared/ stays pure).
 */
import Papa from 'papaparse';
import { looksBinary } from './json-input';
import { headItems, jsonTableOf, recordCells, recordColumns, type JsonTableFormat } from './json-table';

export const CSV_DELIMITERS = [',', ';', '\t'];
const PREVIEW_ROWS = 5;
/** A line's end: LF, CRLF or a bare CR (old Mac files). */
const LINE_BREAK = /\r\n?|\n/;

/** How a CSV is cut: its delimiter and line break, and its header row. */
export interface CsvDialect {
  readonly delimiter: string;
  readonly newline: '\n' | '\r\n' | '\r';
  readonly headers: ReadonlyArray<string>;
}

/** The first rows of a table, as the mapping dialog shows them. */
export interface TablePreview {
  readonly format: 'csv' | JsonTableFormat;
  readonly headers: ReadonlyArray<string>;
  /** Up to five rows, each cell by header. */
  readonly rows: ReadonlyArray<Readonly<Record<string, string>>>;
}

/** A control character no text row holds (tab, line ends and form feed aside). */
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f]/;

/** The first control character in `text` (a NUL, say) as `U+0000`, or undefined. */
export function controlCharacterIn(text: string): string | undefined {
  const found = CONTROL.exec(text);
  return found ? `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

/**
 * Binary data rather than a CSV with a damaged row or two: a control character in its header row or in more than one
 * row in twenty, or data that looks binary once those rows are set aside. Such a row is rejected with its line by
 * the importer (csv-importer.ts), never the whole file dropped as binary.
 */
function looksBinaryTable(text: string): boolean {
  const lines = text.slice(0, 8192).split(LINE_BREAK);
  const damaged = lines.filter((line) => CONTROL.test(line)).length;
  if (damaged === 0) return looksBinary(text);
  const header = lines.find((line) => line.trim() !== '') ?? '';
  if (CONTROL.test(header) || damaged > Math.max(1, lines.length / 20)) return true;
  return looksBinary(lines.filter((line) => !CONTROL.test(line)).join('\n'));
}

/** The dialect of a CSV from its first characters, or undefined when they do not look like a CSV. */
export function sniffCsv(head: string): CsvDialect | undefined {
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  const start = text.trimStart()[0];
  if (start === undefined || start === '{' || start === '[' || looksBinaryTable(text)) return undefined;
  // Whole rows only: the head may end inside one.
  const cut = text.length >= 65536 ? text.slice(0, Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1) : text;
  // Rows cut at every line end (a file may mix them); its own line break is the first one it has.
  const parsed = Papa.parse<string[]>(cut.replace(/\r\n?/g, '\n'), {
    preview: PREVIEW_ROWS + 1,
    delimitersToGuess: CSV_DELIMITERS,
    skipEmptyLines: true,
  });
  const [headers, ...rows] = parsed.data;
  const { delimiter } = parsed.meta;
  if (!headers || !CSV_DELIMITERS.includes(delimiter) || headers.length < 2) return undefined;
  const names = headers.map((h) => h.trim());
  if (names.some((h) => h === '' || h.length > 100) || new Set(names).size !== names.length) return undefined;
  // One ragged row among the first is a CSV with a row to reject (csv-importer.ts), not "not a CSV".
  const ragged = rows.filter((row) => row.length !== headers.length).length;
  if (ragged > 1 || (ragged === 1 && rows.length - ragged < 1)) return undefined;
  if (parsed.errors.some((e) => e.type === 'Quotes')) return undefined;
  const newline = (LINE_BREAK.exec(text)?.[0] ?? '\n') as CsvDialect['newline'];
  return { delimiter, newline, headers: names };
}

/**
 * The headers and first rows of a CSV or of JSON records (json-table.ts: an array, JSON lines or one flat object;
 * nested objects' fields as dotted columns), or undefined for anything else.
 */
export function previewTable(head: string): TablePreview | undefined {
  const dialect = sniffCsv(head);
  if (dialect) {
    // Rows cut at every line end, as sniffCsv and the importer cut them (a file may mix LF, CRLF and a bare CR).
    const parsed = Papa.parse<string[]>(head.replace(/\r\n?/g, '\n'), {
      delimiter: dialect.delimiter,
      newline: '\n',
      preview: PREVIEW_ROWS + 1,
      skipEmptyLines: true,
    });
    const rows = parsed.data
      .slice(1)
      .map((row) => Object.fromEntries(dialect.headers.map((h, i) => [h, row[i] ?? ''])));
    return { format: 'csv', headers: dialect.headers, rows };
  }
  const table = jsonTableOf(headItems(head, PREVIEW_ROWS));
  if (!table) return undefined;
  const cells = table.records.map(recordCells);
  const headers = recordColumns(table.records);
  const cell = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));
  const rows = cells.map((c) => Object.fromEntries(headers.map((h) => [h, cell(c[h])])));
  return { format: table.format, headers, rows };
}
