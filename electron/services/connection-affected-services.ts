/**
 * The handlers that page and export a connection case's affected decisions (shared/ipc/connection-affected-channels.ts):
 * the engine that holds the log pages them in SQL, each read whole through the connection's mapping, and the CSV is
 * written a chunk at a time — the columns of the imported case's export (shared/analysis/csv.ts) — so a million
 * affected decisions never sit in memory whole, neither here nor in the renderer (which keeps the chunks as Blobs).
 * The affected subjects are grouped by the engine (one row per subject, its count, first and last time) and written
 * the same way, a chunk of subjects at a time.
 */
import {
  AFFECTED_DECISION_COLUMNS,
  AFFECTED_SUBJECT_COLUMNS,
  affectedDecisionRow,
  toCsv,
} from '../../shared/analysis/csv.js';
import type { ConnectionAffectedChannels } from '../../shared/ipc/connection-affected-channels.js';
import type { Decision } from '../../shared/model/records.js';
import {
  affectedPageQuery,
  affectedSubjectsQuery,
  type AffectedSelection,
} from '../../shared/warehouse/affected-selection.js';
import { decisionsOf } from '../warehouse/decision-source.js';
import { numberOf } from '../warehouse/sql-engine.js';
import type { OpenConnections } from '../warehouse/open-connections.js';

/** Affected decisions per page of the Scope step's list. */
export const AFFECTED_PAGE_SIZE = 50;
/** Affected decisions (or subjects) per chunk of the CSV exports. */
export const AFFECTED_CSV_CHUNK = 20_000;

/** A time the engine gave as epoch ms, as the decision's timestamp reads (RFC 3339 UTC with milliseconds). */
const instant = (ms: unknown): string => new Date(numberOf(ms)).toISOString();

/** Rows to a chunk of CSV: the header first (at offset 0); no line at all (a chunk after the last) is no text. */
function csvChunk(columns: ReadonlyArray<string>, lines: unknown[][], offset: number): string {
  if (offset > 0) return lines.length === 0 ? '' : toCsv(lines);
  return toCsv([[...columns], ...lines]);
}

export type ConnectionAffectedHandlers = {
  readonly [K in keyof ConnectionAffectedChannels]: (
    request: ConnectionAffectedChannels[K]['request'],
  ) => Promise<ConnectionAffectedChannels[K]['response']>;
};

/** `limit` selected decisions of the connection `id` from `offset`, and how many rows the engine returned. */
async function affectedRows(
  open: OpenConnections,
  id: string,
  selection: AffectedSelection,
  page: { readonly limit: number; readonly offset: number },
): Promise<{ readonly decisions: Decision[]; readonly rows: number }> {
  const source = await open.source(id);
  const rows = await source.engine.query(affectedPageQuery(source.sql, selection, page));
  return { decisions: decisionsOf(source, rows).decisions, rows: rows.length };
}

export function createConnectionAffectedHandlers(
  open: OpenConnections,
  chunk = AFFECTED_CSV_CHUNK,
): ConnectionAffectedHandlers {
  return {
    async 'connections:affected'({ id, selection, page }) {
      const limit = AFFECTED_PAGE_SIZE;
      const { decisions } = await affectedRows(open, id, selection, { limit, offset: page * limit });
      return { decisions, pageSize: limit };
    },
    async 'connections:affectedCsv'({ id, selection, featureName, offset }) {
      const { decisions, rows } = await affectedRows(open, id, selection, { limit: chunk, offset });
      const lines = decisions.map((d) => affectedDecisionRow(d, featureName));
      return { csv: csvChunk(AFFECTED_DECISION_COLUMNS, lines, offset), rows, done: rows < chunk };
    },
    async 'connections:affectedSubjectsCsv'({ id, selection, offset }) {
      const source = await open.source(id);
      const rows = await source.engine.query(affectedSubjectsQuery(source.sql, selection, { limit: chunk, offset }));
      const lines = rows.map((r) => [
        String(r.subject_id),
        numberOf(r.decisions),
        instant(r.first_ms),
        instant(r.last_ms),
      ]);
      return { csv: csvChunk(AFFECTED_SUBJECT_COLUMNS, lines, offset), rows: rows.length, done: rows.length < chunk };
    },
  };
}
