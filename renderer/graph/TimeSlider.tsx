import { useId } from 'react';
import { Time } from '../components/Time';
import { formatTime } from '../format/time';
import { selectTimeZone, useSettings } from '../stores/settings-store';
import { adjacentTick, type TimeRange } from '../trace/time-range';
import './timeline.css';

interface Props {
  readonly range: TimeRange;
  /** The moment shown (ms). */
  readonly value: number;
  /** The decision's moment (ms). */
  readonly decisionTime: number;
  /** A new moment; undefined = back to the decision's. */
  readonly onChange: (value: number | undefined) => void;
  /** What the marked moment is (the lineage browser marks the latest evidence, not a decision). */
  readonly anchorName?: string;
}

const MINUTE = 60_000;

/**
 * Re-draws the lineage as of another moment, between the first and the last evidence time, with a tick at every
 * deployment (production ticks taller) and a mark at the decision's moment.
 */
export function TimeSlider({ range, value, decisionTime, onChange, anchorName = 'the decision’s moment' }: Props) {
  const id = useId();
  const zone = useSettings(selectTimeZone);
  const span = Math.max(1, range.to - range.from);
  const at = (t: number) => `${(((t - range.from) / span) * 100).toFixed(3)}%`;
  const previous = adjacentTick(range, value, -1);
  const next = adjacentTick(range, value, 1);
  // Without a deployment in the evidence there is none to step to: no buttons that could never be pressed.
  const deployments = range.ticks.length > 0;
  const iso = new Date(value).toISOString();
  const set = (t: number) => onChange(Math.abs(t - decisionTime) < MINUTE ? undefined : t);

  return (
    <section className="time-slider card" aria-labelledby={`${id}-label`}>
      <div className="time-slider-head">
        <label id={`${id}-label`} htmlFor={id}>
          Lineage as of <Time value={iso} />
          {value === decisionTime ? <span className="muted"> ({anchorName})</span> : null}
        </label>
        <span className="spacer" />
        {deployments && (
          <>
            <button type="button" disabled={!previous} onClick={() => previous && set(previous.time - MINUTE)}>
              ◀ Before the previous deployment
            </button>
            <button type="button" disabled={!next} onClick={() => next && set(next.time + MINUTE)}>
              After the next deployment ▶
            </button>
          </>
        )}
        <button type="button" disabled={value === decisionTime} onClick={() => onChange(undefined)}>
          Back to {anchorName}
        </button>
      </div>
      <div className="time-slider-track">
        <input
          id={id}
          type="range"
          min={range.from}
          max={range.to}
          step={MINUTE}
          value={value}
          aria-valuetext={formatTime(iso, zone)}
          onChange={(e) => set(Number(e.target.value))}
        />
        <div className="time-ticks" aria-hidden="true">
          {range.ticks.map((t) => (
            <span
              key={`${t.time}-${t.label}`}
              className={`time-tick env-${t.environment === 'production' ? 'production' : 'other'}`}
              style={{ left: at(t.time) }}
              title={`${formatTime(new Date(t.time).toISOString(), zone)} — ${t.label}`}
            />
          ))}
          <span className="time-tick decision" style={{ left: at(decisionTime) }} title={anchorName} />
        </div>
      </div>
      <div className="time-slider-ends muted small">
        <Time value={new Date(range.from).toISOString()} />
        <span>
          {deployments
            ? 'Ticks: deployments (tall: production) · purple: '
            : 'No deployment in the evidence · purple: '}
          {anchorName}
        </span>
        <Time value={new Date(range.to).toISOString()} />
      </div>
    </section>
  );
}
