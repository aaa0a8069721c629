/**
 * Computes the dashboard's view off the render path: in a worker that reads the store itself, or — where a worker
 * cannot start — on the main thread after the current frame.
 */
import type { Case } from '../../shared/case/case-types';
import type { LineageDb } from '../db/lineage-db';
import { computeMetricsView, type MetricsView } from './metrics-view';
import type { MetricsRequest, MetricsResponse } from './metrics-worker-protocol';

let worker: Worker | null | undefined;
let nextId = 1;

function metricsWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./metrics.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
  }
  return worker;
}

const onMainThread = (db: LineageDb, cases: ReadonlyArray<Case>) =>
  new Promise<MetricsView>((resolve, reject) => {
    setTimeout(() => computeMetricsView(db, cases).then(resolve, reject), 0);
  });

/** The five metrics over every stored source and these cases. */
export function requestMetricsView(db: LineageDb, cases: ReadonlyArray<Case>): Promise<MetricsView> {
  const w = metricsWorker();
  if (!w) return onMainThread(db, cases);
  const requestId = nextId++;
  return new Promise<MetricsView>((resolve, reject) => {
    const done = () => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
    };
    const onMessage = ({ data }: MessageEvent<MetricsResponse>) => {
      if (data.requestId !== requestId) return;
      done();
      if (data.ok) resolve(data.view);
      else reject(new Error(data.error));
    };
    const onError = () => {
      done();
      worker = null;
      onMainThread(db, cases).then(resolve, reject);
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    const request: MetricsRequest = { requestId, cases, dbName: db.name };
    w.postMessage(request);
  });
}
