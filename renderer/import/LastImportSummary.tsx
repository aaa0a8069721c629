import { visibleText } from '../../shared/model/visible-text';
import { Time } from '../components/Time';
import { describeImportSummary } from './import-summary';
import { selectDismissLastImport, selectLastImport, useLastImports } from './last-import-store';

const STATUS_WORDS = { skipped: 'skipped', failed: 'failed', cancelled: 'cancelled' } as const;

/**
 * What the last import into this case did: files imported, already there, skipped, failed; records, warnings and
 * rejected records. Kept across reloads (last-import-store.ts) until dismissed; the files not kept are listed on
 * demand with why.
 */
export function LastImportSummary({ caseId }: { readonly caseId?: string }) {
  const summary = useLastImports(selectLastImport(caseId));
  const dismiss = useLastImports(selectDismissLastImport);
  if (!summary) return null;
  const { files, records } = describeImportSummary(summary);
  const notKept = summary.skipped + summary.failed + summary.cancelled;
  const tone = summary.failed > 0 ? ' error' : summary.rejected > 0 ? ' warn' : '';
  return (
    <section className={`notice last-import${tone}`} aria-label="Last import" data-testid="last-import">
      <div className="last-import-text">
        <p role="status">
          <strong>Last import</strong>, ended <Time value={summary.endedAt} />: {files}
          {records && <> {records}</>}
        </p>
        {summary.notImported.length > 0 && (
          <details>
            <summary>
              {notKept === summary.notImported.length
                ? 'The files not imported, and why'
                : `The first ${summary.notImported.length.toLocaleString('en')} of ${notKept.toLocaleString('en')} files not imported, and why`}
            </summary>
            <ul>
              {summary.notImported.map((file, i) => (
                <li key={i}>
                  <span className="mono">{visibleText(file.name)}</span>: {STATUS_WORDS[file.status]}
                  {file.reason && <> — {visibleText(file.reason)}</>}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
      <button
        type="button"
        className="ghost"
        onClick={() => dismiss(caseId)}
        aria-label="Dismiss the last import’s summary"
      >
        Dismiss
      </button>
    </section>
  );
}
