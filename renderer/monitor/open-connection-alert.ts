/**
 * "Open a case" on an alert of a saved connection: the alert's representative decision read from the connection
 * (`connections:decision`) and a case opened on it where its log lives (connection-case.ts), the alert recorded in the
 * case's activity chain. The onset is not preset: the engine that holds the log estimates it there (a given onset
 * would make every step read the model's decisions); the alert's start and decision are in the annotation.
 */
import type { SavedConnection } from '../../shared/ipc/connection-channels';
import { getApi } from '../api';
import { openConnectionCase } from '../connections/connection-case';
import { useCases } from '../stores/cases-store';
import type { MonitorAlert } from './monitor-view';
import { recordAlert } from './open-alert-case';

export async function openConnectionAlertCase(connection: SavedConnection, alert: MonitorAlert): Promise<string> {
  const wanted = alert.representative;
  if (!wanted) throw new Error(`No decision with outcome ${alert.outcome} since ${alert.start}.`);
  const found = await getApi().invoke('connections:decision', { id: connection.id, decisionId: wanted.decisionId });
  if (!found.decision) throw new Error(found.reason ?? `${wanted.decisionId} cannot be read in ${connection.name}`);
  const id = await openConnectionCase(connection, found.decision);
  await recordAlert(
    id,
    alert,
    `onset left to the engine that holds the log in ${connection.name} (watch suggests ${wanted.timestamp})`,
  );
  await useCases.getState().refresh();
  useCases.getState().openCase(id);
  return id;
}
