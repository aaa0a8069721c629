/**
 * The one investigation `investigate` and `report` make of the sources they loaded: where the decision was found in
 * a decision log read in place, the engine that holds it answers (pushed-investigation.ts) and the result is that
 * engine call's; where it cannot, it says why on stderr and the model's decisions are read, for the caller's own
 * engine call over them.
 */
import type { EngineOptions, EngineResult } from '../../shared/analysis/engine.js';
import type { DiffOf, OnsetEstimate } from '../../shared/analysis/engine-types.js';
import type { Decision } from '../../shared/model/records.js';
import type { GitRunner } from '../services/git-runner.js';
import type { LoadedSources } from '../warehouse/load-sources.js';
import { pushedInvestigation } from '../warehouse/pushed-investigation.js';
import { resolveDecision } from './decision-args.js';
import { reportInPlace } from './in-place-report.js';
import type { CliIo } from './run-cli.js';
import { suspectDiffs } from './suspect-diffs.js';

export interface LoadedInvestigation {
  /** The evidence investigated: the loaded sources, or those with the model's decisions read. */
  readonly evidence: LoadedSources;
  readonly decision: Decision;
  readonly feature: string;
  readonly diffOf: DiffOf;
  /** The engine's result where the log's engine answered; else the caller runs the engine over `evidence.set`. */
  readonly pushed?: EngineResult;
}

/**
 * Resolves `--decision`/`--model`/`--feature` and investigates where the decision's log lives if it can; every source read in
 * place is closed after. Resolves with the exit code 2 where the decision or feature is unknown.
 */
export async function investigateLoaded(
  loaded: LoadedSources,
  decisionId: string,
  featureName: string | undefined,
  options: EngineOptions,
  git: GitRunner,
  io: CliIo,
  model?: string,
): Promise<LoadedInvestigation | number> {
  let evidence = loaded;
  const push = loaded.pushDown;
  if (push) {
    const chosen = resolveDecision(evidence.set, decisionId, featureName, io, model);
    if (typeof chosen === 'number') {
      await push.close();
      return chosen;
    }
    // The suspects' diffs are read once the engine found the onset: its look-back window names them.
    let diffOf: DiffOf = () => undefined;
    const diffsFor = async (onset: OnsetEstimate) =>
      (diffOf = await suspectDiffs(
        evidence.set,
        chosen.decision,
        chosen.feature,
        { ...options, estimated: { onset } },
        git,
        loaded.repositories,
      ));
    const pushed = await pushedInvestigation(push.source, evidence.set, chosen.decision, chosen.feature, {
      ...options,
      diffsFor,
    }).catch(async (error: unknown) => {
      await push.close();
      throw error;
    });
    if ('result' in pushed) {
      await push.close();
      reportInPlace(evidence.inPlace, io);
      return { evidence, ...chosen, diffOf, pushed: pushed.result };
    }
    io.err(`${push.source.label}: reading the model's decisions: ${pushed.refused}`);
    evidence = await push.materialize();
  }
  reportInPlace(evidence.inPlace, io);
  const chosen = resolveDecision(evidence.set, decisionId, featureName, io, model);
  if (typeof chosen === 'number') return chosen;
  const diffOf = await suspectDiffs(evidence.set, chosen.decision, chosen.feature, options, git, loaded.repositories);
  return { evidence, ...chosen, diffOf };
}
