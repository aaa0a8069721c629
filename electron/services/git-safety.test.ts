import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Commit, EvidenceRecord } from '../../shared/model/records.js';
import { readDiffs } from '../cli/suspect-diffs.js';
import { importInputs } from '../sources/import-inputs.js';
import { createGitRunner } from './git-runner.js';
import { createRepositories } from './repositories.js';

const work = mkdtempSync(join(tmpdir(), 'li-hostile-git-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const marker = join(work, 'MARKER');

const gitIn = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Ada', '-c', 'user.email=ada@example.com', ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: work, GIT_CONFIG_NOSYSTEM: '1' },
  });

/** A program that leaves a mark when run (and prints its first argument's file, as a textconv would). */
function program(): string {
  const path = join(work, 'evil.sh');
  writeFileSync(path, `#!/bin/sh\necho "$0 $*" >> '${marker}'\ncat "$1" 2>/dev/null\nexit 0\n`);
  chmodSync(path, 0o755);
  return path;
}

/** A repository whose configuration names that program as every program git could run. */
function hostileRepository(evil: string): string {
  const repo = join(work, 'repo');
  mkdirSync(repo);
  gitIn(repo, 'init', '-q', '-b', 'main');
  writeFileSync(join(repo, 'model.sql'), 'select 1\n');
  gitIn(repo, 'add', '.');
  gitIn(repo, 'commit', '-q', '-m', 'first');
  writeFileSync(join(repo, 'model.sql'), 'select 2\n');
  writeFileSync(join(repo, '.gitattributes'), '* diff=evil\n');
  gitIn(repo, 'add', '.');
  gitIn(repo, 'commit', '-q', '-m', 'second');
  const hooks = join(repo, 'evil-hooks');
  mkdirSync(hooks);
  for (const hook of ['post-checkout', 'post-merge', 'pre-auto-gc', 'reference-transaction', 'post-index-change'])
    writeFileSync(join(hooks, hook), readFileSync(evil));
  for (const hook of ['post-checkout', 'post-merge', 'pre-auto-gc', 'reference-transaction', 'post-index-change'])
    chmodSync(join(hooks, hook), 0o755);
  for (const [key, value] of [
    ['diff.evil.textconv', evil],
    ['diff.evil.command', evil],
    ['diff.external', evil],
    ['core.fsmonitor', evil],
    ['core.pager', evil],
    ['pager.show', evil],
    ['pager.log', evil],
    ['core.hooksPath', hooks],
    ['gpg.program', evil],
    ['log.showSignature', 'true'],
  ])
    gitIn(repo, 'config', key!, value!);
  return repo;
}

describe('git on an untrusted repository runs no program the repository names', () => {
  it('imports the history, reads diffs and shows files without running its textconv, diff, fsmonitor, pager or hooks', async () => {
    const evil = program();
    const repo = hostileRepository(evil);
    // The repository really runs the program when git is asked naively: the marker proves the test can fail.
    gitIn(repo, 'show', 'HEAD');
    gitIn(repo, 'status');
    expect(existsSync(marker)).toBe(true);
    rmSync(marker);

    const before = process.env.GIT_EXTERNAL_DIFF;
    process.env.GIT_EXTERNAL_DIFF = evil; // inherited by a careless runner
    try {
      const git = createGitRunner('git', 'git-cli');
      const records: EvidenceRecord[] = [];
      const { imported, problems } = await importInputs([repo], {
        git,
        cacheDir: join(work, 'cache'),
        onRecords: (r) => records.push(...r),
      });
      expect(problems).toEqual([]);
      expect(imported[0]?.summary.counts).toEqual({ commit: 2 });
      const commits = records as Commit[];
      const diffOf = await readDiffs(git, commits, new Map([[commits[0]!.repository, repo]]));
      expect(diffOf(commits[0]!.sha, 'model.sql')).toBe('-select 1\n+select 2');
      const repositories = createRepositories(git);
      repositories.register('hostile', () => Promise.resolve(repo));
      expect(await repositories.show({ repository: 'hostile', commit: commits[0]!.sha, path: 'model.sql' })).toEqual({
        text: 'select 2\n',
      });
    } finally {
      if (before === undefined) delete process.env.GIT_EXTERNAL_DIFF;
      else process.env.GIT_EXTERNAL_DIFF = before;
    }
    expect(existsSync(marker) ? readFileSync(marker, 'utf8') : '').toBe('');
  }, 30_000);
});
