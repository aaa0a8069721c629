import { type FormEvent, useEffect, useId, useState } from 'react';
import type { SavedConnection } from '../../shared/ipc/connection-channels';
import type { ConnectionDecisionsResponse } from '../../shared/ipc/connection-investigation-channels';
import { getApi } from '../api';
import { formatTime } from '../format/time';
import { selectOpenCase, selectRefresh, useCases } from '../stores/cases-store';
import { selectTimeZone, useSettings } from '../stores/settings-store';
import { openConnectionCase } from './connection-case';
import { connectionDecision } from './connection-derive';

const n = (x: number) => x.toLocaleString('en-US');
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * A saved connection's decisions, read where they live: find one by its id, or page through them (in time order,
 * 50 a page, each page one query), and open a case on it. Only the decisions the case cites are ever read whole.
 */
export function ConnectionDecisions({ connection }: { readonly connection: SavedConnection }) {
  const zone = useSettings(selectTimeZone);
  const openCase = useCases(selectOpenCase);
  const refresh = useCases(selectRefresh);
  const [page, setPage] = useState(0);
  const [list, setList] = useState<ConnectionDecisionsResponse>();
  const [decisionId, setDecisionId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const id = useId();

  useEffect(() => {
    let live = true;
    getApi()
      .invoke('connections:decisions', { id: connection.id, page })
      .then((r) => live && setList(r))
      .catch((e: unknown) => live && setError(message(e)));
    return () => {
      live = false;
    };
  }, [connection.id, page]);

  /** Opens a case on decision `wanted` (of `model`, from a listed row: a decision of another model is refused). */
  const open = async (wanted: string, model?: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const decision = await connectionDecision(connection, wanted, model);
      if (!decision) throw new Error(`${wanted} cannot be read in ${connection.name}`);
      const caseId = await openConnectionCase(connection, decision);
      await refresh();
      openCase(caseId);
    } catch (e) {
      setError(message(e));
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (decisionId.trim()) void open(decisionId.trim());
  };

  const from = list ? page * list.pageSize : 0;
  return (
    <div className="connection-decisions" role="region" aria-label={`Decisions in ${connection.name}`}>
      <form className="connection-find" onSubmit={submit}>
        <label htmlFor={`${id}-decision`}>Decision id</label>
        <input id={`${id}-decision`} value={decisionId} onChange={(e) => setDecisionId(e.target.value)} />
        <button type="submit" className="primary" disabled={busy || !decisionId.trim()}>
          Open a case on it
        </button>
      </form>
      {list && (
        <>
          <p className="muted small">
            {list.total === 0
              ? 'No decisions.'
              : `Decisions ${n(from + 1)}–${n(from + list.decisions.length)} of ${n(list.total)}, in time order`}
          </p>
          <table className="connection-decision-table">
            <thead>
              <tr>
                <th scope="col">Decision</th>
                <th scope="col">Time</th>
                <th scope="col">Model</th>
                <th scope="col">Subject</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {list.decisions.map((d) => (
                <tr key={JSON.stringify([d.model, d.decisionId])}>
                  <td>
                    <button
                      type="button"
                      className="link"
                      disabled={busy}
                      onClick={() => void open(d.decisionId, d.model)}
                    >
                      {d.decisionId}
                    </button>
                  </td>
                  <td>{formatTime(d.timestamp, zone)}</td>
                  <td>{d.model}</td>
                  <td>{d.subjectId ?? '—'}</td>
                  <td>{d.outcome ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
              Previous page
            </button>
            <button
              type="button"
              disabled={from + list.decisions.length >= list.total}
              onClick={() => setPage(page + 1)}
            >
              Next page
            </button>
          </div>
        </>
      )}
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
