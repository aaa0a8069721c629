/**
 * The seam between the report and the case record: the open case's hash-chained activity log from the case-log
 * store when it holds an intact one, else a case opened headless on the decision (what the CLI's `report` builds),
 * so a report can always be made. The report says which it is through its activity log.
 */
import { headlessCase } from '../../shared/case/headless-case';
import type { CaseRecord } from '../../shared/case/case-types';
import type { Investigation } from '../../shared/case/investigation';
import { webSha256 } from '../case/web-sha256';
import { useCaseLog } from '../stores/case-log-store';

export interface OpenCase {
  readonly id: string;
}

/** The open case's title: from its activity log, else the stored case row, else its id. */
export function openCaseTitle(open: OpenCase): string {
  const logged = useCaseLog.getState();
  if (logged.caseId === open.id && logged.case) return logged.case.title;
  return 'title' in open && typeof open.title === 'string' && open.title ? open.title : `Case ${open.id}`;
}

/** Where the record came from: the case's own log, or a headless case (no log stored yet, or a broken chain). */
export type CaseRecordSource = 'activity-log' | 'headless';

/** The open case's record for its report and bundle. */
export async function openCaseRecord(
  open: OpenCase,
  investigation: Investigation,
  actor: string,
  now: Date = new Date(),
): Promise<{ record: CaseRecord; source: CaseRecordSource }> {
  const log = useCaseLog.getState();
  if (log.caseId === open.id && log.chain && !log.chain.ok)
    throw new Error(`The case's activity log is broken (${log.chain.reason}): it cannot be exported as evidence.`);
  if (log.caseId === open.id && log.case && log.chain?.ok && log.activity.length > 0)
    return { record: { case: log.case, activity: log.activity }, source: 'activity-log' };
  const record = await headlessCase(
    investigation,
    { id: open.id, title: openCaseTitle(open), owner: actor, actor, time: now.toISOString() },
    webSha256,
  );
  return { record, source: 'headless' };
}
