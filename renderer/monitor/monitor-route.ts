/** Whether the Monitor screen is shown. Tiny on purpose: the case list and the palette import it, the screen loads lazily. */
import { create } from 'zustand';

export interface MonitorRoute {
  readonly open: boolean;
  readonly openMonitor: () => void;
  readonly closeMonitor: () => void;
}

export const useMonitorRoute = create<MonitorRoute>()((set) => ({
  open: false,
  openMonitor: () => set({ open: true }),
  closeMonitor: () => set({ open: false }),
}));

export const selectMonitorOpen = (s: MonitorRoute) => s.open;
export const selectOpenMonitor = (s: MonitorRoute) => s.openMonitor;
export const selectCloseMonitor = (s: MonitorRoute) => s.closeMonitor;
