import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { traceDecision } from '../../shared/analysis/trace';
import type { TraceResult } from '../../shared/analysis/types';
import type { EvidenceSet } from '../../shared/model/evidence-set';
import type { Decision } from '../../shared/model/records';
import { downloadText } from '../export/download';
import { LineageGraph } from '../graph/LineageGraph';
import { NodeDetails } from '../graph/NodeDetails';
import { TimeSlider } from '../graph/TimeSlider';
import { graphToJson } from '../trace/graph-json';
import { downstreamOf, lineageIndex, upstreamOf } from '../trace/lineage-index';
import { evidenceTimeRange } from '../trace/time-range';
import { compareTraces } from '../trace/trace-diff';
import { useExploredView } from '../trace/use-explored-view';
import { TraceComparisonSummary } from './TraceComparisonSummary';
import { TraceStepCard } from './TraceStepCard';

interface Props {
  readonly trace: TraceResult;
  readonly evidence: EvidenceSet;
  readonly decision: Decision;
  readonly sourceName: (sourceId: string) => string;
}

/**
 * The Trace step's graph: the lineage as of the decision's moment or another chosen on the time slider (with what
 * differs marked), expanded and collapsed on demand, and the selected node's details beside it.
 */
export function TraceStepGraph({ trace, evidence, decision, sourceName }: Props) {
  const [chosen, setChosen] = useState<number>();
  const moment = useDeferredValue(chosen);
  const decisionTime = Date.parse(trace.asOf);
  const asOf = moment ?? decisionTime;
  const range = useMemo(() => evidenceTimeRange(evidence, trace.asOf), [evidence, trace.asOf]);
  const comparison = useMemo(() => {
    if (moment === undefined) return undefined;
    const other = traceDecision(evidence, decision, trace.featureName, { asOf: new Date(moment).toISOString() });
    return compareTraces(trace, other);
  }, [moment, evidence, decision, trace]);
  const shown = comparison?.trace ?? trace;

  const index = useMemo(() => lineageIndex(evidence), [evidence]);
  const neighbours = useMemo(
    () => ({
      upstream: (n: Parameters<typeof upstreamOf>[1]) => upstreamOf(index, n, asOf),
      downstream: (n: Parameters<typeof downstreamOf>[1]) => downstreamOf(index, n, asOf),
    }),
    [index, asOf],
  );
  const { view, columns, actions, selected, onSelectNode, details } = useExploredView({
    shown,
    neighbours,
    index,
    evidence,
    asOf,
    sourceName,
  });

  const onExportJson = useCallback(() => {
    const doc = graphToJson(view, {
      kind: 'trace',
      decisionId: trace.decisionId,
      featureName: trace.featureName,
      asOf: new Date(asOf).toISOString(),
      decisionTime: trace.asOf,
      comparison,
      sourceName,
    });
    downloadText(
      `lineage ${trace.decisionId} ${trace.featureName}.json`,
      JSON.stringify(doc, null, 2),
      'application/json',
    );
  }, [view, trace, asOf, comparison, sourceName]);

  return (
    <div className="stack">
      <TimeSlider range={range} value={chosen ?? decisionTime} decisionTime={decisionTime} onChange={setChosen} />
      {comparison && <TraceComparisonSummary comparison={comparison} decisionTime={trace.asOf} />}
      <TraceStepCard
        evidence={evidence}
        decision={decision}
        featureName={trace.featureName}
        asOf={moment === undefined ? undefined : new Date(moment).toISOString()}
        sourceName={sourceName}
      />
      <div className={`trace-layout${selected ? ' with-details' : ''}`}>
        <LineageGraph
          view={view}
          columns={columns}
          comparison={comparison}
          selectedId={selected?.id}
          onSelectNode={onSelectNode}
          actions={actions}
          exportName={`lineage ${trace.decisionId} ${trace.featureName}`}
          onExportJson={onExportJson}
        />
        {details && <NodeDetails {...details} change={comparison?.nodes.get(details.node.id)} />}
      </div>
    </div>
  );
}
