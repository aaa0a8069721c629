/**
 * The handlers that page and export a connection case's affected decisions (shared/ipc/connection-affected-channels.ts):
 * the engine that holds the log pages them in SQL, each read whole through the connection's mapping, and the CSV is
 * written a chunk at a time — the columns of the imported case's export (shared/analysis/csv.ts) — so a million
 * affected decisions never sit in memory whole, neither here nor in the renderer (which keeps the chunks as Blobs).
 */
import { AFFECTED_DECISION_COLUMNS, affectedDecisionRow, toCsv } from '../../shared/analysis/csv.js';
import type { ConnectionAffectedChannels } from '../../shared/ipc/connection-affected-channels.js';
import type { Decision } from '../../shared/model/records.js';
import { affectedPageQuery, type AffectedSelection } from '../../shared/warehouse/affected-selection.js';
import { decisionsOf } from '../warehouse/decision-source.js';
import type { OpenConnections } from '../warehouse/open-connections.js';

/** Affected decisions per page of the Scope step's list. */
export const AFFECTED_PAGE_SIZE = 50;
/** Affected decisions per chunk of the CSV export. */
export const AFFECTED_CSV_CHUNK = 20_000;

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
      const csv = toCsv(offset === 0 ? [[...AFFECTED_DECISION_COLUMNS], ...lines] : lines);
      // No line at all (an empty chunk after the last) is no text, not a lone line end.
      return { csv: offset > 0 && lines.length === 0 ? '' : csv, rows, done: rows < chunk };
    },
  };
}
