/**
 * Finds the Electron binary the `electron` package would run, without requiring that package
 * (requiring it downloads the binary when it is missing, which fails offline).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FileProbe {
  readonly exists: (path: string) => boolean;
  readonly readText: (path: string) => string;
}

const realProbe: FileProbe = { exists: existsSync, readText: (path) => readFileSync(path, 'utf8') };

/**
 * The Electron executable under `<appRoot>/node_modules/electron/dist/` named by its `path.txt`,
 * or null when either is missing.
 */
export function findElectronBinary(appRoot: string, probe: FileProbe = realProbe): string | null {
  const packageDir = join(appRoot, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!probe.exists(pathFile)) return null;
  const relativePath = probe.readText(pathFile).trim();
  if (!relativePath) return null;
  const binary = join(packageDir, 'dist', relativePath);
  return probe.exists(binary) ? binary : null;
}
