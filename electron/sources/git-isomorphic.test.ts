import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importInput } from '../../shared/importers/index.js';
import { GIT_LOG_ARGS } from '../../shared/importers/git-log-format.js';
import type { Commit } from '../../shared/model/records.js';
import { createGitRunner } from '../services/git-runner.js';
import { readRepository } from '../services/read-repository.js';
import { createRepositories } from '../services/repositories.js';
import { streamGitHistory } from './git-log-stream.js';

const root = mkdtempSync(join(tmpdir(), 'li-isogit-'));
const repo = join(root, 'pipelines');
let tick = 0;
/** Runs git with its own author and committer and a clock one minute further each commit (distinct dates). */
function git(...args: string[]): string {
  tick += 1;
  const time = `2026-11-${String(10 + Math.floor(tick / 60)).padStart(2, '0')}T10:${String(tick % 60).padStart(2, '0')}:00`;
  return execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Ana Lyst',
      GIT_AUTHOR_EMAIL: 'ana@example.com',
      GIT_AUTHOR_DATE: `${time}+02:00`,
      GIT_COMMITTER_NAME: 'Bo Merger',
      GIT_COMMITTER_EMAIL: 'bo@example.com',
      GIT_COMMITTER_DATE: `${time}-05:30`,
    },
  }).trim();
}

beforeAll(() => {
  mkdirSync(join(repo, 'models'), { recursive: true });
  git('init', '-q', '-b', 'main');
  writeFileSync(join(repo, 'models', 'flag.sql'), 'select 1\n');
  writeFileSync(join(repo, 'README.md'), 'pipelines\n');
  git('add', '.');
  git('commit', '-q', '-m', 'Add the eligibility model');
  git('checkout', '-q', '-b', 'fix-flag');
  writeFileSync(join(repo, 'models', 'flag.sql'), 'select 2\n');
  writeFileSync(join(repo, 'models', 'ünïcode.sql'), 'select 3\n');
  git('add', '.');
  git('commit', '-q', '-m', 'Change the flag\n\nWhy it changed.\n\nReviewed-by: Cy <cy@example.com>');
  git('checkout', '-q', 'main');
  git('mv', 'README.md', 'docs.md');
  git('commit', '-q', '-m', 'Rename the readme');
  git('merge', '-q', '--no-ff', 'fix-flag', '-m', 'Merge pull request #42 from org/fix-flag');
  git('tag', '-a', 'v1.0', '-m', 'release 1.0');
  unlinkSync(join(repo, 'docs.md'));
  symlinkSync('models/flag.sql', join(repo, 'docs.md'));
  git('commit', '-q', '-am', 'Make the docs a link');
  // Refs beyond branches and tags: an unmerged pull-request head, a remote with its HEAD, a lightweight tag.
  git('checkout', '-q', '-b', 'try-flag', 'fix-flag');
  writeFileSync(join(repo, 'models', 'flag.sql'), 'select 4\n');
  git('commit', '-q', '-am', 'Try another flag');
  git('update-ref', 'refs/pull/43/head', 'HEAD');
  git('checkout', '-q', 'main');
  git('branch', '-q', '-D', 'try-flag');
  git('update-ref', 'refs/remotes/origin/main', 'main');
  git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/main');
  git('tag', 'light', 'fix-flag');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const asFile = (text: string) => ({
  name: 'pipelines',
  sha256: 'f'.repeat(64),
  size: 0,
  text,
  derivedAs: 'git-log' as const,
});

describe('reading a repository without the system git (isomorphic-git)', () => {
  it('writes the same git log text as git itself, so the importer makes the same records', async () => {
    const cli = await createGitRunner('git', 'git-cli')(GIT_LOG_ARGS, { cwd: repo });
    const iso = await createGitRunner('git', 'isomorphic-git')(GIT_LOG_ARGS, { cwd: repo });
    expect([cli.reader, iso.reader]).toEqual(['git-cli', 'isomorphic-git']);
    expect(iso.stdout).toBe(cli.stdout);
    const records = importInput(asFile(iso.stdout)).records as Commit[];
    expect(records).toEqual(importInput(asFile(cli.stdout)).records);
    expect(records.map((c) => c.subject)).toEqual([
      'Try another flag',
      'Make the docs a link',
      'Merge pull request #42 from org/fix-flag',
      'Rename the readme',
      'Change the flag',
      'Add the eligibility model',
    ]);
  });

  it('reads authors, committers, dates with their offsets, trailers, merges, and changed paths', async () => {
    const { stdout } = await createGitRunner('git', 'isomorphic-git')(GIT_LOG_ARGS, { cwd: repo });
    const [pull, link, merge, rename, change, first] = importInput(asFile(stdout)).records as Commit[];
    expect(pull?.refs).toEqual(['refs/pull/43/head']);
    expect(link?.refs).toEqual(['HEAD -> refs/heads/main', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/main']);
    expect(merge?.refs).toEqual(['refs/tags/v1.0']);
    expect(change?.refs).toEqual(['refs/heads/fix-flag', 'refs/tags/light']);
    expect(first?.refs).toBeUndefined();
    expect(change).toMatchObject({
      authorName: 'Ana Lyst',
      authorEmail: 'ana@example.com',
      authorDate: '2026-11-10T08:06:00.000Z',
      committerName: 'Bo Merger',
      committerDate: '2026-11-10T15:36:00.000Z',
      trailers: [{ key: 'Reviewed-by', value: 'Cy <cy@example.com>' }],
      changedPaths: [
        { status: 'M', path: 'models/flag.sql' },
        { status: 'A', path: 'models/ünïcode.sql' },
      ],
    });
    expect(merge?.parents).toEqual([rename?.sha, change?.sha]);
    expect(merge?.pullRequest).toBe(42);
    expect(merge?.changedPaths.map((p) => p.path)).toEqual(['models/flag.sql', 'models/ünïcode.sql']);
    expect(rename?.changedPaths).toEqual([
      { status: 'D', path: 'README.md' },
      { status: 'A', path: 'docs.md' },
    ]);
    expect(link?.changedPaths).toEqual([{ status: 'T', path: 'docs.md' }]);
    expect(first?.parents).toEqual([]);
  });

  it('falls back where git is not installed and says which reader ran', async () => {
    const texts: string[] = [];
    const read = await streamGitHistory(repo, (t) => texts.push(t), '/nonexistent/git', undefined);
    expect(read.reader).toBe('isomorphic-git');
    const viaCli = await streamGitHistory(repo, () => undefined, 'git', undefined);
    expect(viaCli).toEqual({ bytes: read.bytes, reader: 'git-cli' });
    const fallback = await createGitRunner('/nonexistent/git')(GIT_LOG_ARGS, { cwd: repo });
    expect(fallback).toMatchObject({ reader: 'isomorphic-git', stdout: texts.join('') });
  });

  it('serves the UI: git:readRepository names the reader, git:show reads files at a commit', async () => {
    const runner = createGitRunner('/nonexistent/git');
    const repositories = createRepositories(runner);
    const { file, warnings } = await readRepository(runner, repositories, repo);
    expect(file.gitReader).toBe('isomorphic-git');
    expect(warnings[0]).toMatch(/read with isomorphic-git: no system git is installed here/);
    expect(importInput(file).importer).toBe('isomorphic-git');
    const first = git('rev-list', '--max-parents=0', 'HEAD');
    const show = (path: string) => repositories.show({ repository: file.repository ?? '', commit: first, path });
    expect(await show('models/flag.sql')).toEqual({ text: 'select 1\n' });
    expect(await show('models')).toEqual({ text: null });
    expect(await show('no/such.sql')).toEqual({ text: null });
    await expect(
      repositories.show({ repository: file.repository ?? '', commit: 'a'.repeat(40), path: 'x' }),
    ).rejects.toThrow(/is not in repository/);
  });
});
