import { visibleText } from '../model/visible-text';

/**
 * Escapes text from imported data for HTML: it is never markup. Every character with meaning in HTML text or
 * in a quoted attribute value becomes an entity; a bidirectional control is shown as `[U+XXXX]` (visible-text.ts).
 */
export function htmlText(value: unknown): string {
  const s = visibleText(value === undefined || value === null ? '' : String(value));
  return s.replace(/[&<>"'`]/g, (c) => ENTITIES[c] as string);
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** An element with escaped text content: `el('td', name)`. Attributes are fixed strings of the renderer. */
export function el(tag: string, text: unknown, attributes = ''): string {
  return `<${tag}${attributes ? ` ${attributes}` : ''}>${htmlText(text)}</${tag}>`;
}

/** An HTML table from a header and rows of already-escaped cells. */
export function htmlTable(header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string {
  if (rows.length === 0) return '<p class="none">None.</p>';
  const head = `<thead><tr>${header.map((h) => `<th>${htmlText(h)}</th>`).join('')}</tr></thead>`;
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table>${head}<tbody>\n${body}\n</tbody></table>`;
}

/** A run of characters without a space this long gets break opportunities after its separators. */
const LONG_RUN = 16;

/**
 * Escaped text whose long names and paths (`inference/nannyml/…_analysis.csv`, `data-platform:features.x`,
 * `sofia.lindqvist@acme-retail.example`) may wrap after a separator (`/ . _ : @ -`) instead of inside a word: a
 * `<wbr>` marks each place, so the text and its copy stay as they were. Words themselves never break, and a table
 * cell is never forced wider than the page by one long name.
 */
export function htmlBreakable(value: unknown): string {
  return htmlText(value).replace(/\S+/g, (run) =>
    run.length < LONG_RUN ? run : run.replace(/([/._:@-])(?=[^\s/._:@-])/g, '$1<wbr>'),
  );
}
