import { lazy, Suspense, useEffect, useState } from 'react';
import type { AppInfo } from '../shared/ipc/contract';
import { getApi, resolveApi, setApi } from './api';
import { CommandPalette } from './palette/CommandPalette';
import { CaseList } from './screens/CaseList';
import { ErrorScreen } from './screens/ErrorScreen';
import { selectOpenCaseId, selectOpenSample, selectSourcesOpen, useCases } from './stores/cases-store';
import { selectMetricsOpen, useMetricsRoute } from './metrics/metrics-route';
import { selectMonitorOpen, useMonitorRoute } from './monitor/monitor-route';
import { useApplyTheme } from './theme/useTheme';
import { chooseAndOpenCaseFile, selectCaseFileShown, useCaseFile } from './case-file/case-file-store';
import { guardVisibleText } from './format/visible-dom';
import './imported-text.css';

// The case and sources screens (React Flow, the analysis, the import UI) load on first use, not at start-up.
const CaseScreen = lazy(() => import('./screens/CaseScreen').then((m) => ({ default: m.CaseScreen })));
const SourcesScreen = lazy(() => import('./sources/SourcesScreen').then((m) => ({ default: m.SourcesScreen })));
const MetricsScreen = lazy(() => import('./metrics/MetricsScreen').then((m) => ({ default: m.MetricsScreen })));
const MonitorScreen = lazy(() => import('./monitor/MonitorScreen').then((m) => ({ default: m.MonitorScreen })));
const ReviewScreen = lazy(() => import('./case-file/ReviewScreen').then((m) => ({ default: m.ReviewScreen })));

const loading = (
  <main className="centered" aria-busy="true">
    <p>Loading…</p>
  </main>
);

type Boot = { state: 'starting' } | { state: 'ready'; info: AppInfo } | { state: 'failed'; reason: string };

/** Start-up: find the API, check that main answers, then show the case list or the open case. */
export function App() {
  const [resolution] = useState(resolveApi);
  const [boot, setBoot] = useState<Boot>(() =>
    resolution.ok ? { state: 'starting' } : { state: 'failed', reason: resolution.reason },
  );
  const openCaseId = useCases(selectOpenCaseId);
  const openSample = useCases(selectOpenSample);
  const sourcesOpen = useCases(selectSourcesOpen);
  const metricsOpen = useMetricsRoute(selectMetricsOpen);
  const monitorOpen = useMonitorRoute(selectMonitorOpen);
  const caseFileShown = useCaseFile(selectCaseFileShown);
  useApplyTheme();
  // Imported names never re-order or hide text on the page: their bidi controls and invisible characters shown.
  useEffect(() => guardVisibleText(document.body), []);

  useEffect(() => {
    if (!resolution.ok) return;
    setApi(resolution.api);
    // An import interrupted by a crash or a closed window left a `staging` row: never evidence, it is shown on its
    // case (InterruptedImports) to be retried or discarded — not deleted here, where it may be another window's.
    resolution.api.invoke('app:info', {}).then(
      (info) => setBoot({ state: 'ready', info }),
      (error: unknown) =>
        setBoot({
          state: 'failed',
          reason: `The application did not answer: ${error instanceof Error ? error.message : String(error)}`,
        }),
    );
  }, [resolution]);

  // The Electron menu's "Open the sample investigation" and "Open a case file…" (web mode has no app menu).
  const ready = boot.state === 'ready';
  useEffect(() => {
    if (!ready || !window.appMenu) return;
    return window.appMenu.onCommand((command) => {
      if (command === 'open-sample') void openSample();
      // The File menu's "Open a case file…": the main process's dialog (a page's chooser needs a click in the page).
      if (command === 'open-case-file')
        void chooseAndOpenCaseFile(() =>
          getApi()
            .invoke('caseFile:choose', {})
            .then((r) => r.file),
        );
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
  let screen;
  if (caseFileShown) {
    screen = (
      <Suspense fallback={loading}>
        <ReviewScreen info={boot.info} />
      </Suspense>
    );
  } else if (monitorOpen && !openCaseId && !sourcesOpen) {
    screen = (
      <Suspense fallback={loading}>
        <MonitorScreen />
      </Suspense>
    );
  } else if (metricsOpen && !openCaseId && !sourcesOpen) {
    screen = (
      <Suspense fallback={loading}>
        <MetricsScreen />
      </Suspense>
    );
  } else if (sourcesOpen) {
    screen = (
      <Suspense fallback={loading}>
        <SourcesScreen key={openCaseId ?? 'all'} caseId={openCaseId} info={boot.info} />
      </Suspense>
    );
  } else {
    screen = openCaseId ? (
      <Suspense fallback={loading}>
        <CaseScreen key={openCaseId} caseId={openCaseId} info={boot.info} />
      </Suspense>
    ) : (
      <CaseList info={boot.info} />
    );
  }
  return (
    <>
      {screen}
      <CommandPalette />
    </>
  );
}
