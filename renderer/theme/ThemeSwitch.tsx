import { SegmentedChoice } from '../components/SegmentedChoice';
import { selectSetTheme, selectTheme, useSettings } from '../stores/settings-store';
import { THEME_SETTINGS } from './theme';

const TITLES = {
  system: 'System theme: follows the operating system’s light or dark setting',
  light: 'Light theme',
  dark: 'Dark theme',
} as const;

const OPTIONS = THEME_SETTINGS.map((o) => ({
  value: o.value,
  content: <span aria-hidden="true">{o.symbol}</span>,
  ariaLabel: `${o.label} theme`,
  title: TITLES[o.value],
}));

/** Chooses the colour theme: System (follows the operating system), Light or Dark; narrow, so the header fits. */
export function ThemeSwitch() {
  const theme = useSettings(selectTheme);
  const setTheme = useSettings(selectSetTheme);
  return (
    <SegmentedChoice label="Theme" options={OPTIONS} value={theme} onChange={setTheme} buttonClassName="theme-choice" />
  );
}
