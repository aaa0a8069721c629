import { KIND_LABELS } from './flow-types';

const KINDS = ['decision', 'feature', 'dataset', 'job', 'source'] as const;

/** What the colours and line styles mean; the change marks only while another moment is compared. */
export function GraphLegend({ comparing, stale }: { readonly comparing: boolean; readonly stale: boolean }) {
  return (
    <div className="graph-legend small" aria-label="Legend">
      {KINDS.map((kind) => (
        <span key={kind} className={`legend-item legend-kind kind-${kind}`}>
          {kind === 'source' ? 'Source event' : KIND_LABELS[kind]}
        </span>
      ))}
      <span className="legend-item legend-traced">Traced path</span>
      <span className="legend-item legend-context">Expanded context</span>
      <span className="legend-item legend-column">Column edge</span>
      {comparing && (
        <>
          <span className="legend-item legend-changed">Version changed (earlier → later)</span>
          <span className="legend-item legend-added">Only at the later moment (added)</span>
          <span className="legend-item legend-removed">Only at the earlier moment (removed)</span>
        </>
      )}
      <span className="muted">
        Keys: arrows move along edges, Enter opens details, U / D expand or collapse upstream / downstream, F fields, /
        search; ? lists every shortcut, Ctrl+K opens the command palette.
      </span>
      {stale && (
        <span className="muted" role="status">
          Laying out…
        </span>
      )}
    </div>
  );
}
