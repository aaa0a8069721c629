import { useEffect, useState } from 'react';
import type { AppInfo } from '../shared/ipc/contract';
import { resolveApi, setApi } from './api';
import { CaseList } from './screens/CaseList';
import { CaseScreen } from './screens/CaseScreen';
import { ErrorScreen } from './screens/ErrorScreen';
import { selectOpenCaseId, selectOpenSample, useCases } from './stores/cases-store';

type Boot = { state: 'starting' } | { state: 'ready'; info: AppInfo } | { state: 'failed'; reason: string };

/** Start-up: find the API, check that main answers, then show the case list or the open case. */
export function App() {
  const [resolution] = useState(resolveApi);
  const [boot, setBoot] = useState<Boot>(() =>
    resolution.ok ? { state: 'starting' } : { state: 'failed', reason: resolution.reason },
  );
  const openCaseId = useCases(selectOpenCaseId);
  const openSample = useCases(selectOpenSample);

  useEffect(() => {
    if (!resolution.ok) return;
    setApi(resolution.api);
    resolution.api.invoke('app:info', {}).then(
      (info) => setBoot({ state: 'ready', info }),
      (error: unknown) =>
        setBoot({
          state: 'failed',
          reason: `The application did not answer: ${error instanceof Error ? error.message : String(error)}`,
        }),
    );
  }, [resolution]);

  // The Electron menu's "Open the sample investigation" (web mode has no app menu).
  const ready = boot.state === 'ready';
  useEffect(() => {
    if (!ready || !window.appMenu) return;
    return window.appMenu.onCommand((command) => {
      if (command === 'open-sample') void openSample();
    });
  }, [ready, openSample]);

  if (boot.state === 'failed') return <ErrorScreen reason={boot.reason} />;
  if (boot.state === 'starting') {
    return (
      <main className="centered" aria-busy="true">
        <p>Starting Lineage Investigator…</p>
      </main>
    );
  }
  return openCaseId ? (
    <CaseScreen key={openCaseId} caseId={openCaseId} info={boot.info} />
  ) : (
    <CaseList info={boot.info} />
  );
}
