/**
 * The handlers of the saved warehouse connections (shared/ipc/connection-channels.ts): list, save, remove, and test —
 * open the decision log where it lives, count its decisions per model and time the engine's answer, and count the rows
 * that repeat a decision already logged. A test that
 * fails says why, naming the location without its password.
 */
import type { IpcHandlers } from '../../shared/ipc/contract.js';
import type { ConnectionStore } from '../warehouse/connection-store.js';
import { openDecisionSource } from '../warehouse/decision-source.js';
import { describeSource } from '../warehouse/describe-source.js';

export function createConnectionHandlers(
  store: ConnectionStore,
): Pick<IpcHandlers, 'connections:list' | 'connections:save' | 'connections:remove' | 'connections:test'> {
  return {
    async 'connections:list'() {
      return { connections: await store.list(), secrets: store.secrets };
    },
    'connections:save': (request) => store.save(request),
    async 'connections:remove'({ id }) {
      return { removed: await store.remove(id) };
    },
    async 'connections:test'({ id }) {
      const openable = await store.openable(id);
      if (openable === undefined) throw new Error(`No saved connection ${id}.`);
      try {
        const source = await openDecisionSource(openable.spec, openable.mapping);
        try {
          const d = await describeSource(source);
          return {
            ok: true,
            engine: d.engine,
            decisions: d.decisions,
            models: d.models,
            mapping: d.mapping,
            latencyMs: d.latencyMs,
            ...(d.copies.length > 0 && { copies: d.copies }),
            ...(d.repeated.rows > 0 && { repeated: d.repeated }),
          };
        } finally {
          await source.close();
        }
      } catch (error) {
        return { ok: false, reason: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
