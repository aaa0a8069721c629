/** The theme choices as registered actions for the command palette. */
import type { PaletteAction } from '../palette/palette-actions';
import { useSettings } from '../stores/settings-store';
import { THEME_SETTINGS } from './theme';

export const themeActions: ReadonlyArray<PaletteAction> = THEME_SETTINGS.map((o) => ({
  name: `theme:${o.value}`,
  label: o.value === 'system' ? 'System theme (follows the operating system)' : `${o.label} theme`,
  group: 'View',
  keywords: 'dark mode light mode colour color appearance',
  perform: () => useSettings.getState().setTheme(o.value),
}));
