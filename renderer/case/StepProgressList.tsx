import { Time } from '../components/Time';
import { selectCase, useCaseLog } from '../stores/case-log-store';
import { STEP_IDS, STEP_LABELS } from '../steps/step-ids';

/** The seven steps as the activity log records them: completed (when), skipped (when, why) or open. */
export function StepProgressList() {
  const current = useCaseLog(selectCase);
  const done = (current?.steps ?? []).filter((s) => s.completedAt || s.skippedReason).length;
  return (
    <section aria-labelledby="progress-heading" className="card">
      <h3 id="progress-heading">
        Step progress ({done}/{STEP_IDS.length})
      </h3>
      <ul className="plain progress">
        {STEP_IDS.map((step) => {
          const s = current?.steps.find((p) => p.step === step);
          return (
            <li key={step}>
              <span className="progress-name">{STEP_LABELS[step]}</span>
              <span className="small">
                {s?.completedAt ? (
                  <>
                    completed <Time value={s.completedAt} />
                  </>
                ) : s?.skippedReason ? (
                  <>
                    skipped <Time value={s.skippedAt} />: {s.skippedReason}
                  </>
                ) : (
                  <span className="muted">open</span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
