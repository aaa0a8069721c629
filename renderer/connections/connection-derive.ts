/**
 * The results of a case whose decisions are read where they live (a saved connection): the main process asks the
 * engine that holds the log (`connections:investigate`, the CLI's pushed investigation) with the case's other
 * evidence and the commit suspects' changed lines read so far. Where that engine cannot answer alone, the steps say
 * why instead of a result.
 */
import type { ChangedLines, ConnectionQuery } from '../../shared/ipc/connection-investigation-channels';
import type { EvidenceSet } from '../../shared/model/evidence-set';
import { decisionKey } from '../../shared/model/decision-key';
import type { Decision, EvidenceRecord } from '../../shared/model/records';
import type { AffectedSelection } from '../../shared/warehouse/affected-selection';
import { getApi } from '../api';
import { withViews, type DerivedResults } from '../stores/derive';
import type { DiffCache } from '../stores/suspect-diffs';
import type { StepId } from '../steps/step-ids';

export interface ConnectionDeriveRequest {
  readonly connection: { readonly id: string; readonly name: string };
  /** The case's evidence: its decisions are not sent (the connection holds them). */
  readonly evidence: EvidenceSet;
  readonly decision: Decision;
  readonly featureName: string;
  readonly onset?: string;
  readonly notifyThreshold?: number;
  readonly diffs?: DiffCache;
}

export interface ConnectionDerived {
  readonly results: DerivedResults;
  /** The decisions the case cites, read whole. */
  readonly cited: ReadonlyArray<Decision>;
  /** The queries the connection answered, each with its row count and rows' SHA-256. */
  readonly queries: ReadonlyArray<ConnectionQuery>;
  /** Which decisions the scope holds, as values (`connections:affected` pages them), when the engine answered. */
  readonly affected?: AffectedSelection;
}

const ANALYSED: ReadonlyArray<StepId> = ['scope', 'trace', 'changes', 'governance', 'remediate'];

/** Every record of the evidence but its decisions. */
export function otherRecords(set: EvidenceSet): EvidenceRecord[] {
  const records: EvidenceRecord[] = [];
  for (const [kind, list] of Object.entries(set))
    if (kind !== 'decisions') for (const r of list as ReadonlyArray<EvidenceRecord>) records.push(r);
  return records;
}

/** The diff cache's known texts as the channel carries them (`commit\0path` keys). */
function changedLines(diffs: DiffCache | undefined): ChangedLines[] | undefined {
  if (!diffs?.size) return undefined;
  return [...diffs].map(([key, lines]) => {
    const at = key.indexOf('\u0000');
    return { commit: key.slice(0, at), path: key.slice(at + 1), lines };
  });
}

/** The engine's results for the case's decision and feature, answered where the decision log lives. */
export async function deriveInConnection(r: ConnectionDeriveRequest): Promise<ConnectionDerived> {
  const diffs = changedLines(r.diffs);
  const answer = await getApi().invoke('connections:investigate', {
    id: r.connection.id,
    decisionId: r.decision.decisionId,
    model: r.decision.model.name,
    featureName: r.featureName,
    options: {
      ...(r.onset !== undefined && { onset: r.onset }),
      ...(r.notifyThreshold !== undefined && { notifyThreshold: r.notifyThreshold }),
    },
    evidence: otherRecords(r.evidence),
    ...(diffs && { diffs }),
  });
  const queries = answer.queries ?? [];
  if (answer.result) {
    const cited = answer.cited ?? [];
    return { results: withViews(answer.result), cited, queries, ...(answer.affected && { affected: answer.affected }) };
  }
  const why =
    `${r.connection.name} cannot answer this investigation alone: ${answer.refused ?? 'no reason given'}. ` +
    `To investigate it, import its decisions (Sources) and open a case on them.`;
  return { results: { errors: Object.fromEntries(ANALYSED.map((step) => [step, why])) }, cited: [], queries };
}

/**
 * The case's decision read in its connection, of `model` (the one the case recorded or the list row showed) when
 * known; throws with the connection's reason (not found, not a decision, an id several models hold and no model
 * given), or when the decision read there is of another model than `model`.
 */
export async function connectionDecision(
  connection: { readonly id: string; readonly name?: string },
  decisionId: string | undefined,
  model?: string,
): Promise<Decision | undefined> {
  if (decisionId === undefined) return undefined;
  const found = await getApi().invoke('connections:decision', {
    id: connection.id,
    decisionId,
    ...(model !== undefined && { model }),
  });
  if (!found.decision)
    throw new Error(found.reason ?? `${decisionId} cannot be read${connection.name ? ` in ${connection.name}` : ''}`);
  if (model !== undefined && found.decision.model.name !== model)
    throw new Error(
      `The case investigates decision ${decisionId} of model ${model}; ${connection.name ?? 'its connection'} ` +
        `answers that id with a decision of model ${found.decision.model.name}.`,
    );
  return found.decision;
}

/** `byKey` with `decisions` added (the cited decisions the steps look up by their key, decision-key.ts). */
export function withDecisions(
  byKey: ReadonlyMap<string, Decision>,
  decisions: ReadonlyArray<Decision>,
): Map<string, Decision> {
  const next = new Map(byKey);
  for (const d of decisions) {
    const key = decisionKey(d);
    if (!next.has(key)) next.set(key, d);
  }
  return next;
}
