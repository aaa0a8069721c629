/**
 * The IPC channel of the Monitor over a saved connection: the outcome-rate series and the alerts `watch` finds in
 * a decision log where it lives (a Parquet file or folder, a PostgreSQL table), computed in the main process from
 * the engine's counts. Only aggregates cross: counts per model, version, day and outcome; no decision but each
 * alert's representative one, by id and time.
 */
import { z } from 'zod';
import type { WatchAlert, WatchedSeries } from '../analysis/watch';

/** An alert as `watch --json` prints it. */
export interface WatchedAlert extends WatchAlert {
  /** Decisions and distinct subjects of the series from the start on. */
  readonly decisions: number;
  readonly subjects: number;
  readonly newerThanSince: boolean;
  /** The first decision of the shift with its outcome: where to investigate it, its time the onset to preset. */
  readonly representativeDecision: { readonly decisionId: string; readonly timestamp: string } | null;
}

export interface ConnectionWatch {
  /** The saved connection's name. */
  readonly name: string;
  readonly alerts: ReadonlyArray<WatchedAlert>;
  readonly series: ReadonlyArray<WatchedSeries>;
}

export interface MonitorChannels {
  'monitor:connection': { request: { readonly id: string }; response: ConnectionWatch };
}

export const monitorSchemas = {
  'monitor:connection': z.object({ id: z.string().regex(/^[a-z0-9-]{1,64}$/, 'a connection id') }).strict(),
};
