/**
 * The handler of `monitor:connection` (shared/ipc/monitor-channels.ts): `watch` over a saved connection's decision
 * log where it lives — the same readers, test and thresholds as `lineage-investigator watch` (by day, shifts under
 * one point left out) — labelled by the connection's name. A log that cannot be opened is named without its password.
 */
import type { IpcHandlers } from '../../shared/ipc/contract.js';
import type { ConnectionStore } from '../warehouse/connection-store.js';
import { openDecisionSource } from '../warehouse/decision-source.js';
import { watchAlerts } from '../warehouse/watch-alerts.js';
import { sqlWatchReader } from '../warehouse/watch-reader.js';

/** `watch`'s defaults: `--bin day --min-size 1`. */
const MONITOR_WATCH = { bin: 'day', minSize: 0.01 } as const;

export function createMonitorHandlers(store: ConnectionStore): Pick<IpcHandlers, 'monitor:connection'> {
  return {
    async 'monitor:connection'({ id }) {
      const saved = (await store.list()).find((c) => c.id === id);
      const openable = await store.openable(id);
      if (saved === undefined || openable === undefined) throw new Error(`No saved connection ${id}.`);
      const source = await openDecisionSource(openable.spec, openable.mapping);
      try {
        const { alerts, series } = await watchAlerts([sqlWatchReader(source)], MONITOR_WATCH);
        return { name: saved.name, alerts, series };
      } finally {
        await source.close();
      }
    },
  };
}
