import { useEffect, useMemo } from 'react';
import type { AppInfo } from '../../shared/ipc/contract';
import { CaseHeader } from '../case/CaseHeader';
import { ChainAlert } from '../case/ChainAlert';
import { CitationAlert } from '../case/CitationAlert';
import { ReadOnceNote } from '../case/ReadOnceNote';
import { InterruptedImportAlert } from '../import/InterruptedImportAlert';
import { showLineageAction } from '../lineage-browse/browse-actions';
import { selectLineageBrowseOpen, useLineageBrowse } from '../lineage-browse/browse-store';
import { LineageBrowseView } from '../lineage-browse/LineageBrowseView';
import { LineageNavButton } from '../lineage-browse/LineageNavButton';
import { selectCase, selectLoadLog, selectResetLog, useCaseLog } from '../stores/case-log-store';
import {
  selectCaseRecord,
  selectDecision,
  selectError,
  selectEvidence,
  selectLoad,
  selectReset,
  selectResults,
  selectStatus,
  selectStep,
  useInvestigation,
} from '../stores/investigation-store';
import { actionForKey } from '../steps/step-actions';
import { STEP_IDS, type StepId } from '../steps/step-ids';
import { caseHasEvidence, type StepState, stepState } from '../steps/step-state';
import { StepNavigator } from '../steps/StepNavigator';
import { StepPanel } from '../steps/StepPanel';
import { showTimelineAction } from '../timeline/timeline-actions';
import { UndoToast } from '../undo/UndoToast';
import { goToStep, selectTimelineOpen, useTimelineView } from '../timeline/timeline-store';
import { TimelineNavButton } from '../timeline/TimelineNavButton';
import { TimelineView } from '../timeline/TimelineView';

/**
 * One investigation: header (title, severity, status, owner), the activity chain's verdict when it fails, the step
 * navigator and the current step's panel. Opening the case loads its evidence and its activity log (verified).
 */
export function CaseScreen({ caseId, info }: { readonly caseId: string; readonly info: AppInfo }) {
  const load = useInvestigation(selectLoad);
  const reset = useInvestigation(selectReset);
  const status = useInvestigation(selectStatus);
  const error = useInvestigation(selectError);
  const caseRecord = useInvestigation(selectCaseRecord);
  const evidence = useInvestigation(selectEvidence);
  const decision = useInvestigation(selectDecision);
  const results = useInvestigation(selectResults);
  const caseState = useCaseLog(selectCase);
  const loadLog = useCaseLog(selectLoadLog);
  const resetLog = useCaseLog(selectResetLog);
  const step = useInvestigation(selectStep);
  const timelineOpen = useTimelineView(selectTimelineOpen);
  const lineageOpen = useLineageBrowse(selectLineageBrowseOpen);

  useEffect(() => {
    void load(caseId);
    void loadLog(caseId);
    return () => {
      reset();
      resetLog();
      useTimelineView.getState().reset();
      useLineageBrowse.getState().hide();
    };
  }, [caseId, load, reset, loadLog, resetLog]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = actionForKey(event);
      if (action) {
        event.preventDefault();
        action.perform({ setStep: goToStep });
      } else if (showTimelineAction.keyTest?.(event)) {
        event.preventDefault();
        showTimelineAction.perform();
      } else if (showLineageAction.keyTest?.(event)) {
        event.preventDefault();
        showLineageAction.perform();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const states = useMemo(() => {
    const hasEvidence = caseHasEvidence(caseRecord, evidence);
    const input = {
      progress: caseState?.steps,
      // The decision the case is on: none while an id several models hold waits for the investigator's choice.
      decisionId: decision?.decisionId,
      hasEvidence,
      hasDecision: Boolean(decision),
      results,
      annotations: caseState?.annotations.length ?? 0,
    };
    return Object.fromEntries(STEP_IDS.map((s) => [s, stepState(s, input)])) as Record<StepId, StepState>;
  }, [caseRecord, caseState, evidence, decision, results]);

  return (
    <div className="app-shell">
      <CaseHeader caseId={caseId} info={info} />
      <ChainAlert />
      <CitationAlert mode={info.mode} />
      <ReadOnceNote />
      <InterruptedImportAlert caseId={caseId} />
      <UndoToast />
      {status === 'error' ? (
        <main className="page">
          <p className="notice error" role="alert">
            Could not open this investigation: {error}
          </p>
        </main>
      ) : (
        <div className="case-body">
          <StepNavigator current={step} states={states} onSelect={goToStep} away={timelineOpen || lineageOpen}>
            <TimelineNavButton />
            <LineageNavButton />
          </StepNavigator>
          <main className="step-main" aria-busy={status === 'loading'}>
            {status === 'ready' ? (
              timelineOpen ? (
                <TimelineView />
              ) : lineageOpen ? (
                <LineageBrowseView />
              ) : (
                <StepPanel step={step} state={states[step]} />
              )
            ) : (
              <p className="muted">Loading the evidence…</p>
            )}
          </main>
        </div>
      )}
    </div>
  );
}
