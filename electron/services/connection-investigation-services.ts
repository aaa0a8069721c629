/**
 * The handlers that investigate a decision where its log lives (shared/ipc/connection-investigation-channels.ts):
 * a saved connection is asked for one decision, a page of its decisions, or the investigation of one decision with
 * the case's other evidence — the CLI's own pushed investigation (pushed-investigation.ts), the engine that holds
 * the log answering every step that reads decisions. Each decision the investigation cites is read again by its model
 * and its id (two models' logs often number their decisions alike: decision-key.ts), the query `verify` re-runs,
 * returned with its row count and rows' SHA-256 for the report to anchor and the evidence bundle to cite. The renderer
 * sends values only; the SQL is built here.
 */
import type { DiffOf } from '../../shared/analysis/engine-types.js';
import type {
  ChangedLines,
  ConnectionInvestigationChannels,
} from '../../shared/ipc/connection-investigation-channels.js';
import { decisionKey } from '../../shared/model/decision-key.js';
import { toEvidenceSet } from '../../shared/model/evidence-set.js';
import { decisionPage, decisionTotal } from '../../shared/warehouse/decision-page-sql.js';
import type { BundleSource } from '../bundle/export-bundle.js';
import { citingEngine, type CitedQuery } from '../warehouse/cited-queries.js';
import { findDecision, modelsWithDecision, type DecisionSource } from '../warehouse/decision-source.js';
import type { OpenConnections } from '../warehouse/open-connections.js';
import { pushedInvestigation } from '../warehouse/pushed-investigation.js';
import { repeatedRows } from '../warehouse/repeated-rows.js';
import { numberOf } from '../warehouse/sql-engine.js';

/** A decision as a bundle cites it: by its model and its id. */
export interface CitedDecision {
  readonly model: string;
  readonly decisionId: string;
}

/**
 * The decisions of the connection as an evidence bundle cites them: each by the query that reads it there by its
 * model and its id (the one `verify` builds again), with its row count and rows' SHA-256.
 */
export async function citedDecisions(
  open: OpenConnections,
  id: string,
  decisions: ReadonlyArray<CitedDecision>,
): Promise<BundleSource> {
  const source = await open.source(id);
  const queries: CitedQuery[] = [];
  const engine = citingEngine(source.engine, queries);
  for (const d of decisions) await engine.query(source.sql.decisionOfModel(d.decisionId, d.model));
  return {
    name: await open.name(id),
    sha256: source.sourceId,
    records: decisions.length,
    warehouse: {
      engine: source.engine.dialect.name,
      location: source.label,
      relation: source.engine.from,
      mapping: source.table.mapping,
      queries,
    },
  };
}

/** Decisions per page of a connection's list. */
export const DECISION_PAGE_SIZE = 50;

/** One handler per channel (the contract's IpcHandlers, for these channels). */
export type ConnectionInvestigationHandlers = {
  readonly [K in keyof ConnectionInvestigationChannels]: (
    request: ConnectionInvestigationChannels[K]['request'],
  ) => Promise<ConnectionInvestigationChannels[K]['response']>;
};

/** The `diffOf` the engine's "touched field" term reads, over the changed lines the renderer read. */
function diffOfLines(diffs: ReadonlyArray<ChangedLines> | undefined): DiffOf | undefined {
  if (!diffs?.length) return undefined;
  const byKey = new Map(diffs.map((d) => [`${d.commit}\u0000${d.path}`, d.lines]));
  return (commit, path) => byKey.get(`${commit}\u0000${path}`) ?? undefined;
}

/**
 * The decision `decisionId` of the connection (of `model`, when given), or why there is none, naming the connection:
 * not found, not read as a decision, or — without a model — an id several models' rows hold (the models named, none
 * picked: decision-key.ts).
 */
async function decisionIn(source: DecisionSource, name: string, decisionId: string, model?: string) {
  const found = await findDecision(source, decisionId, model);
  const where = `${name} (${source.label})`;
  if (model === undefined && found.decisions.length + found.rejections.length > 1) {
    const models = await modelsWithDecision(source, decisionId);
    if (models.length > 1)
      return {
        reason:
          `Ambiguous decision: ${decisionId} is a decision of ${models.length} models in ${where} ` +
          `(${models.join(', ')}); say which model.`,
      };
  }
  const decision = found.decisions[0];
  if (decision) return { decision };
  const ofModel = model === undefined ? '' : ` of model ${model}`;
  const rejected = found.rejections[0];
  if (rejected)
    return { reason: `${decisionId}${ofModel} in ${where} does not read as a decision: ${rejected.reason}` };
  const models = model === undefined ? [] : await modelsWithDecision(source, decisionId);
  const elsewhere = models.length > 0 ? ` (it is a decision of ${models.join(', ')})` : '';
  return { reason: `${decisionId}${ofModel} is not found in ${where}${elsewhere}` };
}

/**
 * The connection's log, open, reading each decision once where rows of `model` now repeat one: a log kept open was
 * asked whether rows repeat a decision when it was opened, and a batch loaded twice since would be counted twice — so
 * a log read as it is is asked again of the model's rows before an investigation, and opened again if they repeat.
 */
async function countingSource(open: OpenConnections, id: string, model: string): Promise<DecisionSource> {
  const source = await open.source(id);
  if (source.sql.oncePerDecision) return source;
  if ((await repeatedRows(source, { by: 'model', model })).rows === 0) return source;
  await open.close(id);
  return open.source(id);
}

export function createConnectionInvestigationHandlers(open: OpenConnections): ConnectionInvestigationHandlers {
  return {
    async 'connections:decision'({ id, decisionId, model }) {
      return decisionIn(await open.source(id), await open.name(id), decisionId, model);
    },
    async 'connections:decisions'({ id, model, page }) {
      const source = await open.source(id);
      const limit = DECISION_PAGE_SIZE;
      const rows = await source.engine.query(decisionPage(source.sql, { model, limit, offset: page * limit }));
      const [total] = await source.engine.query(decisionTotal(source.sql, model));
      return {
        decisions: rows.map((r) => ({
          decisionId: String(r.decision_id),
          subjectId: r.subject_id == null ? null : String(r.subject_id),
          timestamp: new Date(numberOf(r.time_ms)).toISOString(),
          model: String(r.model),
          outcome: r.outcome == null ? null : String(r.outcome),
        })),
        total: numberOf(total?.decisions),
        pageSize: limit,
      };
    },
    async 'connections:investigate'({ id, decisionId, model, featureName, options, evidence, diffs }) {
      const name = await open.name(id);
      let source = await open.source(id);
      let found = await decisionIn(source, name, decisionId, model);
      if (!found.decision) throw new Error(found.reason);
      const counting = await countingSource(open, id, found.decision.model.name);
      if (counting !== source) {
        source = counting;
        found = await decisionIn(source, name, decisionId, found.decision.model.name);
        if (!found.decision) throw new Error(found.reason);
      }
      const decision = found.decision;
      if (!decision.features.some((f) => f.name === featureName))
        throw new Error(`${decisionId} has no feature ${featureName} in ${source.label}`);
      const set = toEvidenceSet([...evidence, decision]);
      const diffOf = diffOfLines(diffs);
      const pushed = await pushedInvestigation(source, set, decision, featureName, {
        ...options,
        ...(diffOf && { diffOf }),
      });
      if (!('result' in pushed)) return { refused: pushed.refused };
      const cited = new Map(
        pushed.cited.map((d) => [decisionKey(d), { model: d.model.name, decisionId: d.decisionId }]),
      );
      const queries = (await citedDecisions(open, id, [...cited.values()])).warehouse?.queries ?? [];
      return {
        result: pushed.result,
        cited: pushed.cited,
        queries,
        ...(pushed.affected && { affected: pushed.affected }),
      };
    },
  };
}
