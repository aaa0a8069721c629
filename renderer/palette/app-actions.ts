/**
 * Every action the palette offers, from the app's state: the seven steps, every case, every source of the open case,
 * every node of the traced graph, and every export (the graph's image and JSON, the report, the evidence bundle).
 */
import { useMemo } from 'react';
import type { TraceResult } from '../../shared/analysis/types';
import { caseFileCaseActions, openCaseFileActions } from '../case-file/case-file-actions';
import { KIND_LABELS } from '../graph/flow-types';
import { showLineageAction } from '../lineage-browse/browse-actions';
import { type GraphRequest, useGraphRequests } from '../graph/graph-requests';
import { selectCloseDashboard, selectOpenDashboard, useMetricsRoute } from '../metrics/metrics-route';
import { selectCloseMonitor, selectOpenMonitor, useMonitorRoute } from '../monitor/monitor-route';
import { selectCases, selectOpenCaseId, useCases } from '../stores/cases-store';
import type { CaseSummary } from '../stores/cases-initial';
import { selectDecision, selectResults, selectSources, useInvestigation } from '../stores/investigation-store';
import { stepActions } from '../steps/step-actions';
import { STEP_IDS, type StepId } from '../steps/step-ids';
import { themeActions } from '../theme/theme-actions';
import { showTimelineAction } from '../timeline/timeline-actions';
import { goToStep } from '../timeline/timeline-store';
import { undoAction } from '../undo/undo-action';
import { selectUndoOffer, useUndo } from '../undo/undo-store';
import { caseText } from '../case/case-search';
import type { PaletteAction } from './palette-actions';

const toGraph = (request: GraphRequest) => {
  goToStep('trace');
  useGraphRequests.getState().request(request);
};

/** Clicks a button of the Document step's export panel once it is on screen (it loads with the step). */
function clickExport(text: string): void {
  goToStep('document');
  const started = Date.now();
  const attempt = () => {
    const button = [...document.querySelectorAll<HTMLButtonElement>('.export-panel button')].find(
      (b) => b.textContent?.trim() === text,
    );
    if (button && !button.disabled) button.click();
    else if (Date.now() - started < 10_000) setTimeout(attempt, 100);
  };
  setTimeout(attempt, 0);
}

/** The report's exports, named as the Document step's panel names them. */
const REPORT_EXPORTS: ReadonlyArray<readonly [string, string, string]> = [
  ['report-html', 'Export the report as HTML', 'Report (HTML)'],
  ['report-md', 'Export the report as Markdown', 'Markdown'],
  ['report-pdf', 'Export the report as PDF', 'PDF'],
  ['bundle', 'Export the evidence bundle (BagIt)', 'Evidence bundle'],
];

/**
 * Actions of an open case: steps, sources, graph nodes, exports. The graph's actions and exports are offered only
 * while there is a traced graph, the report's and the case file's only once a decision is chosen (their buttons are
 * disabled before), undo only while a removal can be undone: an action the palette offers always acts.
 */
export function caseActions(
  caseId: string,
  sources: ReadonlyArray<{ readonly id: string; readonly name: string; readonly detected: string }>,
  trace: TraceResult | undefined,
  hasDecision: boolean = trace !== undefined,
  canUndo = false,
): PaletteAction[] {
  const steps: PaletteAction[] = stepActions.map((a, i) => ({
    name: a.name,
    label: a.label,
    group: 'Step',
    keys: `Alt+${i + 1}`,
    keyTest: a.keyTest,
    perform: () => goToStep(STEP_IDS[i] as StepId),
  }));
  const openSources = () => useCases.getState().openSources(caseId);
  const sourceActions: PaletteAction[] = [
    { name: 'openSources', label: 'Open the sources of this case', group: 'Source', perform: openSources },
    ...sources.map((s): PaletteAction => ({
      name: `openSource:${s.id}`,
      label: `Source: ${s.name}`,
      group: 'Source',
      keywords: s.detected,
      perform: openSources,
    })),
  ];
  const nodes: PaletteAction[] = (trace?.nodes ?? []).map((n) => ({
    name: `focusNode:${n.id}`,
    label: `${KIND_LABELS[n.kind]}: ${n.label}`,
    group: 'Node',
    keywords: `${n.id} ${n.version ?? ''}`,
    perform: () => toGraph({ kind: 'focus', id: n.id }),
  }));
  const graphExports: PaletteAction[] = (['png', 'svg', 'json'] as const).map((format): PaletteAction => ({
    name: `export:graph-${format}`,
    label: `Export the lineage graph as ${format.toUpperCase()}`,
    group: 'Export',
    perform: () => toGraph({ kind: 'export', format }),
  }));
  const caseExports: PaletteAction[] = [
    ...REPORT_EXPORTS.map(([name, label, button]): PaletteAction => ({
      name: `export:${name}`,
      label,
      group: 'Export',
      perform: () => clickExport(button),
    })),
    ...caseFileCaseActions(),
  ];
  const graph: PaletteAction[] = [
    {
      name: 'graph:fit',
      label: 'Fit the whole lineage graph',
      group: 'Graph',
      perform: () => toGraph({ kind: 'fit' }),
    },
    {
      name: 'graph:overview',
      label: 'Show or hide the graph’s overview',
      group: 'Graph',
      perform: () => toGraph({ kind: 'overview' }),
    },
  ];
  return [
    ...steps,
    showTimelineAction,
    showLineageAction,
    ...(canUndo ? [undoAction] : []),
    ...(trace ? [...graph, ...graphExports] : []),
    ...(hasDecision ? caseExports : []),
    ...sourceActions,
    ...nodes,
  ];
}

/** Actions to open each case (the open one excepted) and the app's other screens. */
export function caseListActions(cases: ReadonlyArray<CaseSummary>, openCaseId: string | undefined): PaletteAction[] {
  const state = useCases.getState();
  const open: PaletteAction[] = cases
    .filter((c) => c.record.id !== openCaseId && !c.case?.deletedAt)
    .map((c) => ({
      name: `openCase:${c.record.id}`,
      label: `Open case: ${c.case?.title ?? c.record.title}${c.case?.archivedAt ? ' (archived)' : ''}`,
      group: 'Case',
      // What the case says (its decisions, notes, root cause…): the palette searches across cases too.
      keywords: `${c.record.id} ${caseText(c)}`,
      perform: () => state.openCase(c.record.id),
    }));
  return [
    ...open,
    ...(openCaseId
      ? [{ name: 'closeCase', label: 'Back to the case list', group: 'View' as const, perform: state.closeCase }]
      : []),
    { name: 'allSources', label: 'All imported sources', group: 'Source', perform: () => state.openSources() },
    {
      name: 'maturity',
      label: 'Lineage maturity (the five metrics)',
      group: 'View',
      perform: () => {
        state.closeCase();
        // The monitor screen wins over the dashboard (App.tsx): leave it, or the palette would seem to do nothing.
        selectCloseMonitor(useMonitorRoute.getState())();
        selectOpenDashboard(useMetricsRoute.getState())();
      },
    },
    {
      name: 'monitor',
      label: 'Monitor (outcome-rate shifts per model)',
      group: 'View',
      keywords: 'watch alerts change-points',
      perform: () => {
        state.closeCase();
        selectCloseDashboard(useMetricsRoute.getState())();
        selectOpenMonitor(useMonitorRoute.getState())();
      },
    },
    ...openCaseFileActions(),
    ...themeActions,
  ];
}

/** Every action the palette offers now. */
export function useAppActions(): PaletteAction[] {
  const cases = useCases(selectCases);
  const openCaseId = useCases(selectOpenCaseId);
  const sources = useInvestigation(selectSources);
  const trace = useInvestigation(selectResults).trace;
  const hasDecision = Boolean(useInvestigation(selectDecision));
  const canUndo = Boolean(useUndo(selectUndoOffer));
  return useMemo(
    () => [
      ...(openCaseId ? caseActions(openCaseId, sources, trace, hasDecision, canUndo) : []),
      ...caseListActions(cases, openCaseId),
    ],
    [cases, openCaseId, sources, trace, hasDecision, canUndo],
  );
}
