import { type FormEvent, useId, useMemo, useState } from 'react';
import type { TraceNode } from '../../shared/analysis/types';
import { shortId } from '../format/decision';
import { searchNodes } from '../trace/graph-navigation';
import type { ImageFormat } from './export-image';
import { kindLabel } from './LineageNodes';

interface Props {
  readonly nodes: ReadonlyArray<TraceNode>;
  readonly onFind: (nodeId: string) => void;
  readonly onExportImage: (format: ImageFormat) => Promise<void>;
  readonly onExportJson: () => void;
}

const MAX_SUGGESTIONS = 6;

/** Search (centres and selects a node) and export (PNG, SVG, JSON) above the graph. */
export function GraphToolbar({ nodes, onFind, onExportImage, onExportJson }: Props) {
  const [query, setQuery] = useState('');
  const [suggest, setSuggest] = useState(false);
  const [busy, setBusy] = useState<ImageFormat>();
  const [problem, setProblem] = useState<string>();
  const matches = useMemo(() => searchNodes(nodes, query), [nodes, query]);
  const statusId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (matches[0]) onFind(matches[0].id);
    setSuggest(false);
  };
  const exportImage = (format: ImageFormat) => {
    setBusy(format);
    setProblem(undefined);
    onExportImage(format)
      .catch((error: unknown) => setProblem(`Could not export the ${format.toUpperCase()}: ${String(error)}`))
      .finally(() => setBusy(undefined));
  };

  return (
    <div className="graph-toolbar">
      <form role="search" className="graph-search" onSubmit={submit}>
        <input
          type="search"
          aria-label="Find a node"
          aria-describedby={statusId}
          placeholder="Find a node (/)"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setSuggest(true);
          }}
        />
        <button type="submit" disabled={matches.length === 0}>
          Find
        </button>
        <span id={statusId} className="muted small" role="status">
          {query.trim() ? `${matches.length} ${matches.length === 1 ? 'match' : 'matches'}` : ''}
        </span>
      </form>
      {suggest && query.trim() && matches.length > 0 && (
        <ul className="graph-suggestions" aria-label="Matching nodes">
          {matches.slice(0, MAX_SUGGESTIONS).map((n) => (
            <li key={n.id}>
              <button
                type="button"
                className="link"
                onClick={() => {
                  onFind(n.id);
                  setSuggest(false);
                }}
              >
                {kindLabel(n)}: {n.label}
                {n.version ? ` @ ${shortId(n.version, 8)}` : ''}
              </button>
            </li>
          ))}
        </ul>
      )}
      <span className="spacer" />
      <div className="graph-export" role="group" aria-label="Export the graph">
        <span className="muted small" aria-hidden="true">
          Export
        </span>
        <button type="button" aria-label="Export PNG" onClick={() => exportImage('png')} disabled={busy !== undefined}>
          {busy === 'png' ? 'PNG…' : 'PNG'}
        </button>
        <button type="button" aria-label="Export SVG" onClick={() => exportImage('svg')} disabled={busy !== undefined}>
          {busy === 'svg' ? 'SVG…' : 'SVG'}
        </button>
        <button type="button" aria-label="Export JSON" onClick={onExportJson}>
          JSON
        </button>
      </div>
      {problem && (
        <p className="notice error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
