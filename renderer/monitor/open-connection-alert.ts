/**
 * "Open a case" on an alert of a saved connection: the alert's representative decision read from the connection
 * (`connections:decision`) and a case opened on it where its log lives (connection-case.ts), the alert recorded in the
 * case's activity chain. The onset is preset to the decision's time, as for an imported log (open-alert-case.ts): the
 * engine that holds the log takes a given onset as the in-memory engine does (pushed-onset.ts), reading only the
 * decisions either side of it.
 */
import type { SavedConnection } from '../../shared/ipc/connection-channels';
import { openConnectionCase } from '../connections/connection-case';
import { connectionDecision } from '../connections/connection-derive';
import { useCases } from '../stores/cases-store';
import type { MonitorAlert } from './monitor-view';
import { presetOnset, recordAlert } from './open-alert-case';

export async function openConnectionAlertCase(connection: SavedConnection, alert: MonitorAlert): Promise<string> {
  const wanted = alert.representative;
  if (!wanted) throw new Error(`No decision with outcome ${alert.outcome} since ${alert.start}.`);
  // The decision of the alert's model: one of another model with the same id is refused, naming both models.
  const decision = await connectionDecision(connection, wanted.decisionId, alert.model);
  if (!decision) throw new Error(`${wanted.decisionId} cannot be read in ${connection.name}`);
  const id = await openConnectionCase(connection, decision);
  await recordAlert(id, alert, `onset preset to ${decision.timestamp}, estimated there from ${connection.name}`);
  // As `watch` suggests: the onset is the representative decision's time.
  await presetOnset(id, decision.timestamp);
  await useCases.getState().refresh();
  useCases.getState().openCase(id);
  return id;
}
