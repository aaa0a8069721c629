import type { SourceIssues, StoredSource } from '../db/lineage-db';
import { ISSUES_SHOWN } from '../db/lineage-db';
import { issueRows } from './issue-rows';

function shownOf(count: number, listed: number): string {
  return count > listed ? ` (first ${listed.toLocaleString('en')} of ${count.toLocaleString('en')} shown)` : '';
}

/** How many of a source's issues its rows count: all of them with the import's groups, else the listed ones. */
function listedOf(
  listed: ReadonlyArray<unknown>,
  groups: ReadonlyArray<{ readonly count: number }> | undefined,
): number {
  return groups ? groups.reduce((n, g) => n + g.count, 0) : Math.min(listed.length, ISSUES_SHOWN);
}

/** A source's rejected records and warnings: file, line or JSON pointer, and why — one row per kind of message. */
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
        {shownOf(source.rejected, listedOf(rejections, issues.rejectionGroups))}
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
            {issueRows(rejections, issues.rejectionGroups).map((r, i) => (
              <tr key={i}>
                <td className="mono">{r.where}</td>
                <td>{r.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>
        Warnings: {source.warnings.toLocaleString('en')}
        {shownOf(source.warnings, listedOf(warnings, issues.warningGroups))}
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
            {issueRows(warnings, issues.warningGroups).map((w, i) => (
              <tr key={i}>
                <td className="mono">{w.where}</td>
                <td>{w.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
