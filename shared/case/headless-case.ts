/**
 * A case opened and walked without a person at the keyboard (the CLI, automation): opened on the decision,
 * each step marked completed as the engine finishes it — Document only once a root cause is confirmed — every action
 * in the hash-chained activity log.
 */
import { recordAction } from './case-actions';
import type { CaseRecord, CaseSeverity, Sha256 } from './case-types';
import type { Investigation } from './investigation';

export interface HeadlessCaseOptions {
  readonly id: string;
  readonly title?: string;
  readonly severity?: CaseSeverity;
  readonly owner: string;
  readonly actor: string;
  /** Now, as RFC 3339: every action is stamped with it. */
  readonly time: string;
  /** A root-cause statement to confirm, naming the top-ranked change (automation that already knows the cause). */
  readonly rootCause?: string;
}

/** Opens a case on the investigation's decision and records the engine's steps as completed. */
export async function headlessCase(
  inv: Investigation,
  options: HeadlessCaseOptions,
  sha256: Sha256,
): Promise<CaseRecord> {
  const d = inv.decision;
  const at = { time: options.time, actor: options.actor };
  let r = await recordAction(
    undefined,
    {
      ...at,
      action: 'case.opened',
      payload: {
        id: options.id,
        title: options.title ?? `Decision ${d.decisionId} of ${d.model.name}: ${inv.featureName}`,
        severity: options.severity ?? 'medium',
        owner: options.owner,
        decisionIds: [d.decisionId],
        decisionModel: d.model.name,
        featureName: inv.featureName,
      },
    },
    sha256,
  );
  for (const step of ['identify', 'scope', 'trace', 'changes', 'governance', 'remediate'] as const)
    r = await recordAction(r, { ...at, action: 'step.completed', payload: { step } }, sha256);
  const top = inv.changes.changes[0];
  if (!options.rootCause || !top) return r;
  // Documenting is done when a root cause is confirmed: without one the report would say 'Document: completed'
  // beside 'Root cause: not yet confirmed'.
  r = await recordAction(
    r,
    { ...at, action: 'root-cause.confirmed', payload: { statement: options.rootCause, changeIds: [top.id] } },
    sha256,
  );
  return recordAction(r, { ...at, action: 'step.completed', payload: { step: 'document' } }, sha256);
}
