/**
 * Derives the open case's results off the render path: in a worker that reads the case's evidence from the store
 * itself, or — where a worker cannot start — on the main thread after the current frame, which is recorded with
 * its reason (worker-status.ts) for the step's header to say. The last answer is kept: asking again for the same
 * decision, feature, options and diffs answers at once.
 */
import type { EvidenceSet } from '../../shared/model/evidence-set';
import { decisionKey } from '../../shared/model/decision-key';
import type { Decision } from '../../shared/model/records';
import type { LineageDb } from '../db/lineage-db';
import { memoizeDerive, type DerivedResults } from '../stores/derive';
import { diffOfCache, type DiffCache } from '../stores/suspect-diffs';
import type { EngineRequest, EngineResponse, WorkerRequest } from './engine-worker-protocol';
import { unpackDecisions } from './results-transfer';
import { recordRan, workerFailure } from './worker-status';

export interface DeriveRequest {
  readonly db: LineageDb;
  readonly sourceIds: ReadonlyArray<string>;
  /** The evidence the case screen holds (the same records the worker reads from `db`). */
  readonly evidence: EvidenceSet;
  readonly decision: Decision;
  readonly featureName: string;
  readonly onset?: string;
  readonly notifyThreshold?: number;
  readonly diffs?: DiffCache;
  /** The UI thread's own decision of a key (decision-key.ts): the worker's results name decisions by key. */
  readonly decisionOf: (key: string) => Decision | undefined;
}

let worker: Worker | null | undefined;
/** Why the worker cannot be used, once it failed to start or stopped (later requests run on the main thread). */
let failure = '';
let nextId = 1;
const generations = new WeakMap<EvidenceSet, number>();
let nextGeneration = 1;
const mainDerive = memoizeDerive();
const diffOfs = new WeakMap<DiffCache, ReturnType<typeof diffOfCache>>();
let last: { key: string; evidence: EvidenceSet; diffs?: DiffCache; results: DerivedResults } | undefined;

/** The engine's worker (started on first use), or null where it cannot run (then `workerFailureReason` says why). */
export function engineWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    if (typeof Worker === 'undefined') throw new Error('this window has no Web Workers');
    worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  } catch (error) {
    worker = null;
    failure = workerFailure(error);
  }
  return worker;
}

/** Why the worker cannot be used ('' while it can). */
export const workerFailureReason = () => failure;

/** Records that the worker stopped (its `error` event): later requests run on the main thread. */
function workerStopped(event: Event): void {
  worker = null;
  failure = workerFailure(event);
}

/** A request id no other request to the worker has. */
export const nextRequestId = () => nextId++;

/** The generation the worker knows `evidence` by: the same set is read from the store once. */
export function generationOf(evidence: EvidenceSet): number {
  let g = generations.get(evidence);
  if (g === undefined) generations.set(evidence, (g = nextGeneration++));
  return g;
}

const keyOf = (r: DeriveRequest) =>
  JSON.stringify([r.sourceIds, decisionKey(r.decision), r.featureName, r.onset ?? null, r.notifyThreshold]);

/** The results of the last request if this one asks the same, else undefined. */
export function knownResults(r: DeriveRequest): DerivedResults | undefined {
  return last && last.key === keyOf(r) && last.evidence === r.evidence && last.diffs === r.diffs
    ? last.results
    : undefined;
}

function onMainThread(r: DeriveRequest): Promise<DerivedResults> {
  recordRan('engine', { thread: 'main', reason: failure });
  let diffOf = r.diffs && diffOfs.get(r.diffs);
  if (r.diffs && !diffOf) diffOfs.set(r.diffs, (diffOf = diffOfCache(r.diffs)));
  const options = { onset: r.onset, notifyThreshold: r.notifyThreshold, diffOf: r.diffs?.size ? diffOf : undefined };
  return new Promise((resolve) => {
    setTimeout(() => resolve(mainDerive(r.evidence, r.decision, r.featureName, options)), 0);
  });
}

/**
 * Posts a request to the engine's worker and settles with its answer: `read` turns a successful response into the
 * result (it may throw), a failed one rejects with its error; if the worker stops instead, `fallback` answers (on the
 * main thread) and later requests run there too.
 */
export function askWorker<Response extends { requestId: number } & ({ ok: true } | { ok: false; error: string }), T>(
  w: Worker,
  request: WorkerRequest,
  read: (response: Response & { ok: true }) => T,
  fallback: () => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const done = () => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
    };
    const onMessage = ({ data }: MessageEvent<Response>) => {
      if (data.requestId !== request.requestId) return;
      done();
      recordRan('engine', { thread: 'worker' });
      if (!data.ok) return reject(new Error(data.error));
      try {
        resolve(read(data as Response & { ok: true }));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    const onError = (event: Event) => {
      done();
      workerStopped(event);
      fallback().then(resolve, reject);
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    w.postMessage(request);
  });
}

function inWorker(w: Worker, r: DeriveRequest): Promise<DerivedResults> {
  const request: EngineRequest = {
    requestId: nextRequestId(),
    dbName: r.db.name,
    sourceIds: [...r.sourceIds],
    evidenceGeneration: generationOf(r.evidence),
    decisionId: r.decision.decisionId,
    decisionModel: r.decision.model.name,
    featureName: r.featureName,
    onset: r.onset,
    notifyThreshold: r.notifyThreshold,
    diffs: r.diffs,
  };
  return askWorker<EngineResponse, DerivedResults>(
    w,
    request,
    (data) => unpackDecisions<DerivedResults>(data.results, r.decisionOf),
    () => onMainThread(r),
  );
}

/** The investigation engine's results for one decision and feature, computed off the render path. */
export async function requestDerived(r: DeriveRequest): Promise<DerivedResults> {
  const known = knownResults(r);
  if (known) return known;
  const w = engineWorker();
  const results = await (w ? inWorker(w, r) : onMainThread(r));
  last = { key: keyOf(r), evidence: r.evidence, diffs: r.diffs, results };
  return results;
}
