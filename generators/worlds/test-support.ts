/** Helpers of the worlds' tests: temporary worlds, their files, the commits their repositories hold. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { git } from './git-writer.js';
import type { WorldTruth } from './truth.js';
import { writeWorld } from './write-world.js';

export interface WrittenWorld {
  readonly dir: string;
  readonly truth: WorldTruth;
}

const made: string[] = [];

export async function tempWorld(seed: number): Promise<WrittenWorld> {
  const dir = mkdtempSync(join(tmpdir(), `world-${seed}-`));
  made.push(dir);
  return { dir, truth: await writeWorld(seed, dir) };
}

export function removeTempWorlds(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Every file under `dir` (relative paths, sorted), `.git` folders included. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/** Every commit reachable from any ref of a repository input (folder or bundle). */
export function commitsOf(world: WrittenWorld, input: string): Set<string> {
  const path = join(world.dir, input);
  let gitDir = path;
  if (input.endsWith('.bundle')) {
    gitDir = mkdtempSync(join(tmpdir(), 'world-bundle-'));
    made.push(gitDir);
    git(gitDir, ['init', '-q', '--bare']);
    git(gitDir, ['fetch', '-q', path, '+refs/*:refs/*']);
  }
  return new Set(git(gitDir, ['rev-list', '--all']).split('\n').filter(Boolean));
}

export function jsonLines(world: WrittenWorld, rel: string): Array<Record<string, unknown>> {
  return readFileSync(join(world.dir, rel), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
