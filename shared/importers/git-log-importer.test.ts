import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Commit } from '../model/records';
import { GIT_LOG_ARGS } from './git-log-format';
import { importGitLog, parseNameStatus } from './git-log-importer';
import { importInput } from './index';

let dir = '';
let log = '';

function git(args: ReadonlyArray<string>, date: string, author = 'Ann Author <ann@example.com>'): string {
  const [, name = '', email = ''] = /^(.*) <(.*)>$/.exec(author) ?? [];
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: name,
    GIT_AUTHOR_EMAIL: email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: 'Merge Bot',
    GIT_COMMITTER_EMAIL: 'bot@example.com',
    GIT_COMMITTER_DATE: date,
    GIT_CONFIG_NOSYSTEM: '1',
    HOME: dir,
  };
  return execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'git-log-importer-'));
  git(['init', '-q', '-b', 'main'], '2026-11-01T09:00:00+01:00');
  writeFileSync(join(dir, 'eligibility.sql'), 'select 1\n');
  git(['add', '.'], '2026-11-01T09:00:00+01:00');
  git(['commit', '-q', '-m', 'Add eligibility model'], '2026-11-01T09:00:00+01:00');
  git(['checkout', '-q', '-b', 'feature'], '2026-11-02T10:00:00Z');
  writeFileSync(join(dir, 'my features.yml'), 'a: 1\n');
  writeFileSync(join(dir, 'règles-identité.yml'), 'b: 2\n');
  git(['mv', 'eligibility.sql', 'eligibility_flag.sql'], '2026-11-02T10:00:00Z');
  git(['add', '.'], '2026-11-02T10:00:00Z');
  const message =
    'Rename the eligibility model\n\nAnd add configs.\n\nReviewed-by: Bob <bob@example.com>\nApproved-by: Carol <carol@example.com>';
  git(['commit', '-q', '-m', message], '2026-11-02T10:00:00Z', 'Dave Dev <dave@example.com>');
  git(['checkout', '-q', 'main'], '2026-11-03T12:00:00Z');
  git(['merge', '-q', '--no-ff', 'feature', '-m', 'Merge pull request #7 from acme/feature'], '2026-11-03T12:00:00Z');
  log = git(GIT_LOG_ARGS, '2026-11-03T12:00:00Z');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const source = { id: 'bundle-sha', name: 'pipelines' };

describe('git log importer on a real repository', () => {
  it('reads every commit newest first, with authors, dates and provenance lines', () => {
    const result = importGitLog(log, source, { repository: 'acme/pipelines' });
    expect(result.rejections).toEqual([]);
    const commits = result.records as Commit[];
    expect(commits.map((c) => c.subject)).toEqual([
      'Merge pull request #7 from acme/feature',
      'Rename the eligibility model',
      'Add eligibility model',
    ]);
    expect(commits.map((c) => c.provenance)).toEqual([1, 2, 3].map((line) => ({ sourceId: 'bundle-sha', line })));
    const first = commits[2];
    expect(first?.repository).toBe('acme/pipelines');
    expect(first?.authorDate).toBe('2026-11-01T08:00:00.000Z');
    expect(first?.parents).toEqual([]);
    expect(first?.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(first?.changedPaths).toEqual([{ status: 'A', path: 'eligibility.sql' }]);
  });

  it('links the merge to pull request #7 and lists what the branch brought', () => {
    const [merge, feature] = importGitLog(log, source, { repository: 'r' }).records as Commit[];
    expect(merge?.pullRequest).toBe(7);
    expect(merge?.parents).toHaveLength(2);
    expect(merge?.parents[1]).toBe(feature?.sha);
    expect(merge?.committerName).toBe('Merge Bot');
    expect(merge?.changedPaths.map((p) => p.path).sort()).toEqual(feature?.changedPaths.map((p) => p.path).sort());
  });

  it('reads trailers, a rename (as delete + add), and paths with a space and non-ASCII letters', () => {
    const feature = (importGitLog(log, source, { repository: 'r' }).records as Commit[])[1];
    expect(feature?.authorName).toBe('Dave Dev');
    expect(feature?.authorEmail).toBe('dave@example.com');
    expect(feature?.body).toContain('And add configs.');
    expect(feature?.trailers).toEqual([
      { key: 'Reviewed-by', value: 'Bob <bob@example.com>' },
      { key: 'Approved-by', value: 'Carol <carol@example.com>' },
    ]);
    expect(feature?.changedPaths).toEqual(
      expect.arrayContaining([
        { status: 'D', path: 'eligibility.sql' },
        { status: 'A', path: 'eligibility_flag.sql' },
        { status: 'A', path: 'my features.yml' },
        { status: 'A', path: 'règles-identité.yml' },
      ]),
    );
    expect(feature?.pullRequest).toBeUndefined();
  });

  it('is reached through importInput for a derived git-log file', () => {
    const result = importInput({ name: 'pipelines', sha256: 'bundle-sha', size: 0, text: log, derivedAs: 'git-log' });
    expect(result.detected).toBe('git-log');
    expect(result.records).toHaveLength(3);
    expect((result.records[0] as Commit).repository).toBe('pipelines');
  });
});

describe('git log importer on bad input', () => {
  it('rejects a damaged commit record by its index and keeps the others', () => {
    const damaged = log.replace(/\x1e[0-9a-f]{40}/, '\x1enot-a-sha');
    const result = importGitLog(damaged, source, { repository: 'r' });
    expect(result.records).toHaveLength(2);
    expect(result.rejections).toEqual([
      { sourceName: 'pipelines', line: 1, reason: '"not-a-sha" is not a commit SHA' },
    ]);
  });

  it('rejects empty output and text that is not git log output', () => {
    expect(importGitLog('', source, { repository: 'r' }).rejections[0]?.reason).toMatch(/empty git log/);
    expect(importGitLog('hello', source, { repository: 'r' }).rejections[0]?.reason).toMatch(/not git log output/);
  });

  it('reads rename and copy statuses when git was run with rename detection', () => {
    const paths = parseNameStatus('\nR087\0old name.sql\0new name.sql\0C100\0a\0b\0M\0c\0', []);
    expect(paths).toEqual([
      { status: 'R', path: 'new name.sql', previousPath: 'old name.sql' },
      { status: 'C', path: 'b', previousPath: 'a' },
      { status: 'M', path: 'c' },
    ]);
  });
});
