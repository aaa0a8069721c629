import { Time } from '../components/Time';
import { shortId } from '../format/decision';
import type { TraceComparison } from '../trace/trace-diff';

/** In words, what differs between the decision's moment and the chosen one. */
export function TraceComparisonSummary({
  comparison,
  decisionTime,
}: {
  readonly comparison: TraceComparison;
  readonly decisionTime: string;
}) {
  const changes = [...comparison.nodes];
  const changed = changes.filter(([, c]) => c.status === 'changed');
  const added = changes.filter(([, c]) => c.status === 'added').length;
  const removed = changes.filter(([, c]) => c.status === 'removed').length;
  const chosenIsEarlier = comparison.earlier !== decisionTime;
  return (
    <div className="notice trace-comparison" role="status">
      <p>
        Compared with the decision’s moment (<Time value={decisionTime} />
        ), {chosenIsEarlier ? 'earlier' : 'later'}: {changed.length} {changed.length === 1 ? 'version' : 'versions'}{' '}
        changed, {added} {added === 1 ? 'node' : 'nodes'} added, {removed} removed
        {changes.length === 0 ? ' — the lineage was the same.' : '.'}
      </p>
      {changed.length > 0 && (
        <ul className="small">
          {changed.map(([id, c]) => (
            <li key={id}>
              <span className="mono">{id}</span>: <span className="mono">{shortId(c.earlierVersion ?? '—', 10)}</span> →{' '}
              <span className="mono">{shortId(c.laterVersion ?? '—', 10)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
