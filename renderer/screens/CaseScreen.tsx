import { useEffect, useMemo } from 'react';
import type { AppInfo } from '../../shared/ipc/contract';
import { TimeZoneSwitch } from '../components/TimeZoneSwitch';
import { selectCloseCase, selectOpenSources, useCases } from '../stores/cases-store';
import {
  selectCaseRecord,
  selectDecision,
  selectError,
  selectEvidence,
  selectLoad,
  selectNotes,
  selectReset,
  selectResults,
  selectSetStep,
  selectStatus,
  selectStep,
  useInvestigation,
} from '../stores/investigation-store';
import { actionForKey } from '../steps/step-actions';
import { STEP_IDS, type StepId } from '../steps/step-ids';
import { type StepState, stepState } from '../steps/step-state';
import { StepNavigator } from '../steps/StepNavigator';
import { StepPanel } from '../steps/StepPanel';

/** One investigation: header, the step navigator and the current step's panel. */
export function CaseScreen({ caseId, info }: { readonly caseId: string; readonly info: AppInfo }) {
  const load = useInvestigation(selectLoad);
  const reset = useInvestigation(selectReset);
  const status = useInvestigation(selectStatus);
  const error = useInvestigation(selectError);
  const caseRecord = useInvestigation(selectCaseRecord);
  const evidence = useInvestigation(selectEvidence);
  const decision = useInvestigation(selectDecision);
  const results = useInvestigation(selectResults);
  const notes = useInvestigation(selectNotes);
  const step = useInvestigation(selectStep);
  const setStep = useInvestigation(selectSetStep);
  const closeCase = useCases(selectCloseCase);
  const openSources = useCases(selectOpenSources);

  useEffect(() => {
    void load(caseId);
    return reset;
  }, [caseId, load, reset]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = actionForKey(event);
      if (!action) return;
      event.preventDefault();
      action.perform({ setStep });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setStep]);

  const states = useMemo(() => {
    const hasEvidence = Boolean(caseRecord && caseRecord.sourceIds.length > 0 && evidence);
    const input = { caseRecord, hasEvidence, hasDecision: Boolean(decision), results, notes: notes.length };
    return Object.fromEntries(STEP_IDS.map((s) => [s, stepState(s, input)])) as Record<StepId, StepState>;
  }, [caseRecord, evidence, decision, results, notes]);

  return (
    <div className="app-shell">
      <header className="app-header">
        <button type="button" className="ghost" onClick={closeCase}>
          ← Back to cases
        </button>
        <div className="case-heading">
          <h1>{caseRecord?.title ?? 'Investigation'}</h1>
          {caseRecord?.description && <p className="muted small case-description">{caseRecord.description}</p>}
        </div>
        <span className="spacer" />
        <button type="button" onClick={() => openSources(caseId)}>
          Sources ({caseRecord?.sourceIds.length ?? 0})
        </button>
        <span className="muted small">{info.mode === 'web' ? 'Web mode' : 'Desktop'}</span>
        <TimeZoneSwitch />
      </header>
      {status === 'error' ? (
        <main className="page">
          <p className="notice error" role="alert">
            Could not open this investigation: {error}
          </p>
        </main>
      ) : (
        <div className="case-body">
          <StepNavigator current={step} states={states} onSelect={setStep} />
          <main className="step-main" aria-busy={status === 'loading'}>
            {status === 'ready' ? <StepPanel step={step} /> : <p className="muted">Loading the evidence…</p>}
          </main>
        </div>
      )}
    </div>
  );
}
