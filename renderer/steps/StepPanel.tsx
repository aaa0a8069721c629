import type { ReactNode } from 'react';
import { StepCompletion } from '../case/StepCompletion';
import { WorkerThreadNotice } from '../engine/WorkerThreadNotice';
import {
  selectCaseRecord,
  selectDecision,
  selectEvidence,
  selectResults,
  selectSetStep,
  useInvestigation,
} from '../stores/investigation-store';
import { ChangesStep } from './ChangesStep';
import { DocumentStep } from './DocumentStep';
import { GovernanceStep } from './GovernanceStep';
import { IdentifyStep } from './IdentifyStep';
import { RemediateStep } from './RemediateStep';
import { ScopeStep } from './ScopeStep';
import { STEP_LABELS, type StepId } from './step-ids';
import { caseHasEvidence, type StepState } from './step-state';
import { panelId, tabId } from './StepNavigator';
import { TraceStep } from './TraceStep';

const PURPOSE: Readonly<Record<StepId, string>> = {
  identify: 'Find the wrong decision and the feature inputs it used; pick the suspect feature.',
  scope: 'Every decision the cause reached — its blast radius through the lineage — over time.',
  trace: 'The upstream lineage of the feature as it was when the decision was made.',
  changes: 'Changes that touched the traced lineage in the window before the first wrong decision, ranked.',
  governance: 'For each change: was it approved, and where was it deployed?',
  remediate: 'The last known-good version of each changed job, and how to roll back.',
  document: 'Root cause, preventive actions, annotations, pinned evidence, the activity log, and the case file.',
};

const BODIES: Readonly<Record<StepId, () => ReactNode>> = {
  identify: () => <IdentifyStep />,
  scope: () => <ScopeStep />,
  trace: () => <TraceStep />,
  changes: () => <ChangesStep />,
  governance: () => <GovernanceStep />,
  remediate: () => <RemediateStep />,
  document: () => <DocumentStep />,
};

/**
 * The current step's panel: its heading, its purpose, closing it in order (complete, or skip with a reason), and
 * its content (or why it has none yet).
 */
export function StepPanel({ step, state }: { readonly step: StepId; readonly state: StepState }) {
  const caseRecord = useInvestigation(selectCaseRecord);
  const evidence = useInvestigation(selectEvidence);
  const decision = useInvestigation(selectDecision);
  const results = useInvestigation(selectResults);
  const setStep = useInvestigation(selectSetStep);
  const hasEvidence = caseHasEvidence(caseRecord, evidence);
  const error = results.errors[step];
  const analysed = step !== 'identify' && step !== 'document';

  let body: ReactNode;
  if (!hasEvidence && step !== 'document') {
    body = (
      <div className="notice">
        <p>
          <strong>This investigation has no evidence yet.</strong> Every step works over imported files: lineage events,
          the Git history, pull requests, deployments, audit logs and the decision log.
        </p>
        <p>Import them on this investigation&apos;s Sources screen (the Sources button above).</p>
      </div>
    );
  } else if (step !== 'identify' && step !== 'document' && !decision) {
    body = (
      <div className="notice">
        <p>Choose the wrong decision and its suspect feature first.</p>
        <button type="button" onClick={() => setStep('identify')}>
          Go to Identify
        </button>
      </div>
    );
  } else if (analysed && results.pending && !results.engine && !results.trace) {
    body = (
      <p className="notice" role="status">
        Computing the analysis of this decision…
      </p>
    );
  } else if (error) {
    body = (
      <p className="notice error" role="alert">
        The analysis could not run on this evidence: {error}
      </p>
    );
  } else {
    body = BODIES[step]();
  }

  return (
    <section role="tabpanel" id={panelId(step)} aria-labelledby={`${tabId(step)}-heading`} className="step-panel">
      <div className="panel-head">
        <div>
          <h2 id={`${tabId(step)}-heading`}>{STEP_LABELS[step]}</h2>
          <p className="muted">{PURPOSE[step]}</p>
          {analysed && <WorkerThreadNotice />}
        </div>
        <StepCompletion
          step={step}
          state={state}
          onGoTo={setStep}
          blocked={step === 'identify' && !decision ? 'Choose the decision to complete this step.' : undefined}
        />
      </div>
      {analysed && results.pending && (results.engine || results.trace) && (
        <p className="muted" role="status">
          Computing again…
        </p>
      )}
      {body}
    </section>
  );
}
