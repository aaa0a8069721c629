/**
 * Sources of a command that investigates one decision: files, folders and repositories are imported as always
 * (load-evidence.ts); decision logs read in place (Parquet, PostgreSQL — decision-source.ts) are asked for the
 * decision by its id, then for the decisions of its model only, which the engine reads beside the imported evidence.
 * Nothing of them is written anywhere; each source is closed after.
 */
import type { ImportMapping } from '../../shared/importers/mapping.js';
import { toEvidenceSet } from '../../shared/model/evidence-set.js';
import type { Decision } from '../../shared/model/records.js';
import type { GitRunner } from '../services/git-runner.js';
import { citingEngine, type CitedQuery, type WarehouseCitation } from './cited-queries.js';
import { loadEvidence, type LoadedEvidence } from '../sources/load-evidence.js';
import type { ReadProgress } from '../sources/decode-stream.js';
import type { DuplicateInput } from '../sources/list-inputs.js';
import type { RepeatedRows } from '../../shared/warehouse/repeated-decisions.js';
import {
  findDecision,
  modelDecisions,
  openInPlace,
  type DecisionSource,
  type RowRejection,
} from './decision-source.js';

export interface ReadInPlace {
  readonly label: string;
  /** "decision ← …" when the mapping was suggested from the columns. */
  readonly suggested?: string;
  /** The model whose decisions were read, and how many; none when the decision is not in this source. */
  readonly model?: string;
  readonly decisions: number;
  readonly rejections: ReadonlyArray<RowRejection>;
  /** The folder's files not read because each repeats the bytes of one that is, with the file it repeats. */
  readonly copies?: ReadonlyArray<DuplicateInput>;
  /** Rows repeating a decision already logged (each decision read once), where any do. */
  readonly repeated?: RepeatedRows;
  /** With `cite`: the queries the decisions came from, each with its row count and rows' SHA-256. */
  readonly citation?: WarehouseCitation;
}

export interface LoadedSources extends LoadedEvidence {
  readonly inPlace: ReadonlyArray<ReadInPlace>;
  /**
   * With `pushDown`, where the investigated decision was found in a source read in place and no other decision is
   * imported: that source, still open, and the set holding that decision only. `materialize` reads the model's
   * decisions as without `pushDown` (for the steps the engine cannot answer) and closes the source; `close` only
   * closes it.
   */
  readonly pushDown?: {
    readonly source: DecisionSource;
    materialize(): Promise<LoadedSources>;
    close(): Promise<void>;
  };
}

/**
 * Loads `specs` for investigating `decisionId`; a decision source that cannot be opened throws, naming it. With
 * `pushDown`, a lone source read in place is left open for the caller to ask (see `pushDown` above).
 */
export async function loadSources(
  specs: ReadonlyArray<string>,
  decisionId: string,
  options: {
    readonly git: GitRunner;
    readonly cacheDir: string;
    readonly mapping?: ImportMapping;
    readonly pushDown?: boolean;
    /** The decision's model (`--model`): where two models' rows hold the id, the row of that model is read. */
    readonly model?: string;
    /** Record every query asked of a source read in place, with its rows' digest (for an evidence bundle). */
    readonly cite?: boolean;
    /** Told the bytes read of each file imported (not of a decision log read in place). */
    readonly onProgress?: (progress: ReadProgress) => void;
  },
): Promise<LoadedSources> {
  const sources: DecisionSource[] = [];
  const cited = new Map<DecisionSource, CitedQuery[]>();
  const citation = (s: DecisionSource) => {
    const queries = cited.get(s);
    return queries
      ? {
          citation: {
            engine: s.engine.dialect.name,
            location: s.label,
            relation: s.engine.from,
            mapping: s.table.mapping,
            queries,
          },
        }
      : {};
  };
  const files: string[] = [];
  const closeAll = async () => {
    for (const s of sources) await s.close();
  };
  try {
    for (const spec of specs) {
      const opened = await openInPlace(spec, options.mapping);
      if (!opened) {
        files.push(spec);
        continue;
      }
      const queries: CitedQuery[] = [];
      const source = options.cite ? { ...opened, engine: citingEngine(opened.engine, queries) } : opened;
      if (options.cite) cited.set(source, queries);
      sources.push(source);
    }
  } catch (error) {
    await closeAll();
    throw error;
  }
  const evidence = await loadEvidence(files, options).catch(async (error: unknown) => {
    await closeAll();
    throw error;
  });
  if (sources.length === 0) return { ...evidence, inPlace: [] };
  const names: Record<string, string> = {};
  for (const source of sources) names[source.sourceId] = source.label;
  const imported = evidence.loaded.flatMap((l) => l.result.records);
  const sourceNames = { ...evidence.sourceNames, ...names };
  let found: Array<Awaited<ReturnType<typeof findDecision>>>;
  try {
    found = [];
    for (const source of sources) found.push(await findDecision(source, decisionId, options.model));
  } catch (error) {
    await closeAll();
    throw error;
  }
  const materialize = async (): Promise<LoadedSources> => {
    const added: Decision[] = [];
    const inPlace: ReadInPlace[] = [];
    try {
      for (const [i, source] of sources.entries()) {
        // The decision's model: where the id is several models' and none was named, their rows alone, for the
        // caller to name the models (decision-args.ts) rather than read one model's decisions at random.
        const models = [...new Set(found[i]?.decisions.map((d) => d.model.name))];
        const model = models.length === 1 ? models[0] : undefined;
        const read = model === undefined ? undefined : await modelDecisions(source, model);
        if (models.length > 1) for (const d of found[i]?.decisions ?? []) added.push(d);
        // One by one: a model's decisions are too many to spread as arguments.
        for (const d of read?.decisions ?? []) added.push(d);
        inPlace.push({
          label: source.label,
          ...(source.suggested && { suggested: source.suggested }),
          ...(source.copies.length > 0 && { copies: source.copies }),
          ...(source.repeated.rows > 0 && { repeated: source.repeated }),
          ...(model !== undefined && { model }),
          decisions: read?.decisions.length ?? 0,
          rejections: [...(found[i]?.rejections ?? []), ...(read?.rejections ?? [])],
          ...citation(source),
        });
      }
    } finally {
      await closeAll();
    }
    return { ...evidence, set: toEvidenceSet([...imported, ...added]), sourceNames, inPlace };
  };
  const holding = found.filter((f) => f.decisions.length > 0);
  const at = found.findIndex((f) => f.decisions.length > 0);
  const source = sources[at];
  if (!options.pushDown || !source || holding.length !== 1 || imported.some((r) => r.kind === 'decision'))
    return materialize();
  const decisions = found[at]?.decisions ?? [];
  return {
    ...evidence,
    set: toEvidenceSet([...imported, ...decisions]),
    sourceNames,
    inPlace: sources.map((s, i) => ({
      label: s.label,
      ...(s.suggested && { suggested: s.suggested }),
      ...(s.copies.length > 0 && { copies: s.copies }),
      ...(s.repeated.rows > 0 && { repeated: s.repeated }),
      ...(i === at && { model: decisions[0]?.model.name }),
      decisions: i === at ? decisions.length : 0,
      rejections: found[i]?.rejections ?? [],
      ...citation(s),
    })),
    pushDown: { source, materialize, close: closeAll },
  };
}
