/**
 * The cases the maturity metrics read, through one adapter so the lead can re-point it: every stored case is the
 * fold of its hash-chained activity log (`caseFromActivity`); a row whose log is missing or cannot be folded
 * counts as an open case opened when the row was created (it has no confirmed root cause to measure). A deleted case
 * is left out: it was thrown away, not investigated. An archived case counts: it is put away, its investigation and
 * its root cause stand (the dashboard says so).
 */
import { caseFromActivity } from '../../shared/case/case-actions';
import { CASE_STEPS, type ActivityEntry, type Case } from '../../shared/case/case-types';
import type { CaseRecord as CaseRow, LineageDb } from '../db/lineage-db';
import { listCasesWithActivity } from '../db/case-log';

/** The domain case of a stored row and its activity log. */
export function caseOfStored(row: CaseRow, activity: ReadonlyArray<ActivityEntry>): Case {
  if (activity.length > 0) {
    try {
      return caseFromActivity(activity);
    } catch {
      // A log the case cannot take is shown as broken when the case is opened; here it is an unconfirmed case.
    }
  }
  return {
    id: row.id,
    title: row.title,
    severity: 'medium',
    status: 'open',
    owner: 'unassigned',
    openedAt: row.createdAt,
    decisionIds: row.decisionId ? [row.decisionId] : [],
    ...(row.featureName ? { featureName: row.featureName } : {}),
    steps: CASE_STEPS.map((step) => ({ step })),
    preventiveActions: [],
    annotations: [],
    pinnedEvidence: [],
  };
}

/** Every stored case the metrics count (archived ones included, deleted ones left out), as the metrics see it. */
export async function loadMetricCases(db: LineageDb): Promise<Case[]> {
  const stored = await listCasesWithActivity(db);
  return stored.map(({ record, activity }) => caseOfStored(record, activity)).filter((c) => !c.deletedAt);
}
