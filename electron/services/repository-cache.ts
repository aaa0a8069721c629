/**
 * Git bundles cloned once into a cache folder keyed by the bundle's SHA-256, and re-used on later loads.
 * A clone is made in a temporary folder and renamed into place, so a cached folder is always complete.
 */
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { GitRunner } from './git-runner.js';

export interface RepositoryCache {
  /** The local repository made from the bundle at `bundlePath` whose SHA-256 is `sha256`. */
  ensureClone(bundlePath: string, sha256: string): Promise<string>;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** A cache of bundle clones under `cacheRoot` (e.g. `<userData>/repositories`). */
export function createRepositoryCache(git: GitRunner, cacheRoot: string): RepositoryCache {
  const inFlight = new Map<string, Promise<string>>();

  async function clone(bundlePath: string, sha256: string): Promise<string> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`Not a SHA-256: ${sha256}`);
    const target = join(cacheRoot, sha256);
    if (await isDirectory(join(target, 'objects'))) return target;
    await mkdir(cacheRoot, { recursive: true });
    const temporary = join(cacheRoot, `.clone-${sha256.slice(0, 12)}-${randomBytes(6).toString('hex')}`);
    try {
      await git(['clone', '--mirror', '--quiet', '--', bundlePath, temporary]);
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { recursive: true, force: true });
      // Another process may have finished the same clone first.
      if (await isDirectory(join(target, 'objects'))) return target;
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Could not clone the Git bundle ${bundlePath}: ${reason}`);
    }
    return target;
  }

  return {
    ensureClone(bundlePath, sha256) {
      const pending = inFlight.get(sha256) ?? clone(bundlePath, sha256).finally(() => inFlight.delete(sha256));
      inFlight.set(sha256, pending);
      return pending;
    },
  };
}
