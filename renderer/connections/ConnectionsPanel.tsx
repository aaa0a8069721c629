import { useEffect, useState } from 'react';
import type {
  ConnectionList,
  ConnectionSaveRequest,
  ConnectionTest,
  SavedConnection,
} from '../../shared/ipc/connection-channels';
import { getApi } from '../api';
import { currentActor } from '../case/reviewer-store';
import { db } from '../db/instance';
import { logMappingChange } from '../db/mapping-change-log';
import { useCaseLog } from '../stores/case-log-store';
import { ConnectionDecisions } from './ConnectionDecisions';
import { ConnectionForm } from './ConnectionForm';
import { secretsSentence, testSentence } from './connection-text';
import './connections.css';

/**
 * A connection's changed mapping, as an entry in the log of each case opened on it (mapping-change-log.ts); the open
 * case's log is read again when it is one. Throws naming the cases whose log did not take it (the save stands).
 */
async function logConnectionMapping(saved: SavedConnection, before: SavedConnection['mapping']): Promise<void> {
  const act = { time: new Date().toISOString(), actor: currentActor() };
  const { logged, unlogged } = await logMappingChange(db, { connection: saved }, before, saved.mapping, act);
  const open = useCaseLog.getState().caseId;
  if (open && logged.includes(open)) await useCaseLog.getState().load(open);
  if (unlogged.length > 0)
    throw new Error(
      unlogged
        .map((u) => `The changed mapping of ${saved.name} is not in case ${u.caseId}'s log: ${u.reason}`)
        .join(' '),
    );
}

/**
 * Saved warehouse connections: decision logs read where they live (a PostgreSQL table, a Parquet file or folder), each
 * tested for its decisions per model and the engine's answer time. The main process keeps the passwords.
 */
export function ConnectionsPanel({ web }: { readonly web: boolean }) {
  const [list, setList] = useState<ConnectionList>();
  const [editing, setEditing] = useState<SavedConnection>();
  // A new form (empty fields) after each save.
  const [saves, setSaves] = useState(0);
  const [tests, setTests] = useState<Readonly<Record<string, ConnectionTest | 'testing'>>>({});
  const [busy, setBusy] = useState(false);
  // The connection whose decisions are shown, to open a case on one.
  const [browsing, setBrowsing] = useState<string>();
  const [error, setError] = useState<string>();

  const refresh = async () => setList(await getApi().invoke('connections:list', {}));
  useEffect(() => {
    getApi()
      .invoke('connections:list', {})
      .then(setList)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const save = (request: ConnectionSaveRequest) =>
    act(async () => {
      const before = editing;
      const saved = await getApi().invoke('connections:save', request);
      setEditing(undefined);
      setSaves((n) => n + 1);
      await refresh();
      if (before) await logConnectionMapping(saved, before.mapping);
    });
  const remove = (c: SavedConnection) =>
    act(async () => {
      await getApi().invoke('connections:remove', { id: c.id });
      await refresh();
    });
  const test = async (c: SavedConnection) => {
    setTests((t) => ({ ...t, [c.id]: 'testing' }));
    const result = await getApi()
      .invoke('connections:test', { id: c.id })
      .catch((e: unknown): ConnectionTest => ({ ok: false, reason: e instanceof Error ? e.message : String(e) }));
    setTests((t) => ({ ...t, [c.id]: result }));
  };

  return (
    <section className="card connections-panel" aria-labelledby="connections-heading">
      <h2 id="connections-heading">Warehouse connections</h2>
      <p className="muted">
        Decision logs read where they live, never copied: a PostgreSQL table or a Parquet file or folder. The command
        line investigates them with <code>--source</code> (docs/warehouses.md); here, “Investigate in” opens a case on
        one of their decisions, with the other evidence imported in the app.
      </p>
      {list && <p className="notice">{secretsSentence(list.secrets, web)}</p>}
      {list && list.connections.length === 0 && <p className="empty">No saved connections.</p>}
      <ul className="connection-list">
        {list?.connections.map((c) => {
          const t = tests[c.id];
          return (
            <li key={c.id} data-testid="connection-row">
              <div className="connection-head">
                <strong>{c.name}</strong> <code>{c.location}</code>{' '}
                <span className="muted small">
                  {c.hasSecret ? 'password kept' : 'no password'} ·{' '}
                  {c.mapping ? 'its column mapping' : 'mapping suggested from the column names'}
                </span>
              </div>
              <div className="actions">
                <button type="button" disabled={t === 'testing'} onClick={() => void test(c)}>
                  Test {c.name}
                </button>
                <button
                  type="button"
                  aria-expanded={browsing === c.id}
                  onClick={() => setBrowsing(browsing === c.id ? undefined : c.id)}
                >
                  Investigate in {c.name}
                </button>
                <button type="button" disabled={busy} onClick={() => setEditing(c)}>
                  Edit {c.name}
                </button>
                <button type="button" disabled={busy} onClick={() => void remove(c)}>
                  Remove {c.name}
                </button>
              </div>
              <p aria-live="polite" className={t && t !== 'testing' && !t.ok ? 'notice error' : 'muted small'}>
                {t === 'testing' ? 'Testing…' : t ? testSentence(t) : ''}
              </p>
              {browsing === c.id && <ConnectionDecisions connection={c} />}
            </li>
          );
        })}
      </ul>
      <ConnectionForm
        key={editing?.id ?? `new-${saves}`}
        editing={editing}
        busy={busy}
        onSave={(r) => void save(r)}
        onCancel={() => setEditing(undefined)}
      />
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
