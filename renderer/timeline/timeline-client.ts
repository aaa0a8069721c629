/**
 * Builds the open case's evidence timeline off the UI thread: in the engine's worker, which holds the case's evidence
 * already (read from the store once for the engine and the timeline), or — where no worker runs — on the main thread
 * after the current frame, recorded with its reason like the engine's (worker-status.ts). The timeline comes back
 * indexed for the filter (timeline-index.ts), as columns (timeline-transfer.ts). The last answer is kept: opening the timeline again answers at once.
 */
import type { EvidenceSet } from '../../shared/model/evidence-set';
import type { TimelineAnalysis } from '../../shared/timeline/evidence-timeline';
import { buildIndexedTimeline, type IndexedTimeline } from '../../shared/timeline/timeline-index';
import { unpackTimeline } from '../../shared/timeline/timeline-transfer';
import type { LineageDb } from '../db/lineage-db';
import { askWorker, engineWorker, generationOf, nextRequestId, workerFailureReason } from '../engine/engine-client';
import type { TimelineRequest, TimelineResponse } from '../engine/engine-worker-protocol';
import { recordRan } from '../engine/worker-status';

export interface CaseTimelineRequest {
  readonly db: LineageDb;
  readonly sourceIds: ReadonlyArray<string>;
  /** The evidence the case screen holds (the same records the worker reads from `db`). */
  readonly evidence: EvidenceSet;
  readonly analysis: TimelineAnalysis;
}

let last: { evidence: EvidenceSet; analysis: TimelineAnalysis; timeline: Promise<IndexedTimeline> } | undefined;

/** The same evidence and the same analysis objects (the engine's results are replaced, never changed in place). */
const sameRequest = (r: CaseTimelineRequest) =>
  last !== undefined &&
  last.evidence === r.evidence &&
  last.analysis.decision === r.analysis.decision &&
  last.analysis.onset === r.analysis.onset &&
  last.analysis.suspects === r.analysis.suspects &&
  last.analysis.recovery === r.analysis.recovery;

function onMainThread(r: CaseTimelineRequest): Promise<IndexedTimeline> {
  recordRan('engine', { thread: 'main', reason: workerFailureReason() });
  return new Promise((resolve) => setTimeout(() => resolve(buildIndexedTimeline(r.evidence, r.analysis)), 0));
}

function inWorker(w: Worker, r: CaseTimelineRequest): Promise<IndexedTimeline> {
  const request: TimelineRequest = {
    type: 'timeline',
    requestId: nextRequestId(),
    dbName: r.db.name,
    sourceIds: [...r.sourceIds],
    evidenceGeneration: generationOf(r.evidence),
    analysis: { ...r.analysis },
  };
  return askWorker<TimelineResponse, IndexedTimeline>(
    w,
    request,
    (data) => unpackTimeline(data.timeline),
    () => onMainThread(r),
  );
}

/** The case's timeline, indexed, built off the render path; the same request again answers the kept promise. */
export function requestTimeline(r: CaseTimelineRequest): Promise<IndexedTimeline> {
  if (last && sameRequest(r)) return last.timeline;
  const w = engineWorker();
  const timeline = w ? inWorker(w, r) : onMainThread(r);
  last = { evidence: r.evidence, analysis: r.analysis, timeline };
  // A failed build is not kept: the next opening asks again.
  timeline.catch(() => {
    if (last?.timeline === timeline) last = undefined;
  });
  return timeline;
}
