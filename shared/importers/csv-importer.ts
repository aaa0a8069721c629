/**
 * The streaming CSV importer. With a column mapping, each row becomes a record of the mapping's kind through
 * that kind's own validator (so a rejection names the file, the row's line and the field with its column); without
 * one, a table whose header is an identity graph's (identity-graph-importer.ts) is read as one, and any other file is
 * reported as needing a column mapping — nothing is dropped silently. Text is cut into whole
 * rows (quote-aware) as it is pushed, and each batch of rows is parsed by papaparse.
 */
import Papa from 'papaparse';
import type { EvidenceRecord } from '../model/records';
import { checkMapping, explainReason } from './column-mapping';
import { controlCharacterIn, sniffCsv, type CsvDialect } from './csv-format';
import { identityGraphShape, mapIdentityGraphRow } from './identity-graph-importer';
import { ImportSink } from './import-sink';
import { applyMapping } from './mapping';
import { RECORD_MAPPERS } from './record-kinds';
import { IMPORTER_VERSION } from './record-runner';
import { dbtSeedReason, tableNotEvidence } from './record-table';
import { MAX_LISTED, type ImportSource, type StartOptions, type StreamingImport } from './streaming';
import { needsMapping, tableWhat } from './needs-mapping';

/** True when `head` looks like a CSV (the streaming importer routes it here). */
export const isCsvHead = (head: string): boolean => sniffCsv(head) !== undefined;

/** An incremental importer of one CSV file. */
export function createCsvImport(head: string, source: ImportSource, options: StartOptions): StreamingImport {
  const dialect = sniffCsv(head) as CsvDialect;
  const sink = new ImportSink(source.name, MAX_LISTED);
  const mapping = options.mapping;
  const problems = mapping ? checkMapping(mapping, dialect.headers) : [];
  const mapper = mapping && problems.length === 0 ? RECORD_MAPPERS[mapping.kind] : undefined;
  /** Told by its header, an identity graph needs no mapping. */
  const identityGraph = !mapping && identityGraphShape(dialect.headers) !== undefined;
  /** Each row as a record of the mapping's kind, or of an identity graph; undefined while nothing can be read. */
  const mapRow = identityGraph
    ? (cells: ReadonlyArray<string>, line: number) =>
        mapIdentityGraphRow(Object.fromEntries(dialect.headers.map((h, i) => [h, cells[i] ?? ''])), {
          sourceId: source.id,
          line,
        })
    : mapper && mapping
      ? (cells: ReadonlyArray<string>, line: number) =>
          mapper.map(typedCells(applyMapping(byHeader(dialect.headers, cells), mapping)), { sourceId: source.id, line })
      : undefined;
  const explain = (text: string) => (mapping ? explainReason(text, mapping) : text);
  const rows = new RowCutter();
  let dataRows = 0;
  /** The first rows by header, to tell a table that cannot be evidence (record-table.ts). */
  const firstRows: Array<Record<string, string>> = [];

  const row = (cells: ReadonlyArray<string>, line: number) => {
    if (line === 1) return; // the header row
    if (cells.length === 1 && cells[0] === '') return;
    dataRows += 1;
    if (!mapRow) {
      if (firstRows.length < 20) firstRows.push(byHeader(dialect.headers, cells));
      return;
    }
    if (cells.length !== dialect.headers.length) {
      return sink.reject({ line }, `the row has ${cells.length} fields, the header has ${dialect.headers.length}`);
    }
    const control = controlCharacterIn(cells.join(''));
    if (control) return sink.reject({ line }, `a control character (${control}) in the row, not text: not read`);
    const outcome = mapRow(cells, line);
    for (const message of outcome.warnings ?? []) sink.warn({ line }, explain(message));
    if ('record' in outcome) sink.record(outcome.record as EvidenceRecord);
    else if ('reason' in outcome) sink.reject({ line }, explain(outcome.reason));
  };

  const parse = (block: string, lines: ReadonlyArray<number>) => {
    const parsed = Papa.parse<string[]>(block, { delimiter: dialect.delimiter, newline: dialect.newline });
    parsed.data.forEach((cells, i) => row(cells, lines[i] ?? lines[lines.length - 1] ?? 1));
  };

  return {
    push(chunk) {
      const cut = rows.push(chunk, dialect.newline);
      if (cut) parse(cut.block, cut.lines);
    },
    take: () => sink.take(),
    end() {
      const last = rows.end();
      if (!last?.unterminated && last) parse(last.block, last.lines);
      const skipped =
        mapping || identityGraph
          ? undefined
          : (dbtSeedReason(source.name, source.dbtSeedOf) ??
            tableNotEvidence(tableWhat('csv', dialect.headers, dataRows), dialect.headers, firstRows));
      if (skipped !== undefined) return skippedCsv(skipped);
      if (last?.unterminated) sink.reject({ line: last.lines[0] ?? 1 }, 'a quoted field is not closed before the end');
      const unmapped = mapping || identityGraph ? undefined : needsMapping('csv', dialect.headers, dataRows);
      if (unmapped) sink.reject({ line: 1 }, unmapped.reason);
      else if (problems.length > 0) {
        sink.reject({ line: 1 }, `the column mapping does not fit this file (${problems.join('; ')}); no row imported`);
      }
      return {
        importer: 'csv',
        importerVersion: IMPORTER_VERSION,
        detected: identityGraph ? 'identity-graph' : mapping && problems.length === 0 ? mapping.kind : 'csv',
        counts: { ...sink.counts },
        rejections: sink.rejections,
        rejectedCount: sink.rejectedCount,
        warnings: sink.warnings,
        warningCount: sink.warningCount,
        ...sink.groups(),
        ...(unmapped && { needsMapping: unmapped }),
      };
    },
  };
}

/** A CSV that cannot be evidence: nothing read, nothing rejected, the reason it was skipped. */
function skippedCsv(reason: string) {
  return {
    importer: 'csv',
    importerVersion: IMPORTER_VERSION,
    detected: 'csv',
    counts: {},
    rejections: [],
    rejectedCount: 0,
    warnings: [],
    warningCount: 0,
    skipped: reason,
  };
}

function byHeader(headers: ReadonlyArray<string>, cells: ReadonlyArray<string>): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((h, i) => {
    const cell = cells[i];
    if (cell !== undefined && cell !== '') out[h] = cell;
  });
  return out;
}

const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const typed = (v: unknown): unknown =>
  typeof v !== 'string' ? v : NUMBER.test(v.trim()) ? Number(v) : v === 'true' ? true : v === 'false' ? false : v;

/** CSV cells are text: a decision's feature values and outputs are read as numbers or booleans where they are. */
function typedCells(value: Record<string, unknown>): Record<string, unknown> {
  if (Array.isArray(value.features)) {
    value.features = value.features.map((f: Record<string, unknown>) => ({ ...f, value: typed(f.value) }));
  }
  const output = value.output;
  if (output && typeof output === 'object' && !Array.isArray(output)) {
    value.output = Object.fromEntries(Object.entries(output).map(([k, v]) => [k, typed(v)]));
  }
  return value;
}

/**
 * Cuts pushed text into whole CSV records (a line break inside quotes does not end one), with their lines: LF, CRLF
 * and a bare CR each end a line. A record ended otherwise than by the dialect's line break is handed on ended by it
 * (papaparse cuts the block by that one).
 */
class RowCutter {
  private rest = '';
  private scanned = 0;
  private inQuotes = false;
  private newlines = 0;
  /** The line each record not yet handed out starts on. */
  private starts: number[] = [1];

  push(chunk: string, newline: string): { block: string; lines: number[] } | undefined {
    this.rest += chunk;
    /** Where each record of the block ends and the next starts (the last one ends the block). */
    const ends: number[] = [];
    let i = this.scanned;
    for (; i < this.rest.length; i += 1) {
      const c = this.rest.charCodeAt(i);
      if (c === 34) this.inQuotes = !this.inQuotes;
      else if (c === 10 || c === 13) {
        // A CR that ends the text may be the first half of a CRLF: looked at again with the next chunk.
        if (c === 13 && i + 1 === this.rest.length) break;
        const end = i;
        if (c === 13 && this.rest.charCodeAt(i + 1) === 10) i += 1;
        this.newlines += 1;
        if (!this.inQuotes) {
          ends.push(end, i + 1);
          this.starts.push(this.newlines + 1);
        }
      }
    }
    this.scanned = i;
    if (ends.length === 0) return undefined;
    const next = ends.pop() as number;
    const cut = ends.pop() as number;
    const block = joinedBy(this.rest, ends, cut, newline);
    this.rest = this.rest.slice(next);
    this.scanned -= next;
    return { block, lines: this.starts.splice(0, ends.length / 2 + 1) };
  }

  end(): { block: string; lines: number[]; unterminated: boolean } | undefined {
    const block = this.rest.replace(/(\r\n?|\n)$/, '');
    this.rest = '';
    if (block === '') return undefined;
    return { block, lines: this.starts.splice(0), unterminated: this.inQuotes };
  }
}

/** `text` up to `cut` with the line breaks at `ends` (pairs of where each ends a record and the next starts) as `newline`. */
function joinedBy(text: string, ends: ReadonlyArray<number>, cut: number, newline: string): string {
  const odd = ends.some(
    (end, k) => k % 2 === 0 && (ends[k + 1] !== end + newline.length || text.charCodeAt(end) !== newline.charCodeAt(0)),
  );
  if (!odd) return text.slice(0, cut);
  let out = '';
  let from = 0;
  for (let k = 0; k < ends.length; k += 2) {
    out += text.slice(from, ends[k]) + newline;
    from = ends[k + 1] as number;
  }
  return out + text.slice(from, cut);
}
