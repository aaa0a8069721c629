import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testEvidence } from '../../shared/analysis/test-evidence';
import { buildTimeline } from '../../shared/timeline/evidence-timeline';
import { buildIndexedTimeline } from '../../shared/timeline/timeline-index';
import type { LineageDb } from '../db/lineage-db';
import type {
  EngineRequest,
  TimelineRequest,
  TimelineViewRequest,
  WorkerRequest,
} from '../engine/engine-worker-protocol';
import { decisionKey } from '../../shared/model/decision-key';
import { indexDecisions } from '../stores/decision-index';
import { deriveResults } from '../stores/derive';
import { packDecisions } from '../engine/results-transfer';
import { summarizeTimeline, timelineViewer, type TimelineQuery, type TimelineSlice } from './timeline-viewer';

const set = testEvidence();
const decision = set.decisions.find((d) => d.decisionId === 'd-23')!;
const byKey = indexDecisions(set.decisions);
const db = { name: 'timeline-client-test' } as LineageDb;
let posted: WorkerRequest[] = [];

/** A stand-in for the engine's worker: answers every kind of request like engine.worker.ts, or cannot load. */
function fakeWorker(behaviour: 'answers' | 'cannot-load') {
  const timelines = new Map<number, (q: TimelineQuery) => TimelineSlice>();
  const answerOf = (data: WorkerRequest) => {
    if (data.type === 'timeline-view') return { slice: timelines.get(data.timelineId)!(data.query) };
    if (data.type !== 'timeline') {
      const asked = byKey.get(decisionKey({ decisionId: data.decisionId, model: { name: data.decisionModel } }));
      return { results: packDecisions(deriveResults(set, asked!, data.featureName)) };
    }
    const timeline = buildIndexedTimeline(set, data.analysis);
    timelines.set(data.requestId, timelineViewer(timeline));
    return { summary: summarizeTimeline(timeline) };
  };
  return class extends EventTarget {
    postMessage(data: WorkerRequest) {
      posted.push(data);
      setTimeout(() => {
        if (behaviour === 'cannot-load') return void this.dispatchEvent(new Event('error'));
        const answer = answerOf(data);
        this.dispatchEvent(new MessageEvent('message', { data: { requestId: data.requestId, ok: true, ...answer } }));
      }, 0);
    }
  };
}

/** Fresh clients and status (their module state holds the worker, the last answer and where it ran). */
async function clients() {
  vi.resetModules();
  const engine = await import('../engine/engine-client');
  const timeline = await import('./timeline-client');
  const status = await import('../engine/worker-status');
  return { ...engine, ...timeline, where: () => status.useWorkerStatus.getState().ran.engine };
}

beforeEach(() => {
  vi.unstubAllGlobals();
  posted = [];
});
afterEach(() => vi.unstubAllGlobals());

describe('where the timeline is built', () => {
  it("in the engine's worker, beside an engine request, each answer reaching its own caller", async () => {
    vi.stubGlobal('Worker', fakeWorker('answers'));
    const { requestDerived, requestTimeline, where } = await clients();
    const derived = requestDerived({
      db,
      sourceIds: ['s'],
      evidence: set,
      decision,
      featureName: 'flag',
      decisionOf: (key) => byKey.get(key),
    });
    const analysis = { decision };
    const timeline = await requestTimeline({ db, sourceIds: ['s'], evidence: set, analysis });
    expect((await derived).engine?.decision.decisionId).toBe('d-23');
    const built = buildTimeline(set, analysis).entries;
    expect(timeline.summary.entries).toBe(built.length);
    // One worker: the two requests went to it with the same evidence generation and different ids.
    const [engine, opened] = posted as [EngineRequest, TimelineRequest];
    expect([engine.type ?? 'engine', opened.type]).toEqual(['engine', 'timeline']);
    expect(engine.evidenceGeneration).toBe(opened.evidenceGeneration);
    expect(engine.requestId).not.toBe(opened.requestId);
    expect(where()).toEqual({ thread: 'worker' });
    // The window receives the rows it asks for, from the timeline the worker keeps, and the decision among them.
    const query = { filter: {}, width: 600, start: 3, count: 5 };
    const slice = await timeline.view(query);
    expect(slice.total).toBe(built.length);
    expect(slice.rows.map((e) => e.id)).toEqual(built.slice(3, 8).map((e) => e.id));
    const onlyDecision = await timeline.view({ ...query, start: 0, filter: { kinds: new Set(['decision'] as const) } });
    expect(onlyDecision.rows.map((e) => e.title)).toEqual([expect.stringContaining('d-23')]);
    expect(posted.filter((p) => p.type === 'timeline-view').map((p) => (p as TimelineViewRequest).timelineId)).toEqual([
      opened.requestId,
      opened.requestId,
    ]);
    // Asked again for the same evidence and analysis: the kept answer, no new request.
    await requestTimeline({ db, sourceIds: ['s'], evidence: set, analysis });
    expect(posted).toHaveLength(4);
  });

  it('on the main thread, saying why, when the worker cannot load', async () => {
    vi.stubGlobal('Worker', fakeWorker('cannot-load'));
    const { requestTimeline, where } = await clients();
    const timeline = await requestTimeline({ db, sourceIds: ['s'], evidence: set, analysis: {} });
    expect(timeline.summary.facets.kinds.get('deployment')).toBe(set.deployments.length);
    const deployments = await timeline.view({
      filter: { kinds: new Set(['deployment'] as const) },
      width: 600,
      start: 0,
      count: 100,
    });
    expect(deployments.rows).toHaveLength(set.deployments.length);
    expect(where()).toEqual({ thread: 'main', reason: 'its script could not be loaded or failed as it started' });
  });
});
