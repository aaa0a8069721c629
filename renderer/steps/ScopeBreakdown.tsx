import { type FormEvent, useId, useState } from 'react';
import type { Counted, ImpactScope } from '../../shared/analysis/engine-types';
import { selectNotifyThreshold, selectSetNotifyThreshold, useSettings } from '../stores/settings-store';
import { countOf, INLINE_FORM, INLINE_LABEL, percent } from './evidence-cite';

/** The affected decisions counted by one key (model version, action), with each count's share. */
export function CountTable({
  caption,
  keyLabel,
  rows,
}: {
  caption: string;
  keyLabel: string;
  rows: ReadonlyArray<Counted>;
}) {
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{keyLabel}</th>
          <th scope="col">Decisions</th>
          <th scope="col">Share</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td className="mono">{r.key}</td>
            <td className="num">{r.count.toLocaleString('en')}</td>
            <td className="num">{percent(r.count, total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Whether the window obliges a notification, and the threshold (a setting) to edit. Key it by the threshold. */
export function NotificationCheck({ scope }: { scope: ImpactScope }) {
  const threshold = useSettings(selectNotifyThreshold);
  const setThreshold = useSettings(selectSetNotifyThreshold);
  const [text, setText] = useState(String(threshold));
  const inputId = useId();
  const { notify } = scope.notification;
  const thresholdText = scope.notification.threshold.toLocaleString('en');
  // Decisions without a subject id count no subject: zero would read as "no one to notify", which the log cannot say.
  const unnamed = scope.subjects === 0 && scope.affected > 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setThreshold(Number(text));
  };
  const valid = /^\s*\d+\s*$/.test(text) && Number(text) >= 1;

  return (
    <section aria-labelledby={`${inputId}-heading`} className={notify ? 'notice error' : 'notice'}>
      <h3 id={`${inputId}-heading`}>Notification</h3>
      <p data-testid="notification-sentence">
        {unnamed ? (
          <>
            <strong>No affected decision names its subject</strong> (the decision log records no subject id): this log
            cannot tell whether the notification threshold of {thresholdText} subjects is reached.
          </>
        ) : (
          <>
            <strong>{countOf(scope.subjects, 'distinct subject')}</strong> received an affected decision —{' '}
            {notify ? (
              <>
                at or above the notification threshold of {thresholdText}:{' '}
                <strong>the affected subjects must be notified</strong>.
              </>
            ) : (
              <>below the notification threshold of {thresholdText}: no notification is required.</>
            )}
          </>
        )}
      </p>
      <form style={INLINE_FORM} onSubmit={submit}>
        <label htmlFor={inputId} style={INLINE_LABEL}>
          Notification threshold (subjects)
        </label>
        <input
          id={inputId}
          type="number"
          min={1}
          step={1}
          inputMode="numeric"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={!valid}
          style={{ width: '8rem' }}
        />
        <button type="submit" disabled={!valid || Number(text) === threshold}>
          Apply threshold
        </button>
      </form>
    </section>
  );
}
