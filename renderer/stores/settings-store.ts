/** User settings that outlive a session, persisted in localStorage. */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { TimeZoneSetting } from '../format/time';

export interface SettingsState {
  readonly timeZone: TimeZoneSetting;
  readonly setTimeZone: (timeZone: TimeZoneSetting) => void;
}

export const useSettings = create<SettingsState>()(
  persist(
    (set) => ({
      timeZone: 'local',
      setTimeZone: (timeZone) => set({ timeZone }),
    }),
    { name: 'lineage-investigator.settings', version: 1 },
  ),
);

export const selectTimeZone = (s: SettingsState): TimeZoneSetting => s.timeZone;
export const selectSetTimeZone = (s: SettingsState): SettingsState['setTimeZone'] => s.setTimeZone;
