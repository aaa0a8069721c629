import { useEffect, useId, useRef, useState } from 'react';
import type { Decision } from '../../shared/model/records';
import { Time } from '../components/Time';
import { modelLabel, valueText } from '../format/decision';

/** One page of the affected decisions, whole, and how many a page holds. */
export interface AffectedPage {
  readonly decisions: ReadonlyArray<Decision>;
  readonly pageSize: number;
}

interface Props {
  /** How many decisions the scope holds (the Scope step's count). */
  readonly total: number;
  readonly featureName: string;
  /** Page `page` (0-based) in time order then id: a slice of the case's scope, or a query where the log lives. */
  readonly pageOf: (page: number) => Promise<AffectedPage>;
}

const n = (x: number) => x.toLocaleString('en-US');
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The affected decisions a page at a time (Previous / Next, "decisions 51–100 of N"), each page asked for when
 * shown: the list never holds more than one page. Key it by the scope, so a new scope starts at its first page.
 */
export function AffectedDecisions({ total, featureName, pageOf }: Props) {
  const [page, setPage] = useState(0);
  const [shown, setShown] = useState<{ readonly page: number; readonly list: AffectedPage }>();
  const [error, setError] = useState<{ readonly page: number; readonly text: string }>();
  const id = useId();
  // The latest reader: a new one (the same scope derived again) reads the next page asked for, not this one again.
  const reader = useRef(pageOf);
  useEffect(() => {
    reader.current = pageOf;
  }, [pageOf]);

  useEffect(() => {
    let live = true;
    reader.current(page).then(
      (list) => live && setShown({ page, list }),
      (e: unknown) => live && setError({ page, text: `Could not read the affected decisions: ${message(e)}` }),
    );
    return () => {
      live = false;
    };
  }, [page]);

  const list = shown?.list;
  const from = shown ? shown.page * shown.list.pageSize : 0;
  const last = list ? from + list.decisions.length : 0;
  return (
    <section className="stack" aria-labelledby={`${id}-heading`} aria-busy={shown?.page !== page}>
      <h3 id={`${id}-heading`}>Affected decisions</h3>
      <div className="actions" style={{ alignItems: 'center' }}>
        <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
          Previous page
        </button>
        <button
          type="button"
          disabled={!list || last >= total || list.decisions.length < list.pageSize}
          onClick={() => setPage(page + 1)}
        >
          Next page
        </button>
        {list && (
          <span className="muted small" data-testid="affected-range">
            {list.decisions.length === 0
              ? `No decisions on this page of ${n(total)}.`
              : `Decisions ${n(from + 1)}–${n(last)} of ${n(total)}, in time order`}
          </span>
        )}
      </div>
      {list && list.decisions.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" aria-labelledby={`${id}-heading`}>
            <thead>
              <tr>
                <th scope="col">Decision</th>
                <th scope="col">Time</th>
                <th scope="col">Subject</th>
                <th scope="col">Model</th>
                <th scope="col">Action</th>
                <th scope="col" className="mono">
                  {featureName}
                </th>
                <th scope="col">Feature version</th>
              </tr>
            </thead>
            <tbody>
              {list.decisions.map((d) => {
                const feature = d.features.find((f) => f.name === featureName);
                return (
                  <tr key={`${d.model.name}\u0000${d.decisionId}`} data-testid="affected-decision">
                    <td className="mono">{d.decisionId}</td>
                    <td>
                      <Time value={d.timestamp} />
                    </td>
                    <td className="mono">{d.subjectId ?? '—'}</td>
                    <td className="mono">{modelLabel(d)}</td>
                    <td>{d.action ?? '—'}</td>
                    <td className="mono">{valueText(feature?.value)}</td>
                    <td className="mono">{feature?.featureVersion ?? '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {error?.page === page && (
        <p className="notice error" role="alert">
          {error.text}
        </p>
      )}
    </section>
  );
}
