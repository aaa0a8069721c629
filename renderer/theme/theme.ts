/** The colour theme: what the user chose (System follows the operating system) and what is shown. Pure. */
export type ThemeSetting = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

/** The three choices, each with its name and the narrow symbol the header shows for it. */
export const THEME_SETTINGS: ReadonlyArray<{
  readonly value: ThemeSetting;
  readonly label: string;
  readonly symbol: string;
}> = [
  { value: 'system', label: 'System', symbol: '◐' },
  { value: 'light', label: 'Light', symbol: '☀' },
  { value: 'dark', label: 'Dark', symbol: '☾' },
];

/** The theme shown: the one chosen, or under System the one the operating system prefers. */
export function resolveTheme(setting: ThemeSetting, systemPrefersDark: boolean): Theme {
  if (setting === 'system') return systemPrefersDark ? 'dark' : 'light';
  return setting;
}

export function isThemeSetting(value: unknown): value is ThemeSetting {
  return value === 'system' || value === 'light' || value === 'dark';
}
