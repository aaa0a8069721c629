import type { PortableCaseFile } from '../../shared/case/case-file-format';
import { Time } from '../components/Time';
import { describeActivity, targetText } from '../case/describe-activity';

const at = (entry: Readonly<Record<string, unknown>>) =>
  entry.line !== undefined ? `line ${String(entry.line)}` : `pointer ${String(entry.pointer)}`;
const shown = (entry: Readonly<Record<string, unknown>>) => {
  const value = entry.text ?? entry.record ?? entry.value;
  return typeof value === 'string' ? value : JSON.stringify(value);
};

/** What the case file holds, read-only: the case and its root cause, reviews, cited evidence, subgraph, pins, log. */
export function CaseFileContents({ file }: { readonly file: PortableCaseFile }) {
  const { case: c, evidence, subgraph, pinned } = file.content;
  const labels = new Map(subgraph.nodes.map((n) => [n.id, n.label]));
  const reviewed = file.activity.slice(file.signatures[0]?.entries ?? file.activity.length);
  return (
    <>
      <section aria-labelledby="cf-case-heading" className="card">
        <h2 id="cf-case-heading">The case</h2>
        <dl className="facts">
          <div className="fact-row">
            <dt>Status</dt>
            <dd>
              {c.status} · severity {c.severity} · owner {c.owner} · opened <Time value={c.openedAt} />
            </dd>
          </div>
          <div className="fact-row">
            <dt>Decisions</dt>
            <dd className="mono">{c.decisionIds.join(', ') || '—'}</dd>
          </div>
          <div className="fact-row">
            <dt>Root cause</dt>
            <dd data-testid="case-file-root-cause">
              {c.rootCause ? (
                <>
                  {c.rootCause.statement}
                  {c.rootCause.changeIds.length > 0 && (
                    <span className="mono small"> (changes {c.rootCause.changeIds.join(', ')})</span>
                  )}
                  <span className="muted small">
                    {' '}
                    — {c.rootCause.author}, <Time value={c.rootCause.confirmedAt} />
                  </span>
                </>
              ) : (
                <span className="muted">not confirmed yet</span>
              )}
            </dd>
          </div>
        </dl>
        {c.annotations.length > 0 && (
          <>
            <h3>Annotations ({c.annotations.length})</h3>
            <ul className="record-list">
              {c.annotations.map((a) => (
                <li key={a.id}>
                  <span className="record-meta">
                    {a.author} on {targetText(a.target)} · <Time value={a.time} />
                  </span>
                  <p>{a.text}</p>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {reviewed.length > 0 && (
        <section aria-labelledby="cf-reviews-heading" className="card">
          <h2 id="cf-reviews-heading">Reviewers’ entries ({reviewed.length})</h2>
          <ul className="record-list">
            {reviewed.map((e) => (
              <li key={e.seq} data-testid="case-file-review-entry">
                <span className="record-meta">
                  #{e.seq} · <Time value={e.time} /> · {e.actor}
                </span>
                <p>{describeActivity(e)}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="cf-evidence-heading" className="card">
        <h2 id="cf-evidence-heading">Cited evidence ({evidence.length} records)</h2>
        <div className="table-scroll case-file-scroll" role="region" aria-label="Cited evidence records" tabIndex={0}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Where</th>
                <th scope="col">Record</th>
                <th scope="col">SHA-256</th>
              </tr>
            </thead>
            <tbody>
              {evidence.map((e, i) => (
                <tr key={i} data-testid="case-file-evidence">
                  <td className="wrap">{e.name}</td>
                  <td className="nowrap">{at(e.entry)}</td>
                  <td className="mono small wrap case-file-record">{shown(e.entry)}</td>
                  <td className="mono small" title={e.sha256}>
                    {e.sha256.slice(0, 12)}…
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="cf-graph-heading" className="card">
        <h2 id="cf-graph-heading">
          Traced subgraph ({subgraph.nodes.length} nodes, {subgraph.edges.length} edges)
        </h2>
        <div className="table-scroll case-file-scroll" role="region" aria-label="Traced nodes" tabIndex={0}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Depth</th>
                <th scope="col">Kind</th>
                <th scope="col">Node</th>
                <th scope="col">Version at the decision</th>
                <th scope="col">Reads from</th>
              </tr>
            </thead>
            <tbody>
              {subgraph.nodes.map((n) => (
                <tr key={n.id} data-testid="case-file-node">
                  <td className="num">{n.depth}</td>
                  <td>{n.kind}</td>
                  <td className="wrap">{n.label}</td>
                  <td className="mono small wrap">{n.version ?? '—'}</td>
                  <td className="small wrap">
                    {subgraph.edges
                      .filter((e) => e.target === n.id)
                      .map((e) => labels.get(e.source) ?? e.source)
                      .join(', ') || '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="cf-pins-heading" className="card">
        <h2 id="cf-pins-heading">Pinned items ({pinned.length})</h2>
        {pinned.length === 0 ? (
          <p className="muted">The investigator pinned nothing.</p>
        ) : (
          <ul className="record-list">
            {pinned.map((p) => (
              <li key={p.id}>
                <strong>{p.label}</strong> —{' '}
                <span className="mono wrap">
                  {p.evidence.sourceId.slice(0, 12)}…{p.evidence.line !== undefined ? `:${p.evidence.line}` : ''}
                  {p.evidence.pointer ?? ''}
                </span>
                <div className="record-meta">
                  pinned by {p.pinnedBy} · <Time value={p.time} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="cf-activity-heading" className="card">
        <h2 id="cf-activity-heading">Activity chain ({file.activity.length} entries)</h2>
        <ol className="record-list activity-list" aria-label="The file's activity chain, oldest first" tabIndex={0}>
          {file.activity.map((e) => (
            <li key={e.seq}>
              <span className="record-meta">
                #{e.seq} · <Time value={e.time} /> · {e.actor}
              </span>
              <p>{describeActivity(e)}</p>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
