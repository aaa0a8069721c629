/**
 * Escapes text from imported data for Markdown: it is never markup. Backslash-escapes Markdown punctuation,
 * turns `<` and `>` into entities, and flattens newlines (so a table cell stays one cell).
 */
export function mdText(value: unknown): string {
  const s = value === undefined || value === null ? '' : String(value);
  return s
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Inline code for identifiers (SHAs, ids): backticks inside are replaced so the span cannot break. */
export function mdCode(value: unknown): string {
  const s = String(value ?? '')
    .replace(/`/g, "'")
    .replace(/\r?\n/g, ' ');
  return `\`${s}\``;
}

/** A Markdown table from a header and rows of already-escaped cells. */
export function mdTable(header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const line = (cells: ReadonlyArray<string>) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
