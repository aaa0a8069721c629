import type { ReactNode } from 'react';
import type { AppInfo } from '../../shared/ipc/contract';
import { TimeZoneSwitch } from '../components/TimeZoneSwitch';
import { selectCase, useCaseLog } from '../stores/case-log-store';
import { selectCloseCase, selectOpenSources, useCases } from '../stores/cases-store';
import { selectCaseRecord, useInvestigation } from '../stores/investigation-store';
import { ThemeSwitch } from '../theme/ThemeSwitch';
import { CaseHeaderFields } from './CaseHeaderFields';

/**
 * The case's two header rows. The first never wraps: back, the title (cut with an ellipsis, in full on hover), the
 * case's actions, then the time-zone and theme switches. The title gives up its width to new actions (`actions`).
 * The second row holds the case record (severity, status, owner) beside the description.
 */
export function CaseHeader({
  caseId,
  info,
  actions,
}: {
  readonly caseId: string;
  readonly info: AppInfo;
  readonly actions?: ReactNode;
}) {
  const caseRecord = useInvestigation(selectCaseRecord);
  const caseState = useCaseLog(selectCase);
  const closeCase = useCases(selectCloseCase);
  const openSources = useCases(selectOpenSources);
  const title = caseState?.title ?? caseRecord?.title ?? 'Investigation';
  return (
    <>
      <header className="app-header case-header">
        <button type="button" className="ghost" onClick={closeCase}>
          ← Back to cases
        </button>
        <h1 className="case-title" title={title}>
          {title}
        </h1>
        <div className="header-actions">
          <button type="button" onClick={() => openSources(caseId)}>
            Sources ({caseRecord?.sourceIds.length ?? 0})
          </button>
          {actions}
        </div>
        <TimeZoneSwitch />
        <ThemeSwitch />
      </header>
      <div className="case-bar">
        <p className="muted small case-description" title={caseRecord?.description}>
          {caseRecord?.description}
        </p>
        <CaseHeaderFields />
        <span className="muted small">{info.mode === 'web' ? 'Web mode' : 'Desktop'}</span>
      </div>
    </>
  );
}
