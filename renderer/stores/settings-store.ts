/** User settings that outlive a session, persisted in localStorage. */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { DEFAULT_NOTIFY_THRESHOLD } from '../../shared/analysis/scope-detail';
import type { TimeZoneSetting } from '../format/time';
import { isThemeSetting, type ThemeSetting } from '../theme/theme';

export interface SettingsState {
  readonly timeZone: TimeZoneSetting;
  /** How many affected subjects oblige a notification (the Scope step compares the window against it). */
  readonly notifyThreshold: number;
  /** Light, dark, or System (follows the operating system's prefers-color-scheme). */
  readonly theme: ThemeSetting;
  readonly setTimeZone: (timeZone: TimeZoneSetting) => void;
  readonly setNotifyThreshold: (threshold: number) => void;
  readonly setTheme: (theme: ThemeSetting) => void;
}

export const useSettings = create<SettingsState>()(
  persist(
    (set) => ({
      timeZone: 'local',
      notifyThreshold: DEFAULT_NOTIFY_THRESHOLD,
      theme: 'system',
      setTimeZone: (timeZone) => set({ timeZone }),
      setNotifyThreshold: (threshold) => {
        if (Number.isInteger(threshold) && threshold >= 1) set({ notifyThreshold: threshold });
      },
      setTheme: (theme) => {
        if (isThemeSetting(theme)) set({ theme });
      },
    }),
    { name: 'lineage-investigator.settings', version: 1 },
  ),
);

export const selectTimeZone = (s: SettingsState): TimeZoneSetting => s.timeZone;
export const selectSetTimeZone = (s: SettingsState): SettingsState['setTimeZone'] => s.setTimeZone;
export const selectNotifyThreshold = (s: SettingsState): number => s.notifyThreshold;
export const selectSetNotifyThreshold = (s: SettingsState): SettingsState['setNotifyThreshold'] => s.setNotifyThreshold;
export const selectTheme = (s: SettingsState): ThemeSetting => s.theme;
export const selectSetTheme = (s: SettingsState): SettingsState['setTheme'] => s.setTheme;
