import { timeToRootCause } from '../../shared/case/case-actions';
import { CASE_STEPS } from '../../shared/case/case-types';
import { Time } from '../components/Time';
import type { CaseSummary } from '../stores/cases-initial';
import { caseDecisions } from './case-decisions';
import { CaseRowActions } from './CaseRowActions';
import { SEVERITY_LABELS, STATUS_LABELS } from './case-labels';
import { formatDuration } from './format-duration';
import './case.css';

/**
 * One row of the case list: title (archived ones marked), severity, status, owner, decisions, steps closed, opened,
 * time to root cause, and its actions (archive, delete).
 */
export function CaseRow({ summary, onOpen }: { readonly summary: CaseSummary; readonly onOpen: (id: string) => void }) {
  const { record, case: c, error } = summary;
  const closed = (c?.steps ?? []).filter((s) => s.completedAt || s.skippedReason).length;
  const decisions = caseDecisions(summary);
  return (
    <tr data-testid="case-row">
      <td>
        <button type="button" className="link" onClick={() => onOpen(record.id)}>
          {c?.title ?? record.title}
        </button>
        {c?.archivedAt && <span className="muted small"> · archived</span>}
        {error && <div className="danger-text small">{error}</div>}
      </td>
      <td className={c ? `severity-${c.severity}` : undefined}>{c ? SEVERITY_LABELS[c.severity] : '—'}</td>
      <td>{c ? STATUS_LABELS[c.status] : '—'}</td>
      <td>{c?.owner ?? '—'}</td>
      <td className="mono">{decisions.length ? decisions.join(', ') : <span className="muted">not chosen</span>}</td>
      <td className="num">
        {closed}/{CASE_STEPS.length}
      </td>
      <td>
        <Time value={c?.openedAt ?? record.createdAt} />
      </td>
      <td>{c && c.rootCause ? formatDuration(timeToRootCause(c)) : <span className="muted">not confirmed</span>}</td>
      <td>
        <CaseRowActions summary={summary} />
      </td>
    </tr>
  );
}
