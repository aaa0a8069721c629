import { useMemo } from 'react';
import { decisionKey } from '../../shared/model/decision-key';
import { Time } from '../components/Time';
import {
  selectDecision,
  selectEvidence,
  selectResults,
  selectSources,
  useInvestigation,
} from '../stores/investigation-store';
import { countOf } from './evidence-cite';
import { TraceStepGraph } from './TraceStepGraph';
import { TimedText } from '../components/TimedText';

/** Step 3: the lineage graph as it was at the decision's time (or another moment), node details, and the gaps. */
export function TraceStep() {
  const trace = useInvestigation(selectResults).trace;
  const evidence = useInvestigation(selectEvidence);
  const decision = useInvestigation(selectDecision);
  const sources = useInvestigation(selectSources);
  const sourceName = useMemo(() => {
    const names = new Map(sources.map((s) => [s.id, s.name]));
    return (id: string) => names.get(id) ?? `source ${id.slice(0, 12)}`;
  }, [sources]);
  if (!trace || !evidence || !decision) return null;

  return (
    <div className="stack">
      <p>
        As of <Time value={trace.asOf} />: {countOf(trace.nodes.length, 'node')}, {countOf(trace.edges.length, 'link')},{' '}
        {countOf(trace.jobs.length, 'upstream job')}.{' '}
        <span className="muted">
          The view opens on the whole graph when it is readable at that size (else on the decision's neighbourhood); the
          fit-view control shows the whole graph. Select a node (click it, or Tab to it and press Enter) to see its
          versions and evidence; move the time slider to see the lineage as it was at another moment.
        </span>
      </p>
      <TraceStepGraph
        key={`${decisionKey(decision)}|${trace.featureName}`}
        trace={trace}
        evidence={evidence}
        decision={decision}
        sourceName={sourceName}
      />
      <section aria-labelledby="trace-gaps-heading">
        <h3 id="trace-gaps-heading">Gaps in the trace</h3>
        {trace.gaps.length === 0 ? (
          <p className="muted">None: every link from the decision to its sources is backed by evidence.</p>
        ) : (
          <ul className="gaps">
            {trace.gaps.map((gap) => (
              <li key={gap}>
                <TimedText text={gap} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
