import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/ipc/contract';
import { TimeZoneSwitch } from '../components/TimeZoneSwitch';
import { ThemeSwitch } from '../theme/ThemeSwitch';
import { db } from '../db/instance';
import { ConnectionsPanel } from '../connections/ConnectionsPanel';
import { ImportPanel } from '../import/ImportPanel';
import { MarquezPullForm } from './MarquezPullForm';
import { InterruptedImports } from '../import/InterruptedImports';
import { selectFinished, selectRequestMapping, useImports } from '../import/import-store';
import type { CaseRecord, StoredSource } from '../db/lineage-db';
import { selectCloseSources, useCases } from '../stores/cases-store';
import { UndoToast } from '../undo/UndoToast';
import { SourcesTable } from './SourcesTable';
import './sources.css';
import {
  selectIssues,
  selectLoadIssues,
  selectLoadSources,
  selectRemoveSource,
  selectSources,
  selectSourcesError,
  selectSourcesStatus,
  useSources,
} from './sources-store';

/**
 * The Sources screen: every imported file of a case (or, from the case list, of all cases) with what it gave,
 * and importing more. A case's evidence is its sources. Removing one offers its undo until the screen is left.
 */
export function SourcesScreen({ caseId, info }: { readonly caseId?: string; readonly info: AppInfo }) {
  const sources = useSources(selectSources);
  const status = useSources(selectSourcesStatus);
  const error = useSources(selectSourcesError);
  const issues = useSources(selectIssues);
  const load = useSources(selectLoadSources);
  const loadIssues = useSources(selectLoadIssues);
  const remove = useSources(selectRemoveSource);
  const finished = useImports(selectFinished);
  const requestMapping = useImports(selectRequestMapping);
  const close = useCases(selectCloseSources);
  const [caseRecord, setCaseRecord] = useState<CaseRecord>();

  useEffect(() => {
    void load(caseId);
    if (caseId) void db.getCase(caseId).then(setCaseRecord);
  }, [caseId, load, finished]);

  const onExpand = useCallback((id: string) => void loadIssues(id), [loadIssues]);
  const onRemove = useCallback((id: string) => void remove(id, caseId), [remove, caseId]);
  const onRequestMapping = useCallback(
    (source: StoredSource, file: File) => requestMapping(source, file, caseId),
    [requestMapping, caseId],
  );
  const title = caseId ? `Sources of “${caseRecord?.title ?? '…'}”` : 'All sources';

  return (
    <div className="app-shell">
      <header className="app-header">
        <button type="button" className="ghost" onClick={close}>
          {caseId ? '← Back to the investigation' : '← Back to cases'}
        </button>
        <p className="brand">Lineage Investigator</p>
        <span className="spacer" />
        <TimeZoneSwitch />
        <ThemeSwitch />
      </header>
      <main className="page sources-page">
        <div className="page-title">
          <h1>{title}</h1>
          {caseId && sources.length > 0 && (
            <div className="actions">
              <button type="button" className="primary" onClick={close}>
                Investigate: choose the decision →
              </button>
            </div>
          )}
        </div>
        <p className="lead">
          {caseId
            ? 'The evidence of this investigation: every file imported into it. Its steps read only these.'
            : 'Every file imported on this machine, in every investigation. Removing one removes it from all of them.'}
        </p>
        <ImportPanel caseId={caseId} desktop={info.mode === 'electron'} />
        <InterruptedImports caseId={caseId} />
        {error && (
          <p className="notice error" role="alert">
            {error}
          </p>
        )}
        {status === 'ready' && sources.length === 0 ? (
          <p className="empty">No sources yet: import files to start.</p>
        ) : (
          <SourcesTable
            sources={sources}
            issues={issues}
            onExpand={onExpand}
            onRemove={onRemove}
            onRequestMapping={onRequestMapping}
          />
        )}
        <MarquezPullForm caseId={caseId} />
        <ConnectionsPanel web={info.mode === 'web'} />
      </main>
      <UndoToast />
    </div>
  );
}
