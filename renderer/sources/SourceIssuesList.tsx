import type { SourceIssues, StoredSource } from '../db/lineage-db';
import { ISSUES_SHOWN } from '../db/lineage-db';

const where = (item: { readonly sourceName: string; readonly line?: number; readonly pointer?: string }) =>
  item.line !== undefined
    ? `${item.sourceName}, line ${item.line}`
    : item.pointer !== undefined
      ? `${item.sourceName} at ${item.pointer || '/'}`
      : item.sourceName;

function shownOf(count: number, listed: number): string {
  return count > listed ? ` (first ${listed.toLocaleString('en')} of ${count.toLocaleString('en')} shown)` : '';
}

/** A source's rejected records and warnings: file, line or JSON pointer, and why. */
export function SourceIssuesList({
  source,
  issues,
}: {
  readonly source: StoredSource;
  readonly issues?: SourceIssues;
}) {
  if (!issues) return <p className="muted">Loading…</p>;
  const { rejections, warnings } = issues;
  return (
    <div className="source-issues">
      <h3>
        Rejected records: {source.rejected.toLocaleString('en')}
        {shownOf(source.rejected, Math.min(rejections.length, ISSUES_SHOWN))}
      </h3>
      {rejections.length === 0 ? (
        <p className="muted">None: every record was read.</p>
      ) : (
        <table className="data-table compact">
          <caption className="visually-hidden">Rejected records of {source.name}</caption>
          <thead>
            <tr>
              <th scope="col">Where</th>
              <th scope="col">Why it was rejected</th>
            </tr>
          </thead>
          <tbody>
            {rejections.map((r, i) => (
              <tr key={i}>
                <td className="mono">{where(r)}</td>
                <td>{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>
        Warnings: {source.warnings.toLocaleString('en')}
        {shownOf(source.warnings, Math.min(warnings.length, ISSUES_SHOWN))}
      </h3>
      {warnings.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <table className="data-table compact">
          <caption className="visually-hidden">Warnings of {source.name}</caption>
          <thead>
            <tr>
              <th scope="col">Where</th>
              <th scope="col">Imported, but</th>
            </tr>
          </thead>
          <tbody>
            {warnings.map((w, i) => (
              <tr key={i}>
                <td className="mono">{where(w)}</td>
                <td>{w.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
