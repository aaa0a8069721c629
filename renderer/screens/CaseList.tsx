import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/ipc/contract';
import { Time } from '../components/Time';
import { TimeZoneSwitch } from '../components/TimeZoneSwitch';
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
        <TimeZoneSwitch />
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
        {status === 'ready' && cases.length === 0 ? (
          <p className="empty">No investigations yet. Open the sample investigation to see how one works.</p>
        ) : (
          <table className="data-table">
            <caption className="visually-hidden">Investigations stored on this machine</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Created</th>
                <th scope="col">Decision</th>
                <th scope="col">Evidence files</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id}>
                  <td>
                    <button type="button" className="link" onClick={() => openCase(c.id)}>
                      {c.title}
                    </button>
                  </td>
                  <td>
                    <Time value={c.createdAt} />
                  </td>
                  <td className="mono">{c.decisionId ?? <span className="muted">not chosen</span>}</td>
                  <td>{c.sourceIds.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
      {creating && <NewCaseDialog onClose={() => setCreating(false)} />}
    </div>
  );
}
