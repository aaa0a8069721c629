/**
 * Opening web mode in the system Chromium as an app window, where one is installed and a display exists.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome'];

/** The Chromium to open: `/usr/bin/chromium`, or the first of chromium, chromium-browser, google-chrome on PATH. */
export function findChromium(
  env: Readonly<Record<string, string | undefined>> = process.env,
  exists: (path: string) => boolean = existsSync,
): string | null {
  if (exists('/usr/bin/chromium')) return '/usr/bin/chromium';
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of BROWSER_NAMES) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (exists(candidate)) return candidate;
    }
  }
  return null;
}

/** True when a graphical session is available (X11 or Wayland). */
export function hasDisplay(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * Arguments for an app window on `url` with its own profile, without Chromium's background traffic. Every user of
 * the machine can read them: `url` must hold no secret (web mode gives its launch page, launch-page.ts).
 */
export function chromiumArgs(url: string, profileDir: string): string[] {
  return [
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}
