/** Whether the maturity dashboard is shown. Tiny on purpose: the case list imports it, the dashboard loads lazily. */
import { create } from 'zustand';

export interface MetricsRoute {
  readonly open: boolean;
  readonly openDashboard: () => void;
  readonly closeDashboard: () => void;
}

export const useMetricsRoute = create<MetricsRoute>()((set) => ({
  open: false,
  openDashboard: () => set({ open: true }),
  closeDashboard: () => set({ open: false }),
}));

export const selectMetricsOpen = (s: MetricsRoute) => s.open;
export const selectOpenDashboard = (s: MetricsRoute) => s.openDashboard;
export const selectCloseDashboard = (s: MetricsRoute) => s.closeDashboard;
