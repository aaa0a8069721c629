/**
 * Linked work trees (`git worktree add`) read by both Git readers: a repository whose main work tree is on `main`,
 * one linked work tree on a branch and one on a detached HEAD with a commit no ref names. git's `--all` reads every
 * work tree's HEAD, and a linked work tree keeps its HEAD in its own Git directory and everything else in the common
 * one: isomorphic-git must write the log git writes, from the main work tree and from each linked one.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GIT_LOG_ARGS } from '../../shared/importers/git-log-format.js';
import { importInput } from '../../shared/importers/index.js';
import type { Commit } from '../../shared/model/records.js';
import { createGitRunner } from '../services/git-runner.js';

const root = mkdtempSync(join(tmpdir(), 'li-worktrees-'));
const main = join(root, 'warehouse');
const onBranch = join(root, 'warehouse-fix');
const detached = join(root, 'warehouse-try');
let minute = 0;
function git(cwd: string, ...args: string[]): string {
  minute += 1;
  const date = `${1_790_000_000 + minute * 60} +0100`;
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: 'pipe',
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Ana Lyst',
      GIT_AUTHOR_EMAIL: 'ana@example.com',
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: 'Ana Lyst',
      GIT_COMMITTER_EMAIL: 'ana@example.com',
      GIT_COMMITTER_DATE: date,
    },
  }).trim();
}
function change(cwd: string, text: string, message: string): string {
  writeFileSync(join(cwd, 'model.sql'), text);
  git(cwd, 'commit', '-q', '-a', '-m', message);
  return git(cwd, 'rev-parse', 'HEAD');
}

let tryCommit = '';
beforeAll(() => {
  execFileSync('git', ['init', '-q', '-b', 'main', main]);
  writeFileSync(join(main, 'model.sql'), 'select 1\n');
  git(main, 'add', '.');
  git(main, 'commit', '-q', '-m', 'Add the model');
  git(main, 'worktree', 'add', '-q', '-b', 'fix', onBranch);
  change(onBranch, 'select 2\n', 'Fix the model on its branch');
  git(main, 'worktree', 'add', '-q', '--detach', detached);
  tryCommit = change(detached, 'select 3\n', 'Try a change no ref names');
  change(main, 'select 4\n', 'Move main on');
  git(main, 'pack-refs', '--all');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const read = async (reader: 'git-cli' | 'isomorphic-git', cwd: string) => {
  const { stdout } = await createGitRunner('git', reader)(GIT_LOG_ARGS, { cwd });
  const file = { name: 'warehouse', sha256: 'e'.repeat(64), size: 0, text: stdout, derivedAs: 'git-log' as const };
  return { text: stdout, commits: importInput(file).records as Commit[] };
};

describe('linked work trees', () => {
  it.each([
    ['the main work tree', main],
    ['a linked work tree on a branch', onBranch],
    ['a linked work tree on a detached HEAD', detached],
  ])('%s: isomorphic-git writes the log git writes, with every work tree’s HEAD', async (_, cwd) => {
    const [cli, iso] = await Promise.all([read('git-cli', cwd), read('isomorphic-git', cwd)]);
    expect(iso.text).toBe(cli.text);
    expect(iso.commits).toEqual(cli.commits);
    expect(cli.commits.map((c) => c.subject).sort()).toEqual([
      'Add the model',
      'Fix the model on its branch',
      'Move main on',
      'Try a change no ref names',
    ]);
  });

  it("labels HEAD as the work tree's own: main's tip from main, the detached commit from its work tree", async () => {
    const head = async (cwd: string) =>
      (await read('isomorphic-git', cwd)).commits.find((c) => c.refs?.some((r) => r.startsWith('HEAD')));
    expect((await head(main))?.subject).toBe('Move main on');
    expect((await head(onBranch))?.subject).toBe('Fix the model on its branch');
    expect((await head(detached))?.sha).toBe(tryCommit);
    const revParse = await createGitRunner('git', 'isomorphic-git')(['rev-parse', 'HEAD'], { cwd: detached });
    expect(revParse.stdout.trim()).toBe(tryCommit);
    const show = await createGitRunner('git', 'isomorphic-git')(['show', '--no-textconv', 'HEAD:model.sql'], {
      cwd: detached,
    });
    expect(show.stdout).toBe('select 3\n');
  });
});
