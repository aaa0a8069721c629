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
import { loadEvidence, type LoadedEvidence } from '../sources/load-evidence.js';
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
}

export interface LoadedSources extends LoadedEvidence {
  readonly inPlace: ReadonlyArray<ReadInPlace>;
}

/** Loads `specs` for investigating `decisionId`; a decision source that cannot be opened throws, naming it. */
export async function loadSources(
  specs: ReadonlyArray<string>,
  decisionId: string,
  options: { readonly git: GitRunner; readonly cacheDir: string; readonly mapping?: ImportMapping },
): Promise<LoadedSources> {
  const sources: DecisionSource[] = [];
  const files: string[] = [];
  try {
    for (const spec of specs) {
      const source = await openInPlace(spec, options.mapping);
      if (source) sources.push(source);
      else files.push(spec);
    }
  } catch (error) {
    for (const s of sources) await s.close();
    throw error;
  }
  const evidence = await loadEvidence(files, options).catch(async (error: unknown) => {
    for (const s of sources) await s.close();
    throw error;
  });
  if (sources.length === 0) return { ...evidence, inPlace: [] };
  const added: Decision[] = [];
  const inPlace: ReadInPlace[] = [];
  const names: Record<string, string> = {};
  try {
    for (const source of sources) {
      names[source.sourceId] = source.label;
      const found = await findDecision(source, decisionId);
      const model = found.decisions[0]?.model.name;
      const read = model === undefined ? undefined : await modelDecisions(source, model);
      // One by one: a model's decisions are too many to spread as arguments.
      for (const d of read?.decisions ?? []) added.push(d);
      inPlace.push({
        label: source.label,
        ...(source.suggested && { suggested: source.suggested }),
        ...(model !== undefined && { model }),
        decisions: read?.decisions.length ?? 0,
        rejections: [...found.rejections, ...(read?.rejections ?? [])],
      });
    }
  } finally {
    for (const s of sources) await s.close();
  }
  const records = [...evidence.loaded.flatMap((l) => l.result.records), ...added];
  return {
    ...evidence,
    set: toEvidenceSet(records),
    sourceNames: { ...evidence.sourceNames, ...names },
    inPlace,
  };
}
