/** Messages between the open case and the investigation engine's worker. */
import type { DiffCache } from '../stores/suspect-diffs';

export interface EngineRequest {
  readonly requestId: number;
  /** The store the worker reads the evidence from (the case's sources; read once per source list). */
  readonly dbName: string;
  readonly sourceIds: ReadonlyArray<string>;
  /** Which evidence the case screen loaded for them: a new one (the case reopened) is read again. */
  readonly evidenceGeneration: number;
  readonly decisionId: string;
  readonly featureName: string;
  readonly onset?: string;
  readonly notifyThreshold?: number;
  /** The changed lines read from Git so far (small: the top suspects' diffs). */
  readonly diffs?: DiffCache;
}

export type EngineResponse =
  /** `results`: the DerivedResults with their decisions as ids (results-transfer.ts). */
  | { readonly requestId: number; readonly ok: true; readonly results: unknown }
  | { readonly requestId: number; readonly ok: false; readonly error: string };
