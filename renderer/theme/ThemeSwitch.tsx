import { selectSetTheme, selectTheme, useSettings } from '../stores/settings-store';
import { THEME_SETTINGS } from './theme';

const TITLES = {
  system: 'System theme: follows the operating system’s light or dark setting',
  light: 'Light theme',
  dark: 'Dark theme',
} as const;

/** Chooses the colour theme: System (follows the operating system), Light or Dark; narrow, so the header fits. */
export function ThemeSwitch() {
  const theme = useSettings(selectTheme);
  const setTheme = useSettings(selectSetTheme);
  return (
    <div className="segmented" role="group" aria-label="Theme">
      {THEME_SETTINGS.map((o) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={theme === o.value}
          aria-label={`${o.label} theme`}
          title={TITLES[o.value]}
          className="theme-choice"
          onClick={() => setTheme(o.value)}
        >
          <span aria-hidden="true">{o.symbol}</span>
        </button>
      ))}
    </div>
  );
}
