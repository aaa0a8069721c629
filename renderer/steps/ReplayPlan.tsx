import type { ReplayPlan } from '../../shared/analysis/engine-types';
import { ScrollRegion } from '../components/ScrollRegion';
import { Time } from '../components/Time';
import { countOf } from './evidence-cite';
import { TimedText } from '../components/TimedText';

/** The replay plan of the confirmed cause, its hazards first: what replaying the window would overwrite. */
export function ReplayPlanView({ plan }: { plan: ReplayPlan }) {
  return (
    <section aria-labelledby="replay-heading" className="card stack">
      <h3 id="replay-heading">Replay plan</h3>
      {plan.hazards.length > 0 ? (
        <div className="notice error" role="note" aria-labelledby="hazards-heading">
          <h4 id="hazards-heading">
            Hazard: {countOf(plan.hazards.length, 'dataset')} would be overwritten with older data
          </h4>
          <ul>
            {plan.hazards.map((h) => (
              <li key={h.dataset}>
                <span className="mono">{h.dataset}</span> — <TimedText text={h.text} />
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="notice" role="note">
          <strong>Hazards: none found.</strong> No dataset the replay rewrites (nor any downstream of it) received a
          write after the window, so replaying it in place overwrites nothing newer.
        </p>
      )}
      <dl className="facts">
        <dt>Window</dt>
        <dd>
          <Time value={plan.window.from} /> to <Time value={plan.window.to} />
        </dd>
        <dt>Sources (events replayed)</dt>
        <dd className="mono wrap">{plan.sources.join(', ') || '—'}</dd>
        <dt>Jobs to re-run, upstream first</dt>
        <dd>
          <ol className="mono small">
            {plan.jobs.map((j) => (
              <li key={j}>{j}</li>
            ))}
          </ol>
        </dd>
        <dt>Order</dt>
        <dd>{plan.order}</dd>
        <dt>Runs in the window</dt>
        <dd>{plan.runCount.toLocaleString('en')}</dd>
      </dl>
      {plan.runs.length > 0 && (
        <ScrollRegion label="Runs to replay">
          <table className="data-table">
            <caption>
              Runs to replay, in their original order
              {plan.runCount > plan.runs.length && ` (the first ${plan.runs.length} of ${plan.runCount})`}
            </caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Time</th>
                <th scope="col">Job</th>
                <th scope="col">Run</th>
              </tr>
            </thead>
            <tbody>
              {plan.runs.map((r, i) => (
                <tr key={r.runId}>
                  <td className="num">{i + 1}</td>
                  <td className="time-cell">
                    <Time value={r.time} />
                  </td>
                  <td className="mono">{r.job}</td>
                  <td className="mono small">{r.runId}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
