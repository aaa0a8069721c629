import { useEffect, useMemo, useState } from 'react';
import type { AppInfo } from '../../shared/ipc/contract';
import { CaseRow } from '../case/CaseRow';
import { searchCases } from '../case/case-search';
import '../case/case-list.css';
import { OpenCaseFileButton } from '../case-file/OpenCaseFileButton';
import { ReviewerName } from '../case/ReviewerName';
import { TimeZoneSwitch } from '../components/TimeZoneSwitch';
import { ThemeSwitch } from '../theme/ThemeSwitch';
import {
  selectCases,
  selectCasesError,
  selectCasesProgress,
  selectCasesStatus,
  selectOpenCase,
  selectOpenSample,
  selectOpenSources,
  selectRefresh,
  useCases,
} from '../stores/cases-store';
import { MetricsLink } from '../metrics/MetricsLink';
import { MonitorLink } from '../monitor/MonitorLink';
import { NewCaseDialog } from './NewCaseDialog';

/** The first screen: the investigations stored on this machine, and how to start one. */
export function CaseList({ info }: { readonly info: AppInfo }) {
  const cases = useCases(selectCases);
  const status = useCases(selectCasesStatus);
  const progress = useCases(selectCasesProgress);
  const error = useCases(selectCasesError);
  const refresh = useCases(selectRefresh);
  const openSample = useCases(selectOpenSample);
  const openCase = useCases(selectOpenCase);
  const openSources = useCases(selectOpenSources);
  const [creating, setCreating] = useState(false);
  const [query, setQuery] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const kept = useMemo(() => cases.filter((c) => !c.case?.deletedAt), [cases]);
  const archived = kept.filter((c) => c.case?.archivedAt).length;
  const shown = useMemo(
    () => searchCases(showArchived ? kept : kept.filter((c) => !c.case?.archivedAt), query),
    [kept, showArchived, query],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <div className="app-shell">
      <header className="app-header">
        <p className="brand">Lineage Investigator</p>
        <span className="muted small">
          {info.mode === 'web' ? 'Web mode' : 'Desktop'} · v{info.version}
          {info.git.available ? '' : ' · Git not found'}
        </span>
        <span className="spacer" />
        <ReviewerName />
        <MetricsLink />
        <MonitorLink />
        <TimeZoneSwitch />
        <ThemeSwitch />
      </header>
      <main className="page">
        <div className="page-title">
          <h1>Investigations</h1>
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={progress !== undefined}
              onClick={() => void openSample()}
            >
              Open the sample investigation
            </button>
            <button type="button" disabled={progress !== undefined} onClick={() => setCreating(true)}>
              New investigation
            </button>
            <button type="button" disabled={progress !== undefined} onClick={() => openSources()}>
              Sources
            </button>
            <OpenCaseFileButton />
          </div>
        </div>
        <p className="lead">
          Each investigation explains one wrong model decision: the lineage as it was when the decision was made, the
          changes that touched it, their approvals and deployments, and what to roll back.
        </p>
        {progress && (
          <p className="notice" role="status">
            {progress}
          </p>
        )}
        {error && (
          <p className="notice error" role="alert">
            {error}
          </p>
        )}
        {status === 'ready' && kept.length === 0 ? (
          <p className="empty">No investigations yet. Open the sample investigation to see how one works.</p>
        ) : (
          <>
            <div className="case-list-filter">
              <input
                type="search"
                aria-label="Search investigations"
                placeholder="Search titles, decisions, owners, notes, root causes…"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
              <label>
                <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />{' '}
                Show archived ({archived})
              </label>
              {query && (
                <span className="muted small" role="status">
                  {shown.length} of {kept.length} match
                </span>
              )}
            </div>
            <div className="table-scroll">
              <table className="data-table">
                <caption className="visually-hidden">Investigations stored on this machine</caption>
                <thead>
                  <tr>
                    <th scope="col">Title</th>
                    <th scope="col">Severity</th>
                    <th scope="col">Status</th>
                    <th scope="col">Owner</th>
                    <th scope="col">Decisions</th>
                    <th scope="col">Steps done</th>
                    <th scope="col">Opened</th>
                    <th scope="col">Time to root cause</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((c) => (
                    <CaseRow key={c.record.id} summary={c} onOpen={openCase} />
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </main>
      {creating && <NewCaseDialog onClose={() => setCreating(false)} />}
    </div>
  );
}
