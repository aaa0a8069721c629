/**
 * The investigation engine's worker: reads the case's evidence from IndexedDB itself, once per source list (the
 * evidence never crosses threads), and derives the steps' results, so the window stays responsive while the engine
 * runs over a million decisions. The results go back with their decisions as ids (results-transfer.ts). It also
 * builds and indexes the case's evidence timeline from the same evidence and keeps it: the window receives its
 * summary, then only what it shows (timeline-viewer.ts).
 */
/// <reference lib="webworker" />
import type { EvidenceSet } from '../../shared/model/evidence-set';
import { decisionKey } from '../../shared/model/decision-key';
import type { Decision } from '../../shared/model/records';
import { LineageDb } from '../db/lineage-db';
import { memoizeDerive } from '../stores/derive';
import { indexDecisions } from '../stores/decision-index';
import { diffOfCache } from '../stores/suspect-diffs';
import { buildIndexedTimeline } from '../../shared/timeline/timeline-index';
import { summarizeTimeline, type TimelineQuery, type TimelineSlice, timelineViewer } from '../timeline/timeline-viewer';
import type {
  EngineRequest,
  EngineResponse,
  EvidenceRequest,
  TimelineRequest,
  TimelineResponse,
  TimelineViewRequest,
  TimelineViewResponse,
  WorkerRequest,
} from './engine-worker-protocol';
import { packDecisions } from './results-transfer';
import { loadEvidence } from '../db/load-evidence';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const databases = new Map<string, LineageDb>();
const derive = memoizeDerive();
let loaded: { key: string; evidence: Promise<{ set: EvidenceSet; byKey: Map<string, Decision> }> } | undefined;
/** The timelines kept, by the id of the request that built them: the last two (one shown while the next is built). */
const timelines = new Map<number, (q: TimelineQuery) => TimelineSlice>();
const KEPT_TIMELINES = 2;
let diffs: { key?: string; diffOf?: ReturnType<typeof diffOfCache>; size: number } = { size: 0 };

const evidenceKey = (data: EvidenceRequest) => JSON.stringify([data.dbName, data.sourceIds, data.evidenceGeneration]);

function evidenceOf(data: EvidenceRequest) {
  const key = evidenceKey(data);
  if (loaded?.key === key) return loaded.evidence;
  let db = databases.get(data.dbName);
  if (!db) databases.set(data.dbName, (db = new LineageDb(data.dbName)));
  const evidence = loadEvidence(db, data.sourceIds).then((set) => ({
    set,
    byKey: indexDecisions(set.decisions),
  }));
  loaded = { key, evidence };
  // A failed read is not kept: the next request reads again.
  evidence.catch(() => {
    if (loaded?.evidence === evidence) loaded = undefined;
  });
  return evidence;
}

/**
 * One `diffOf` per distinct diff cache — an evidence set's cache only grows, so its size names it — so that the
 * memo sees the same function again and does not rank anew.
 */
function diffOfRequest(data: EngineRequest) {
  const cache = data.diffs;
  if (!cache || cache.size === 0) return undefined;
  const key = evidenceKey(data);
  if (diffs.key !== key || diffs.size !== cache.size || !diffs.diffOf)
    diffs = { key, diffOf: diffOfCache(cache), size: cache.size };
  return diffs.diffOf;
}

const failed = (data: { requestId: number }, error: unknown) => ({
  requestId: data.requestId,
  ok: false as const,
  error: error instanceof Error ? error.message : String(error),
});

async function answerTimeline(data: TimelineRequest) {
  let response: TimelineResponse;
  try {
    const { set } = await evidenceOf(data);
    const timeline = buildIndexedTimeline(set, data.analysis);
    timelines.set(data.requestId, timelineViewer(timeline));
    for (const id of timelines.keys()) if (timelines.size > KEPT_TIMELINES) timelines.delete(id);
    response = { requestId: data.requestId, ok: true, summary: summarizeTimeline(timeline) };
  } catch (error) {
    response = failed(data, error);
  }
  scope.postMessage(response);
}

function answerTimelineView(data: TimelineViewRequest) {
  const view = timelines.get(data.timelineId);
  const response: TimelineViewResponse = view
    ? { requestId: data.requestId, ok: true, slice: view(data.query) }
    : failed(data, new Error('This timeline is no longer kept: open the timeline again.'));
  scope.postMessage(response);
}

scope.onmessage = async ({ data }: MessageEvent<WorkerRequest>) => {
  if (data.type === 'timeline') return answerTimeline(data);
  if (data.type === 'timeline-view') return answerTimelineView(data);
  let response: EngineResponse;
  try {
    const { set, byKey } = await evidenceOf(data);
    const decision = byKey.get(decisionKey({ decisionId: data.decisionId, model: { name: data.decisionModel } }));
    if (!decision) throw new Error(`The evidence has no decision ${data.decisionId} of model ${data.decisionModel}.`);
    const options = { onset: data.onset, notifyThreshold: data.notifyThreshold, diffOf: diffOfRequest(data) };
    response = {
      requestId: data.requestId,
      ok: true,
      results: packDecisions(derive(set, decision, data.featureName, options)),
    };
  } catch (error) {
    response = failed(data, error);
  }
  scope.postMessage(response);
};
