/**
 * The theme shown, kept on `<html data-theme>` where styles.css switches the palette, and given to the components
 * that draw their own colours (React Flow's `colorMode`).
 */
import { useLayoutEffect, useSyncExternalStore } from 'react';
import { selectTheme, useSettings } from '../stores/settings-store';
import { resolveTheme, type Theme } from './theme';

const QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}
const systemPrefersDark = () => window.matchMedia(QUERY).matches;

/** The theme on screen now: the setting, or the operating system's preference under System. */
export function useResolvedTheme(): Theme {
  const setting = useSettings(selectTheme);
  const prefersDark = useSyncExternalStore(subscribe, systemPrefersDark, () => false);
  return resolveTheme(setting, prefersDark);
}

/** Keeps `<html data-theme>` on the theme shown. Mounted once, at the app's root. */
export function useApplyTheme(): void {
  const theme = useResolvedTheme();
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}
