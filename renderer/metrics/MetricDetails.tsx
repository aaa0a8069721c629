import type { Metric } from '../../shared/metrics/metric-types';
import { Time } from '../components/Time';
import { countOf, formatFigure, weeksSpan } from './format-metric';

interface PerCase {
  readonly id: string;
  readonly hours: number | null;
  readonly confirmedAt?: string;
}

interface Props {
  readonly metric: Metric;
  /** Case id → title: each case is named by its title, its id beside it. */
  readonly caseTitles: Readonly<Record<string, string>>;
}

/** The figures behind the headline: audit completeness by stage, time-to-root-cause per case, the method used. */
export function MetricDetails({ metric, caseTitles }: Props) {
  const d = metric.details;
  if (metric.id === 'audit-completeness' && d.byStage) {
    const stages = Object.entries(d.byStage as Record<string, number | null>);
    return (
      <table className="data-table compact">
        <caption>Documented at each stage ({Number(d.inputs ?? 0).toLocaleString('en')} inputs)</caption>
        <tbody>
          {stages.map(([stage, share]) => (
            <tr key={stage}>
              <th scope="row">{stage}</th>
              <td className="num">{formatFigure(share, 'share')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  if (metric.id === 'time-to-root-cause') {
    const perCase = (d.perCase ?? []) as ReadonlyArray<PerCase>;
    if (perCase.length === 0) return <p className="small muted">No cases yet.</p>;
    return (
      <table className="data-table compact">
        <caption>Per case</caption>
        <thead>
          <tr>
            <th scope="col">Case</th>
            <th scope="col">Root cause confirmed</th>
            <th scope="col">Hours</th>
          </tr>
        </thead>
        <tbody>
          {perCase.map((c) => (
            <tr key={c.id}>
              <td>
                {caseTitles[c.id] ?? <span className="mono">{c.id}</span>}
                {caseTitles[c.id] !== undefined && <div className="mono muted small">{c.id}</div>}
              </td>
              <td>{c.confirmedAt ? <Time value={c.confirmedAt} /> : <span className="muted">not yet</span>}</td>
              <td className="num">{c.hours ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  if (metric.id === 'rollback-time')
    return (
      <p className="small">
        Method: <strong>{String(d.method)}</strong> · {String(d.measured)} measured · {String(d.neverInProduction)}{' '}
        never in production
      </p>
    );
  if (metric.id === 'unauthorized-change-rate')
    return (
      <p className="small">
        {countOf(Number(d.audit), 'audit-log edit')} · {countOf(Number(d.commits), 'commit')} without a pull request ·
        over {weeksSpan(metric.trend)}
      </p>
    );
  return (
    <p className="small">
      {Number(d.inputs ?? 0).toLocaleString('en')} inputs ({Number(d.distinctInputs ?? 0).toLocaleString('en')}{' '}
      distinct)
    </p>
  );
}
