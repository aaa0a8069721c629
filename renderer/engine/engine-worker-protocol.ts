/** Messages between the open case and the investigation engine's worker. */
import type { TimelineAnalysis } from '../../shared/timeline/evidence-timeline';
import type { TimelineQuery, TimelineSlice, TimelineSummary } from '../timeline/timeline-viewer';
import type { DiffCache } from '../stores/suspect-diffs';

/** Which evidence the worker reads: it reads it once per source list and keeps it for every kind of request. */
export interface EvidenceRequest {
  readonly requestId: number;
  /** The store the worker reads the evidence from (the case's sources; read once per source list). */
  readonly dbName: string;
  readonly sourceIds: ReadonlyArray<string>;
  /** Which evidence the case screen loaded for them: a new one (the case reopened) is read again. */
  readonly evidenceGeneration: number;
}

export interface EngineRequest extends EvidenceRequest {
  readonly type?: 'engine';
  readonly decisionId: string;
  /** The decision's model: two models' logs can share a decision id. */
  readonly decisionModel: string;
  readonly featureName: string;
  readonly onset?: string;
  readonly notifyThreshold?: number;
  /** The changed lines read from Git so far (small: the top suspects' diffs). */
  readonly diffs?: DiffCache;
}

/**
 * The case's evidence timeline, built and indexed in the worker from the evidence it holds, and kept there: the
 * answer is its summary; the window then asks for what it shows (TimelineViewRequest) by this request's id.
 */
export interface TimelineRequest extends EvidenceRequest {
  readonly type: 'timeline';
  /** What the engine answered on the window's side (small: the decision, onset, suspects and recovery). */
  readonly analysis: TimelineAnalysis;
}

/** What the window shows of a timeline the worker keeps: the rows in view, the axis, the selected entry. */
export interface TimelineViewRequest {
  readonly type: 'timeline-view';
  readonly requestId: number;
  /** The id of the `timeline` request that built it. */
  readonly timelineId: number;
  readonly query: TimelineQuery;
}

export type WorkerRequest = EngineRequest | TimelineRequest | TimelineViewRequest;

type Failed = { readonly requestId: number; readonly ok: false; readonly error: string };

export type EngineResponse =
  /** `results`: the DerivedResults with their decisions as ids (results-transfer.ts). */
  { readonly requestId: number; readonly ok: true; readonly results: unknown } | Failed;

export type TimelineResponse =
  { readonly requestId: number; readonly ok: true; readonly summary: TimelineSummary } | Failed;

export type TimelineViewResponse =
  { readonly requestId: number; readonly ok: true; readonly slice: TimelineSlice } | Failed;
