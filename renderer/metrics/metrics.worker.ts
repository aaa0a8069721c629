/**
 * The maturity metrics worker: reads every stored source from IndexedDB itself (the evidence never crosses to the
 * UI thread) and computes the dashboard's view, so input stays responsive on a million decisions.
 */
/// <reference lib="webworker" />
import { LineageDb } from '../db/lineage-db';
import { computeMetricsView } from './metrics-view';
import type { MetricsRequest, MetricsResponse } from './metrics-worker-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const databases = new Map<string, LineageDb>();

scope.onmessage = async ({ data }: MessageEvent<MetricsRequest>) => {
  let db = databases.get(data.dbName);
  if (!db) {
    db = new LineageDb(data.dbName);
    databases.set(data.dbName, db);
  }
  let response: MetricsResponse;
  try {
    response = { requestId: data.requestId, ok: true, view: await computeMetricsView(db, data.cases) };
  } catch (error) {
    response = { requestId: data.requestId, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(response);
};
