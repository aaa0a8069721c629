import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testEvidence } from '../../shared/analysis/test-evidence';
import { buildTimeline } from '../../shared/timeline/evidence-timeline';
import { buildIndexedTimeline } from '../../shared/timeline/timeline-index';
import { packTimeline } from '../../shared/timeline/timeline-transfer';
import type { LineageDb } from '../db/lineage-db';
import type { WorkerRequest } from '../engine/engine-worker-protocol';
import { deriveResults } from '../stores/derive';
import { packDecisions } from '../engine/results-transfer';

const set = testEvidence();
const decision = set.decisions.find((d) => d.decisionId === 'd-23')!;
const byId = new Map(set.decisions.map((d) => [d.decisionId, d]));
const db = { name: 'timeline-client-test' } as LineageDb;
let posted: WorkerRequest[] = [];

/** A stand-in for the engine's worker: answers both kinds of request like engine.worker.ts, or cannot load. */
function fakeWorker(behaviour: 'answers' | 'cannot-load') {
  return class extends EventTarget {
    postMessage(data: WorkerRequest) {
      posted.push(data);
      setTimeout(() => {
        if (behaviour === 'cannot-load') return void this.dispatchEvent(new Event('error'));
        const answer =
          data.type === 'timeline'
            ? { timeline: packTimeline(buildIndexedTimeline(set, data.analysis)) }
            : { results: packDecisions(deriveResults(set, byId.get(data.decisionId)!, data.featureName)) };
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
      decisionOf: (id) => byId.get(id),
    });
    const analysis = { decision };
    const timeline = await requestTimeline({ db, sourceIds: ['s'], evidence: set, analysis });
    expect((await derived).engine?.decision.decisionId).toBe('d-23');
    expect(timeline.entries.map((e) => e.id)).toEqual(buildTimeline(set, analysis).entries.map((e) => e.id));
    expect(timeline.entries.some((e) => e.kind === 'decision')).toBe(true);
    // One worker: the two requests went to it with the same evidence generation and different ids.
    expect(posted.map((p) => p.type ?? 'engine')).toEqual(['engine', 'timeline']);
    expect(posted[0]!.evidenceGeneration).toBe(posted[1]!.evidenceGeneration);
    expect(posted[0]!.requestId).not.toBe(posted[1]!.requestId);
    expect(where()).toEqual({ thread: 'worker' });
    // Asked again for the same evidence and analysis: the kept answer, no new request.
    await requestTimeline({ db, sourceIds: ['s'], evidence: set, analysis });
    expect(posted).toHaveLength(2);
  });

  it('on the main thread, saying why, when the worker cannot load', async () => {
    vi.stubGlobal('Worker', fakeWorker('cannot-load'));
    const { requestTimeline, where } = await clients();
    const timeline = await requestTimeline({ db, sourceIds: ['s'], evidence: set, analysis: {} });
    expect(timeline.index.facets.kinds.get('deployment')).toBe(set.deployments.length);
    expect(where()).toEqual({ thread: 'main', reason: 'its script could not be loaded or failed as it started' });
  });
});
