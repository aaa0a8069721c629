/**
 * How the report and the evidence bundle of a case on a saved connection cite its decisions: the report names the
 * connection's source id (the SHA-256 of its location, which the decisions' provenance holds) by its location, as
 * the CLI does, and anchors the query that read each cited decision there by its model and its id (its text and
 * parameters, row count and rows' SHA-256); the bundle carries no excerpt of the log but lists those queries
 * (`bundle:export`'s `connection`: the main process reads the decisions again by the same queries), for `verify` to
 * re-run.
 */
import { canonicalJson } from '../../shared/case/canonical-json';
import type { ConnectionQuery } from '../../shared/ipc/connection-investigation-channels';
import type { BundleExportRequest } from '../../shared/ipc/contract';
import type { QueryDigest } from '../../shared/report/report-anchors';
import { webSha256 } from '../case/web-sha256';
import type { CaseRecord } from '../db/lineage-db';

/** The connection's source id → its location, or nothing for a case on imported decisions. */
export async function connectionSourceName(caseRecord: CaseRecord): Promise<Record<string, string>> {
  const c = caseRecord.connection;
  return c ? { [await webSha256(c.location)]: c.location } : {};
}

/** The queries as the report anchors them (cited-queries.ts `queryDigests`, in the renderer). */
export async function connectionQueryDigests(
  caseRecord: CaseRecord,
  queries: ReadonlyArray<ConnectionQuery> = [],
): Promise<QueryDigest[]> {
  const c = caseRecord.connection;
  if (!c) return [];
  const source = await webSha256(c.location);
  return Promise.all(
    queries.map(async (q) => ({
      source,
      query: await webSha256(canonicalJson({ params: q.params, text: q.text })),
      rows: q.rows,
      sha256: q.sha256,
    })),
  );
}

/**
 * What `bundle:export` cites of the connection: the decisions those queries read, each by its model and its id (the
 * parameters of the query that reads a decision of a model: `[model, decision id]`).
 */
export function connectionCitation(
  caseRecord: CaseRecord,
  queries: ReadonlyArray<ConnectionQuery> = [],
): NonNullable<BundleExportRequest['connection']> | undefined {
  const c = caseRecord.connection;
  if (!c || queries.length === 0) return undefined;
  const decisions = queries.map((q, i) => {
    const [model, decisionId] = q.params;
    if (q.params.length !== 2 || model === undefined || decisionId === undefined)
      throw new Error(
        `${c.name}: cited query ${i + 1} has parameters ${JSON.stringify(q.params)}, not a model and a decision id.`,
      );
    return { model: String(model), decisionId: String(decisionId) };
  });
  return { id: c.id, decisions };
}
