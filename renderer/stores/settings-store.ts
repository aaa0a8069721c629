/** User settings that outlive a session, persisted in localStorage. */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { DEFAULT_NOTIFY_THRESHOLD } from '../../shared/analysis/scope-detail';
import type { TimeZoneSetting } from '../format/time';

export interface SettingsState {
  readonly timeZone: TimeZoneSetting;
  /** How many affected subjects oblige a notification (the Scope step compares the window against it). */
  readonly notifyThreshold: number;
  readonly setTimeZone: (timeZone: TimeZoneSetting) => void;
  readonly setNotifyThreshold: (threshold: number) => void;
}

export const useSettings = create<SettingsState>()(
  persist(
    (set) => ({
      timeZone: 'local',
      notifyThreshold: DEFAULT_NOTIFY_THRESHOLD,
      setTimeZone: (timeZone) => set({ timeZone }),
      setNotifyThreshold: (threshold) => {
        if (Number.isInteger(threshold) && threshold >= 1) set({ notifyThreshold: threshold });
      },
    }),
    { name: 'lineage-investigator.settings', version: 1 },
  ),
);

export const selectTimeZone = (s: SettingsState): TimeZoneSetting => s.timeZone;
export const selectSetTimeZone = (s: SettingsState): SettingsState['setTimeZone'] => s.setTimeZone;
export const selectNotifyThreshold = (s: SettingsState): number => s.notifyThreshold;
export const selectSetNotifyThreshold = (s: SettingsState): SettingsState['setNotifyThreshold'] => s.setNotifyThreshold;
