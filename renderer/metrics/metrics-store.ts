/** The maturity dashboard's figures, computed off the render path from everything stored. */
import { create } from 'zustand';
import { db } from '../db/instance';
import { loadMetricCases } from './metric-cases';
import { requestMetricsView } from './metrics-client';
import type { MetricsView } from './metrics-view';

export interface MetricsState {
  readonly status: 'idle' | 'computing' | 'ready' | 'error';
  readonly view?: MetricsView;
  readonly error?: string;
  /** Recomputes from everything stored now. */
  readonly refresh: () => Promise<void>;
}

let generation = 0;

export const useMetrics = create<MetricsState>()((set) => ({
  status: 'idle',
  refresh: async () => {
    const mine = ++generation;
    set({ status: 'computing', error: undefined });
    try {
      const view = await requestMetricsView(db, await loadMetricCases(db));
      if (mine === generation) set({ status: 'ready', view });
    } catch (error) {
      if (mine === generation)
        set({
          status: 'error',
          error: `Could not compute the metrics: ${error instanceof Error ? error.message : String(error)}`,
        });
    }
  },
}));

export const selectMetricsStatus = (s: MetricsState) => s.status;
export const selectMetricsView = (s: MetricsState) => s.view;
export const selectMetricsError = (s: MetricsState) => s.error;
export const selectRefreshMetrics = (s: MetricsState) => s.refresh;
