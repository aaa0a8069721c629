/**
 * Where the app's files are: its root (the folder holding package.json — the repository in development,
 * `app.asar` when packaged), the built renderer, the built-in sample, and the per-user data folder.
 * Everything takes its starting point as a parameter so it works from `electron/` (tsx, vitest),
 * from `dist/electron/` (the esbuild bundles) and from inside an asar package.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of the module calling it (works in ESM and in the CJS bundles, see electron/build.ts). */
export function moduleDir(importMetaUrl: string): string {
  return dirname(fileURLToPath(importMetaUrl));
}

/** Walks up from `fromDir` to the first folder holding a package.json: the app root. */
export function findAppRoot(fromDir: string, exists: (path: string) => boolean = existsSync): string {
  let dir = resolve(fromDir);
  for (;;) {
    if (exists(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${fromDir}: cannot find the app root.`);
    dir = parent;
  }
}

/** The built renderer (vite's output). */
export function rendererDir(appRoot: string): string {
  return join(appRoot, 'dist', 'renderer');
}

/** The renderer's entry page loaded by the Electron window. */
export function rendererIndex(appRoot: string): string {
  return join(rendererDir(appRoot), 'index.html');
}

/**
 * Where the built-in sample may be: `assets/sample` beside package.json (development, unpacked builds),
 * next to an asar archive (`app.asar.unpacked`), or among the packaged app's resources
 * (electron-builder.yml copies it there as an extra resource: Git cannot read inside an asar).
 */
export function sampleDirCandidates(appRoot: string, resourcesPath?: string): ReadonlyArray<string> {
  const candidates = [join(appRoot, 'assets', 'sample')];
  if (appRoot.endsWith('.asar')) candidates.push(join(`${appRoot}.unpacked`, 'assets', 'sample'));
  if (resourcesPath) candidates.push(join(resourcesPath, 'assets', 'sample'));
  return candidates;
}

/** The first sample folder that holds a `case.json`; the first candidate when none does (for the error message). */
export function resolveSampleDir(
  appRoot: string,
  resourcesPath?: string,
  exists: (path: string) => boolean = existsSync,
): string {
  const candidates = sampleDirCandidates(appRoot, resourcesPath);
  return candidates.find((dir) => exists(join(dir, 'case.json'))) ?? (candidates[0] as string);
}

/**
 * The per-user data folder outside Electron (web mode, CLI). `LINEAGE_INVESTIGATOR_DATA_DIR` overrides it;
 * otherwise it is where Electron's `app.getPath('userData')` would be for this package.
 */
export function defaultDataDir(
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: string = process.platform,
  home: string = homedir(),
): string {
  const override = env.LINEAGE_INVESTIGATOR_DATA_DIR;
  if (override) return resolve(override);
  const name = 'lineage-investigator';
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), name);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', name);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), name);
}
