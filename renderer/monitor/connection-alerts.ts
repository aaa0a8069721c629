/**
 * The Monitor over saved connections: for each, `watch`'s alerts computed where its decision log lives
 * (`monitor:connection`, only aggregates cross), in the shape of the alerts over the imported decisions.
 */
import type { SavedConnection } from '../../shared/ipc/connection-channels';
import type { ConnectionWatch } from '../../shared/ipc/monitor-channels';
import { getApi } from '../api';
import type { MonitorAlert } from './monitor-view';

export type ConnectionAlerts = { readonly connection: SavedConnection } & (
  { readonly alerts: MonitorAlert[] } | { readonly reason: string }
);

/** A connection's watch as the Monitor shows alerts: each with its series for the chart. */
export function alertsOfWatch(watch: ConnectionWatch): MonitorAlert[] {
  return watch.alerts.map(({ representativeDecision, newerThanSince: _n, ...a }) => ({
    ...a,
    representative: representativeDecision ?? undefined,
    series: watch.series.find((s) => s.model === a.model && s.version === a.version)!,
  }));
}

/** Every saved connection's alerts, or why it could not be read (unreachable, not a decision log). */
export async function loadConnectionAlerts(): Promise<ConnectionAlerts[]> {
  const { connections } = await getApi().invoke('connections:list', {});
  return Promise.all(
    connections.map(async (connection) => {
      try {
        return {
          connection,
          alerts: alertsOfWatch(await getApi().invoke('monitor:connection', { id: connection.id })),
        };
      } catch (e) {
        return { connection, reason: e instanceof Error ? e.message : String(e) };
      }
    }),
  );
}
