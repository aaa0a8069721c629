import { beforeEach, describe, expect, it } from 'vitest';
import { isThemeSetting, resolveTheme } from './theme';

// The settings store persists to localStorage, which Node lacks (zustand reads window.localStorage): a Map stands in, installed before the store loads.
const saved = new Map<string, string>();
const localStorage = {
  getItem: (key: string) => saved.get(key) ?? null,
  setItem: (key: string, value: string) => saved.set(key, value),
  removeItem: (key: string) => saved.delete(key),
};
Object.assign(globalThis, { window: { localStorage } });
const { useSettings } = await import('../stores/settings-store');
const { themeActions } = await import('./theme-actions');
const { matchActions } = await import('../palette/palette-actions');

describe('resolveTheme', () => {
  it('follows the operating system under System, and the choice otherwise', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
  it('knows the three settings and nothing else', () => {
    expect(['system', 'light', 'dark'].every(isThemeSetting)).toBe(true);
    expect(isThemeSetting('Dark')).toBe(false);
    expect(isThemeSetting(undefined)).toBe(false);
  });
});

describe('theme actions', () => {
  beforeEach(() => useSettings.getState().setTheme('system'));

  it('are found by "dark mode" in the palette and switch the persisted setting', () => {
    const found = matchActions(themeActions, 'dark');
    expect(found[0]?.name).toBe('theme:dark');
    found[0]?.perform();
    expect(useSettings.getState().theme).toBe('dark');
    expect(JSON.parse(saved.get('lineage-investigator.settings') ?? '{}').state.theme).toBe('dark');
    themeActions.find((a) => a.name === 'theme:light')?.perform();
    expect(useSettings.getState().theme).toBe('light');
  });

  it('ignores a setting that is not a theme', () => {
    useSettings.getState().setTheme('sepia' as never);
    expect(useSettings.getState().theme).toBe('system');
  });
});
