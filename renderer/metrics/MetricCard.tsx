import { memo, useId, useState } from 'react';
import type { Metric } from '../../shared/metrics/metric-types';
import { DrillDownList } from './DrillDownList';
import { countOf, formatFigure } from './format-metric';
import { MetricDetails } from './MetricDetails';
import { TrendChart } from './TrendChart';

interface Props {
  readonly metric: Metric;
  readonly sourceNames: Readonly<Record<string, string>>;
  readonly caseTitles: Readonly<Record<string, string>>;
}

/** One maturity metric: its figure, definition, the figures behind it, its weekly trend and its drill-down. */
export const MetricCard = memo(function MetricCard({ metric, sourceNames, caseTitles }: Props) {
  const headingId = useId();
  const [drilling, setDrilling] = useState(false);
  const against = metric.drillDown.total;
  return (
    <section className="card metric-card" aria-labelledby={headingId} data-metric={metric.id}>
      <div className="metric-summary">
        <h2 id={headingId}>{metric.name}</h2>
        <p className="metric-figure" data-testid={`figure-${metric.id}`}>
          {formatFigure(metric.value, metric.unit)}
        </p>
        <p className="metric-definition">{metric.definition}</p>
        <MetricDetails metric={metric} caseTitles={caseTitles} />
      </div>
      <TrendChart trend={metric.trend} unit={metric.unit} title={metric.name} />
      <div className="metric-drill">
        <button type="button" aria-expanded={drilling} disabled={against === 0} onClick={() => setDrilling((v) => !v)}>
          {against === 0
            ? 'No record counts against it'
            : `${drilling ? 'Hide' : 'Show'} the ${countOf(against, 'record')} that ${against === 1 ? 'counts' : 'count'} against it`}
        </button>
        {drilling && (
          <DrillDownList
            drillDown={metric.drillDown}
            label={`Records that count against ${metric.name.toLowerCase()}`}
            sourceNames={sourceNames}
          />
        )}
      </div>
    </section>
  );
});
