import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testEvidence } from '../../shared/analysis/test-evidence';
import { decisionKey } from '../../shared/model/decision-key';
import type { LineageDb } from '../db/lineage-db';
import { indexDecisions } from '../stores/decision-index';
import { deriveResults } from '../stores/derive';
import type { EngineRequest } from './engine-worker-protocol';
import { packDecisions } from './results-transfer';
import { WorkerThreadLines } from './WorkerThreadNotice';

const set = testEvidence();
const decision = set.decisions[set.decisions.length - 1]!;
const featureName = decision.features[0]!.name;
const byKey = indexDecisions(set.decisions);
const request = () => ({
  db: { name: 'engine-client-test' } as LineageDb,
  sourceIds: ['s'],
  evidence: set,
  decision,
  featureName,
  decisionOf: (key: string) => byKey.get(key),
});

/** A stand-in for the browser's Worker: answers like engine.worker.ts, or fails as a script that cannot load. */
function fakeWorker(behaviour: 'answers' | 'cannot-load') {
  return class extends EventTarget {
    postMessage(data: EngineRequest) {
      setTimeout(() => {
        if (behaviour === 'cannot-load') this.dispatchEvent(new Event('error'));
        else {
          const asked = byKey.get(decisionKey({ decisionId: data.decisionId, model: { name: data.decisionModel } }));
          const results = packDecisions(deriveResults(set, asked!, data.featureName));
          this.dispatchEvent(new MessageEvent('message', { data: { requestId: data.requestId, ok: true, results } }));
        }
      }, 0);
    }
  };
}

/** A fresh client and status (their module state holds the worker and where it ran). */
async function client() {
  vi.resetModules();
  const engine = await import('./engine-client');
  const status = await import('./worker-status');
  const where = () => status.useWorkerStatus.getState().ran.engine;
  const header = () => renderToStaticMarkup(<WorkerThreadLines engine={where()} />);
  return { requestDerived: engine.requestDerived, where, header };
}

const expected = deriveResults(set, decision, featureName);
beforeEach(() => vi.unstubAllGlobals());
afterEach(() => vi.unstubAllGlobals());

describe('where the analysis runs', () => {
  it('runs in the worker when one starts, and the step header says nothing', async () => {
    vi.stubGlobal('Worker', fakeWorker('answers'));
    const { requestDerived, where, header } = await client();
    const results = await requestDerived(request());
    expect(results.engine?.suspects.suspects.map((s) => s.id)).toEqual(
      expected.engine?.suspects.suspects.map((s) => s.id),
    );
    expect(where()).toEqual({ thread: 'worker' });
    expect(header()).toContain('data-analysis-thread="worker"');
    expect(header()).not.toContain('main thread');
  });

  it('says so in the step header when the worker script cannot load, and still answers', async () => {
    vi.stubGlobal('Worker', fakeWorker('cannot-load'));
    const { requestDerived, where, header } = await client();
    const results = await requestDerived(request());
    expect(results.engine?.suspects.suspects[0]?.id).toBe(expected.engine?.suspects.suspects[0]?.id);
    expect(where()).toEqual({ thread: 'main', reason: 'its script could not be loaded or failed as it started' });
    expect(header()).toContain(
      'Analysis running on the main thread: the worker could not start: its script could not be loaded',
    );
  });

  it('names the reason when the window has no workers at all', async () => {
    vi.stubGlobal('Worker', undefined);
    const { requestDerived, where, header } = await client();
    await requestDerived(request());
    expect(where()).toEqual({ thread: 'main', reason: 'this window has no Web Workers' });
    expect(header()).toContain('data-analysis-thread="main"');
    expect(header()).toContain('the worker could not start: this window has no Web Workers');
  });
});
