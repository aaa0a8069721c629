import { type FormEvent, useId, useState } from 'react';
import { Time } from '../components/Time';
import { selectCanRecord, selectCase, selectRecord, useCaseLog } from '../stores/case-log-store';
import { STEP_LABELS, type StepId } from '../steps/step-ids';
import type { StepState } from '../steps/step-state';
import './case.css';

interface Props {
  readonly step: StepId;
  readonly state: StepState;
  readonly onGoTo: (step: StepId) => void;
  /** Why the step cannot be completed yet (Identify before a decision is chosen): the button is disabled, and says so. */
  readonly blocked?: string;
}

const names = (steps: ReadonlyArray<StepId>) => steps.map((s) => STEP_LABELS[s]).join(', ');

/**
 * Closing a step, in order: "Mark step complete" records `step.completed` with its time; "Skip step…" records
 * `step.skipped` with the reason asked for. While an earlier step is neither completed nor skipped, both ask to
 * close it first (the step can still be viewed). A step that cannot be complete yet (Identify without a decision)
 * is not offered as completed: it can be skipped with a reason.
 */
export function StepCompletion({ step, state, onGoTo, blocked }: Props) {
  const current = useCaseLog(selectCase);
  const canRecord = useCaseLog(selectCanRecord);
  const record = useCaseLog(selectRecord);
  const [asking, setAsking] = useState<'order' | 'skip' | undefined>();
  const [reason, setReason] = useState('');
  const id = useId();
  const progress = current?.steps.find((s) => s.step === step);
  const waiting = state.waitingFor;

  if (progress?.completedAt) {
    return (
      <p className="step-gate small" data-testid="step-completed">
        <span>
          ✓ Completed <Time value={progress.completedAt} />
        </span>
      </p>
    );
  }
  const attempt = (next: 'complete' | 'skip') => {
    if (waiting.length > 0) return setAsking('order');
    if (next === 'skip') return setAsking('skip');
    void record({ action: 'step.completed', payload: { step } });
  };
  const skip = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return;
    void record({ action: 'step.skipped', payload: { step, reason: reason.trim() } }).then((ok) => {
      if (ok) setAsking(undefined);
    });
  };

  return (
    <div className="step-gate">
      {progress?.skippedReason && (
        <p className="small" data-testid="step-skipped">
          Skipped <Time value={progress.skippedAt} />: {progress.skippedReason}
        </p>
      )}
      {waiting.length > 0 && <p className="muted small">Earlier steps still open: {names(waiting)}.</p>}
      {blocked && <p className="muted small">{blocked}</p>}
      <div className="actions">
        <button type="button" disabled={!canRecord || Boolean(blocked)} onClick={() => attempt('complete')}>
          Mark step complete
        </button>
        {!progress?.skippedReason && (
          <button type="button" disabled={!canRecord} aria-expanded={asking === 'skip'} onClick={() => attempt('skip')}>
            Skip step…
          </button>
        )}
      </div>
      {asking === 'order' && (
        <div className="notice" role="alert">
          <p>Complete or skip the earlier steps first: {names(waiting)}.</p>
          <button type="button" onClick={() => onGoTo(waiting[0]!)}>
            Go to {STEP_LABELS[waiting[0]!]}
          </button>
        </div>
      )}
      {asking === 'skip' && (
        <form className="skip-form" onSubmit={skip}>
          <label htmlFor={`${id}-reason`}>Why skip {STEP_LABELS[step]}? (recorded in the activity log)</label>
          <textarea id={`${id}-reason`} rows={2} value={reason} autoFocus onChange={(e) => setReason(e.target.value)} />
          <div className="actions">
            <button type="submit" className="primary" disabled={!reason.trim()}>
              Skip with this reason
            </button>
            <button type="button" onClick={() => setAsking(undefined)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
