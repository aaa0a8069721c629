/**
 * "Open a case" on a Monitor alert: a new case at the alert's representative decision (the first decision of the
 * shift with its outcome), its onset preset to that decision's time (as `watch` suggests), and the alert and the onset
 * recorded in the case's activity chain.
 */
import { currentActor, selectReviewerName, useReviewer } from '../case/reviewer-store';
import { createCase, recordCaseAction } from '../db/case-log';
import { db } from '../db/instance';
import { useCases } from '../stores/cases-store';
import type { MonitorAlert } from './monitor-view';

export const alertTitle = (a: MonitorAlert) =>
  `${a.model}${a.version ? ` ${a.version}` : ''}: “${a.outcome}” rate up from ${a.start.slice(0, 10)}`;

/** `sourceIds`: the sources the Monitor read, so the case has the decision and the evidence around it. */
export async function openAlertCase(alert: MonitorAlert, sourceIds: ReadonlyArray<string>): Promise<string> {
  const decision = alert.representative;
  if (!decision) throw new Error(`No decision with outcome ${alert.outcome} since ${alert.start}.`);
  const id = `case-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const owner = selectReviewerName(useReviewer.getState()) || 'unassigned';
  const actor = currentActor();
  await createCase(db, {
    id,
    title: alertTitle(alert),
    description: `Opened from the Monitor: an upward shift of the “${alert.outcome}” rate from ${alert.start}.`,
    sourceIds,
    decisionId: decision.decisionId,
    // The representative is a decision of the alert's model (another model's log may hold the same id).
    decisionModel: alert.model,
    owner,
    actor,
  });
  await recordAlert(id, alert, `onset preset to ${decision.timestamp}`);
  // As `watch` suggests: the onset is the representative decision's time.
  await presetOnset(id, decision.timestamp);
  await useCases.getState().refresh();
  useCases.getState().openCase(id);
  return id;
}

/**
 * The onset preset to `onset`: an analytical choice like the investigator's own, so an `onset.set` entry of the case's
 * chain, written with the case's onset in one transaction.
 */
export async function presetOnset(caseId: string, onset: string): Promise<void> {
  const act = {
    time: new Date().toISOString(),
    actor: currentActor(),
    action: 'onset.set',
    payload: { onset },
  } as const;
  await recordCaseAction(db, caseId, act, { onsetOverride: onset });
}

/** Records in the case's activity chain which alert it was opened from; `onset` says what became of the onset. */
export async function recordAlert(caseId: string, alert: MonitorAlert, onset: string): Promise<void> {
  const decision = alert.representative;
  await recordCaseAction(db, caseId, {
    time: new Date().toISOString(),
    actor: currentActor(),
    action: 'annotation.added',
    payload: {
      id: `monitor-${caseId}`,
      target: { kind: 'finding', id: `watch:${alert.model}:${alert.version ?? ''}:${alert.outcome}:${alert.start}` },
      tags: ['monitor', 'onset'],
      text:
        `Opened from the Monitor: the “${alert.outcome}” rate of ${alert.model}${alert.version ? ` ${alert.version}` : ''} ` +
        `rose from ${(alert.rateBefore * 100).toFixed(1)}% to ${(alert.rateAfter * 100).toFixed(1)}% from ${alert.start}; ` +
        `${onset}; decision ${decision?.decisionId ?? 'none'}.`,
    },
  });
}
