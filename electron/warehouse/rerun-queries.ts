/**
 * `verify` re-runs the queries an evidence bundle cites of a decision log read in place (cited-queries.ts): it opens
 * the log where the bundle says it is — or where `--connection` says, for a PostgreSQL URL with the password the
 * bundle never holds, or a Parquet file moved elsewhere; PostgreSQL also reads `PGPASSWORD` or `~/.pgpass` — builds
 * each query again from the recorded column mapping and parameters, runs it only when it is the very text the bundle
 * records (a bundle cannot make `verify` run SQL of its own), and compares the row count and rows' SHA-256.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { SqlQuery } from '../../shared/warehouse/decision-sql.js';
import type { Discrepancy } from '../bundle/bagit-verify.js';
import { BUNDLE_PATHS } from '../bundle/bundle-layout.js';
import { readQueryListing } from '../bundle/query-listing.js';
import { digestRows, type CitedQuery, type WarehouseCitation } from './cited-queries.js';
import { isPostgresUrl, openDecisionSource, type DecisionSource } from './decision-source.js';
import { parsePostgresUrl } from './postgres-engine.js';

export type RerunOutcome =
  | { readonly kind: 'same'; readonly rows: number }
  | { readonly kind: 'differ'; readonly cited: number; readonly now: number; readonly sha256: string }
  | { readonly kind: 'not-reachable'; readonly reason: string }
  | { readonly kind: 'not-rerun'; readonly reason: string };

export interface Rerun {
  readonly location: string;
  /** Where it was re-run (a password-less URL or a path), when not where the bundle says. */
  readonly at?: string;
  readonly query?: CitedQuery;
  readonly index?: number;
  readonly outcome: RerunOutcome;
}

/** The query-cited sources the bundle's sources.json lists (the ones whose entry is whole). */
export async function citedQuerySources(bundle: string): Promise<WarehouseCitation[]> {
  const body = await readFile(join(bundle, BUNDLE_PATHS.sources), 'utf8').catch(() => '[]');
  let list: unknown;
  try {
    list = JSON.parse(body);
  } catch {
    return [];
  }
  const ignored: Discrepancy[] = [];
  return (Array.isArray(list) ? list : []).flatMap((entry: unknown, i) => {
    const e = (entry ?? {}) as Record<string, unknown>;
    const read =
      e.included === 'query' ? readQueryListing(e, `entry ${i + 1}`, BUNDLE_PATHS.sources, ignored) : undefined;
    return read ? [read] : [];
  });
}

const labelOf = (spec: string) => (isPostgresUrl(spec) ? safeLabel(spec) : resolve(spec));
const safeLabel = (spec: string) => {
  try {
    return parsePostgresUrl(spec).label;
  } catch {
    return spec.replace(/\/\/[^@/]*@/, '//');
  }
};

/** The spec to open for `c`: a connection naming the same place, else the only one of its kind, else its location. */
function chosenSpec(c: WarehouseCitation, all: ReadonlyArray<WarehouseCitation>, connections: ReadonlyArray<string>) {
  const postgres = c.engine === 'postgresql';
  const here = postgres ? c.location : resolve(c.location);
  const same = connections.find((s) => labelOf(s) === here);
  if (same) return same;
  const ofKind = connections.filter((s) => isPostgresUrl(s) === postgres);
  const citedOfKind = all.filter((x) => (x.engine === 'postgresql') === postgres);
  return ofKind.length === 1 && citedOfKind.length === 1 ? (ofKind[0] as string) : c.location;
}

/** The query the app builds for `q` over `source`, when the bundle's text is that query's (relation aside). */
function rebuilt(source: DecisionSource, c: WarehouseCitation, q: CitedQuery): SqlQuery | undefined {
  const [first, second] = q.params;
  if (first === undefined) return undefined;
  // The decision by its id, a model's decisions, and the decision by its model and its id (`--model`); each over the
  // rows as logged or each decision once (decision-source.ts): the log may repeat decisions now and not then.
  const candidates = [false, true].flatMap((once) => {
    const sql = source.sql.counting(once);
    return q.params.length === 1
      ? [sql.decision(String(first)), sql.modelDecisions(String(first))]
      : q.params.length === 2 && second !== undefined
        ? [sql.decisionOfModel(String(second), String(first))]
        : [];
  });
  return candidates.find(
    (built) =>
      built.text.split(source.engine.from).join(c.relation) === q.text &&
      JSON.stringify(built.params) === JSON.stringify(q.params),
  );
}

/** Re-runs every query the bundle cites; one outcome per query (or per source that cannot be opened). */
export async function rerunCitedQueries(bundle: string, connections: ReadonlyArray<string> = []): Promise<Rerun[]> {
  const cited = await citedQuerySources(bundle);
  const out: Rerun[] = [];
  for (const c of cited) {
    const spec = chosenSpec(c, cited, connections);
    const at =
      labelOf(spec) === (c.engine === 'postgresql' ? c.location : resolve(c.location)) ? {} : { at: labelOf(spec) };
    if (isPostgresUrl(spec) !== (c.engine === 'postgresql')) {
      out.push({
        location: c.location,
        ...at,
        outcome: { kind: 'not-rerun', reason: `${c.engine} is not what ${labelOf(spec)} is` },
      });
      continue;
    }
    let source: DecisionSource;
    try {
      source = await openDecisionSource(spec, c.mapping);
    } catch (error) {
      out.push({ location: c.location, ...at, outcome: { kind: 'not-reachable', reason: (error as Error).message } });
      continue;
    }
    try {
      for (const [index, q] of c.queries.entries()) {
        const query = rebuilt(source, c, q);
        if (!query) {
          const reason = 'not a query this version of the app builds from the recorded mapping and parameters';
          out.push({ location: c.location, ...at, query: q, index, outcome: { kind: 'not-rerun', reason } });
          continue;
        }
        try {
          const now = digestRows(await source.engine.query(query));
          const outcome: RerunOutcome =
            now.rows === q.rows && now.sha256 === q.sha256
              ? { kind: 'same', rows: now.rows }
              : { kind: 'differ', cited: q.rows, now: now.rows, sha256: now.sha256 };
          out.push({ location: c.location, ...at, query: q, index, outcome });
        } catch (error) {
          const reason = (error as Error).message;
          out.push({ location: c.location, ...at, query: q, index, outcome: { kind: 'not-reachable', reason } });
        }
      }
    } finally {
      await source.close();
    }
  }
  return out;
}

const rowCount = (n: number) => `${n.toLocaleString('en-US')} row${n === 1 ? '' : 's'}`;

/** The line `verify` prints for one outcome: "re-run: same rows", "re-run: rows differ (N vs M)", "not reachable…". */
export function rerunLine(r: Rerun): string {
  const what = r.query
    ? `${r.location}: query ${(r.index ?? 0) + 1} (parameters ${JSON.stringify(r.query.params)}, ${rowCount(r.query.rows)}, SHA-256 ${r.query.sha256})`
    : r.location;
  const where = r.at ? ` at ${r.at}` : '';
  const o = r.outcome;
  if (o.kind === 'same') return `re-run: same rows — ${what}${where}`;
  if (o.kind === 'differ')
    return `re-run: rows differ (${o.cited} vs ${o.now}) — ${what}${where}: the warehouse now returns ${rowCount(o.now)}, SHA-256 ${o.sha256}`;
  if (o.kind === 'not-reachable') return `not reachable: not re-run — ${what}${where}: ${o.reason}`;
  return `not re-run — ${what}${where}: ${o.reason}`;
}
