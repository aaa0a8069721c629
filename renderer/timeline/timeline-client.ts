/**
 * Builds the open case's evidence timeline off the UI thread: in the engine's worker, which holds the case's evidence
 * already (read from the store once for the engine and the timeline), or — where no worker runs — on the main thread
 * after the current frame, recorded with its reason like the engine's (worker-status.ts). The timeline stays where it
 * was built: the window receives its summary and asks for what it shows (timeline-viewer.ts). The last answer is
 * kept: opening the timeline again answers at once.
 */
import type { EvidenceSet } from '../../shared/model/evidence-set';
import type { TimelineAnalysis } from '../../shared/timeline/evidence-timeline';
import { buildIndexedTimeline } from '../../shared/timeline/timeline-index';
import type { LineageDb } from '../db/lineage-db';
import { askWorker, engineWorker, generationOf, nextRequestId, workerFailureReason } from '../engine/engine-client';
import type {
  TimelineRequest,
  TimelineResponse,
  TimelineViewRequest,
  TimelineViewResponse,
} from '../engine/engine-worker-protocol';
import { recordRan } from '../engine/worker-status';
import {
  summarizeTimeline,
  type TimelineQuery,
  type TimelineSlice,
  type TimelineSummary,
  timelineViewer,
} from './timeline-viewer';

export interface CaseTimelineRequest {
  readonly db: LineageDb;
  readonly sourceIds: ReadonlyArray<string>;
  /** The evidence the case screen holds (the same records the worker reads from `db`). */
  readonly evidence: EvidenceSet;
  readonly analysis: TimelineAnalysis;
}

/** A built timeline: its summary, and what the window shows of it, asked where it is kept. */
export interface OpenTimeline {
  readonly summary: TimelineSummary;
  readonly view: (query: TimelineQuery) => Promise<TimelineSlice>;
}

let last: { evidence: EvidenceSet; analysis: TimelineAnalysis; timeline: Promise<OpenTimeline> } | undefined;

/** The same evidence and the same analysis objects (the engine's results are replaced, never changed in place). */
const sameRequest = (r: CaseTimelineRequest) =>
  last !== undefined &&
  last.evidence === r.evidence &&
  last.analysis.decision === r.analysis.decision &&
  last.analysis.onset === r.analysis.onset &&
  last.analysis.suspects === r.analysis.suspects &&
  last.analysis.recovery === r.analysis.recovery;

function onMainThread(r: CaseTimelineRequest): Promise<OpenTimeline> {
  recordRan('engine', { thread: 'main', reason: workerFailureReason() });
  return new Promise((resolve) =>
    setTimeout(() => {
      const timeline = buildIndexedTimeline(r.evidence, r.analysis);
      const view = timelineViewer(timeline);
      resolve({ summary: summarizeTimeline(timeline), view: (query) => Promise.resolve(view(query)) });
    }, 0),
  );
}

/** What the window shows of the timeline the worker built for `timelineId`; if the worker stops, of one built here. */
function viewInWorker(w: Worker, r: CaseTimelineRequest, timelineId: number) {
  let here: Promise<OpenTimeline> | undefined;
  return (query: TimelineQuery) => {
    if (here || engineWorker() !== w) return (here ??= onMainThread(r)).then((t) => t.view(query));
    const request: TimelineViewRequest = { type: 'timeline-view', requestId: nextRequestId(), timelineId, query };
    return askWorker<TimelineViewResponse, TimelineSlice>(
      w,
      request,
      (data) => data.slice,
      () => (here ??= onMainThread(r)).then((t) => t.view(query)),
    );
  };
}

function inWorker(w: Worker, r: CaseTimelineRequest): Promise<OpenTimeline> {
  const request: TimelineRequest = {
    type: 'timeline',
    requestId: nextRequestId(),
    dbName: r.db.name,
    sourceIds: [...r.sourceIds],
    evidenceGeneration: generationOf(r.evidence),
    analysis: { ...r.analysis },
  };
  return askWorker<TimelineResponse, OpenTimeline>(
    w,
    request,
    (data) => ({ summary: data.summary, view: viewInWorker(w, r, request.requestId) }),
    () => onMainThread(r),
  );
}

/** The case's timeline, built and kept off the render path; the same request again answers the kept promise. */
export function requestTimeline(r: CaseTimelineRequest): Promise<OpenTimeline> {
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
