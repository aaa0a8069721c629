/**
 * The decision logs of saved connections, kept open while the app runs: one engine per connection (DuckDB over the
 * files, or a PostgreSQL session), opened on first use, opened again when the connection's location changed, and
 * closed when the connection is removed. The engine answers one query at a time.
 */
import { openDecisionSource, type DecisionSource } from './decision-source.js';
import type { ConnectionStore } from './connection-store.js';
import type { SqlEngine } from './sql-engine.js';

export interface OpenConnections {
  /** The decision log of the saved connection `id`, open; throws naming what is wrong (never with a password). */
  source(id: string): Promise<DecisionSource>;
  /** The connection's name, for messages. */
  name(id: string): Promise<string>;
  /** Closes the connection's engine, if open. */
  close(id: string): Promise<void>;
  closeAll(): Promise<void>;
}

/** `engine` answering one query at a time, in the order they were asked (an embedded DuckDB has one connection). */
function oneAtATime(engine: SqlEngine): SqlEngine {
  let last: Promise<unknown> = Promise.resolve();
  const queued = <T>(work: () => Promise<T>): Promise<T> => {
    const next = last.then(work, work);
    last = next.catch(() => undefined);
    return next;
  };
  return { ...engine, columns: () => queued(() => engine.columns()), query: (q) => queued(() => engine.query(q)) };
}

export function openConnections(store: ConnectionStore): OpenConnections {
  const open = new Map<string, { readonly opened: string; readonly source: Promise<DecisionSource> }>();
  const close = async (id: string) => {
    const held = open.get(id);
    open.delete(id);
    const source = await held?.source.catch(() => undefined);
    await source?.close();
  };
  return {
    async source(id) {
      const openable = await store.openable(id);
      if (openable === undefined) {
        await close(id);
        throw new Error(`No saved connection ${id}.`);
      }
      // Opened again when the location or the mapping changed.
      const opened = JSON.stringify(openable);
      const held = open.get(id);
      if (held?.opened === opened) return held.source;
      if (held) await close(id);
      const source = openDecisionSource(openable.spec, openable.mapping).then((s) => ({
        ...s,
        engine: oneAtATime(s.engine),
      }));
      open.set(id, { opened, source });
      // A log that could not be opened is not kept: the next request tries again.
      source.catch(() => {
        if (open.get(id)?.source === source) open.delete(id);
      });
      return source;
    },
    async name(id) {
      return (await store.list()).find((c) => c.id === id)?.name ?? id;
    },
    close,
    async closeAll() {
      for (const id of [...open.keys()]) await close(id);
    },
  };
}
