/**
 * Marquez's own PostgreSQL, for teams that give read access to the database rather than the API: the OpenLineage
 * events of a time window from its `lineage_events` table (event_time, event JSONB, …), oldest first, read a page at
 * a time through the same read-only connection as a decision log (postgres-engine.ts). The URL names the table
 * with `?table=` when it is not `lineage_events`.
 */
import { openPostgres } from '../warehouse/postgres-engine.js';

/** Every event with event_time in [after, before), oldest first; `onPage` hears each page. Resolves with the count. */
export async function pullLineageFromDb(
  url: string,
  window: { readonly after?: string; readonly before?: string },
  onPage: (events: ReadonlyArray<Record<string, unknown>>) => void | Promise<void>,
  pageSize = 1000,
): Promise<number> {
  const at = new URL(url);
  if (!at.searchParams.has('table')) at.searchParams.set('table', 'lineage_events');
  const engine = await openPostgres(at.toString());
  try {
    let offset = 0;
    for (;;) {
      const rows = await engine.query({
        text:
          `SELECT CAST(event AS TEXT) AS event FROM ${engine.from} WHERE event_time >= CAST($1 AS TIMESTAMPTZ) ` +
          `AND event_time < CAST($2 AS TIMESTAMPTZ) ORDER BY event_time, CAST(event AS TEXT) LIMIT $3 OFFSET $4`,
        params: [window.after ?? '1970-01-01T00:00:00Z', window.before ?? '9999-12-31T00:00:00Z', pageSize, offset],
      });
      await onPage(rows.map((r) => JSON.parse(String(r.event)) as Record<string, unknown>));
      offset += rows.length;
      if (rows.length < pageSize) return offset;
    }
  } finally {
    await engine.close();
  }
}
