import { type FormEvent, useId, useState } from 'react';
import type { DecisionRef, OnsetEstimate } from '../../shared/analysis/engine-types';
import { visibleText } from '../../shared/model/visible-text';
import { Time } from '../components/Time';
import { selectCaseRecord, selectOnsetOverride, selectSetOnset, useInvestigation } from '../stores/investigation-store';
import { INLINE_FORM, INLINE_LABEL } from './evidence-cite';
import { onsetBinIndex } from './OnsetChart';
import { TimedText } from '../components/TimedText';

const METHOD_LABEL: Readonly<Record<OnsetEstimate['method'], string>> = {
  'change-point': 'estimated from a change-point in the outcome rate',
  override: 'set by the investigator',
  'first-use': 'the first use of the decision’s version (no significant shift in the outcome rate)',
};

/** The current onset as the field takes a time (RFC 3339 in UTC, to the second): an example in the case's own period. */
const exampleTime = (iso: string): string =>
  Number.isNaN(Date.parse(iso)) ? '2026-02-27T06:00:00Z' : `${new Date(iso).toISOString().slice(0, 19)}Z`;

/** A decision the onset cites: its id and, where known, its model (two models' logs can share an id). */
function RefId({ decision }: { readonly decision: DecisionRef }) {
  return (
    <>
      <span className="mono">{decision.decisionId}</span>
      {decision.model !== undefined && <span className="muted"> of {visibleText(decision.model)}</span>}
    </>
  );
}

/** What the onset is and how it was found, and the investigator's correction: a bin, a time, or the estimate. */
export function OnsetControl({ onset }: { onset: OnsetEstimate }) {
  const override = useInvestigation(selectOnsetOverride);
  const setOnset = useInvestigation(selectSetOnset);
  // Where the decisions are read in place, the engine that holds them estimates the onset: none is set by hand.
  const connection = useInvestigation(selectCaseRecord)?.connection;
  const current = onsetBinIndex(onset);
  const [bin, setBin] = useState(String(Math.max(0, current)));
  const [time, setTime] = useState('');
  const id = useId();
  // Setting the bin that already is the onset would change nothing: the button is disabled there, and says why.
  const isOnset = Number(bin) === current;
  const timeValid = time.trim() !== '' && !Number.isNaN(Date.parse(time.trim()));
  // A dataset-version or run bin is not a key the estimate can be pinned to: its first decision's time is.
  const valueOf = (i: number) => {
    const b = onset.series[i];
    return b && (onset.seriesBy === 'dataset_version' || onset.seriesBy === 'run' ? b.from : b.key);
  };
  const pickBin = (event: FormEvent) => {
    event.preventDefault();
    void setOnset(valueOf(Number(bin)));
  };
  const pickTime = (event: FormEvent) => {
    event.preventDefault();
    if (timeValid) void setOnset(new Date(Date.parse(time.trim())).toISOString());
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="card">
      <h3 id={`${id}-heading`}>Onset of the wrong decisions</h3>
      <dl className="facts">
        <dt>Onset</dt>
        <dd>
          <Time value={onset.onset} />
          {onset.key !== undefined && (
            <>
              {' '}
              at <span className="mono badge">{onset.key}</span>
            </>
          )}
        </dd>
        <dt>Method</dt>
        <dd>
          {METHOD_LABEL[onset.method]}
          {onset.statistic !== undefined && <> (likelihood-ratio G = {onset.statistic}, χ² with 1 degree of freedom)</>}
        </dd>
        <dt>Note</dt>
        <dd>
          <TimedText text={onset.note} />
        </dd>
        <dt>Rate before → from the onset</dt>
        <dd>
          <strong>{onset.rateBefore ?? '—'}</strong> → <strong>{onset.rateAfter ?? '—'}</strong>{' '}
          <span className="muted">({onset.outcome ? `outcome “${onset.outcome}”` : 'outcome'})</span>
        </dd>
        <dt>Last good decision</dt>
        <dd>
          {onset.lastGood ? (
            <>
              <RefId decision={onset.lastGood} /> <Time value={onset.lastGood.timestamp} />
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>First wrong decision</dt>
        <dd>
          {onset.firstBad ? (
            <>
              <RefId decision={onset.firstBad} /> <Time value={onset.firstBad.timestamp} />
            </>
          ) : (
            '—'
          )}
        </dd>
      </dl>
      {override !== undefined && onset.method !== 'override' && (
        <p className="notice error" role="status">
          Your onset <span className="mono">{override}</span> names no bin of this series and is not a time: the
          estimate is shown. Pick a bin or type a time.
        </p>
      )}
      <div style={INLINE_FORM}>
        <form style={INLINE_FORM} onSubmit={pickBin}>
          <label htmlFor={`${id}-bin`} style={INLINE_LABEL}>
            Onset bin
          </label>
          <select id={`${id}-bin`} value={bin} onChange={(e) => setBin(e.target.value)}>
            {onset.series.map((b, i) => (
              <option key={b.key} value={i}>
                {b.key} (rate {b.rate}, {b.decisions} decisions)
              </option>
            ))}
          </select>
          <button type="submit" disabled={onset.series.length === 0 || isOnset}>
            Set onset to this bin
          </button>
          {isOnset && <span className="muted small">This bin is already the onset.</span>}
        </form>
        <form style={INLINE_FORM} onSubmit={pickTime}>
          <label htmlFor={`${id}-time`} style={INLINE_LABEL}>
            or a time
          </label>
          <input
            id={`${id}-time`}
            type="text"
            placeholder={`e.g. ${exampleTime(onset.onset)}`}
            value={time}
            onChange={(e) => setTime(e.target.value)}
            aria-invalid={time.trim() !== '' && !timeValid}
            style={{ width: '16rem' }}
          />
          <button type="submit" disabled={!timeValid}>
            Set onset time
          </button>
        </form>
        <button type="button" disabled={override === undefined} onClick={() => void setOnset(undefined)}>
          Use estimate
        </button>
      </div>
      <p className="muted small">
        A correction re-ranks the suspects and is saved with the case
        {connection &&
          ` (asked of ${connection.name}, where the decisions live: only those either side of it are read)`}
        .
      </p>
    </section>
  );
}
