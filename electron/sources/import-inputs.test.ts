import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Commit, EvidenceRecord } from '../../shared/model/records.js';
import { createGitRunner } from '../services/git-runner.js';
import { importInputs } from './import-inputs.js';

const work = mkdtempSync(join(tmpdir(), 'li-import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const options = { git: createGitRunner(), cacheDir: join(work, 'cache') };
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Ada',
      GIT_AUTHOR_EMAIL: 'ada@example.com',
      GIT_COMMITTER_NAME: 'Ada',
      GIT_COMMITTER_EMAIL: 'ada@example.com',
    },
  });

function repository(commits: number): string {
  const repo = mkdtempSync(join(work, 'repo-'));
  git(repo, 'init', '-q', '-b', 'main');
  for (let i = 1; i <= commits; i += 1) {
    writeFileSync(join(repo, `model_${i}.sql`), `select ${i}\n`);
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', `Change ${i}`);
  }
  return repo;
}

describe('importInputs streams files and repositories', () => {
  it('reports invalid UTF-8 as a warning with its line, and imports the rest', async () => {
    const dir = mkdtempSync(join(work, 'utf8-'));
    const good =
      '{"id":"a-1","timestamp":"2026-01-01T00:00:00Z","actor":"bob","action":"x","target":{"type":"t","id":"1"}}';
    const text = Buffer.concat([
      Buffer.from(`${good}\n{"id":"a-2","timestamp":"2026-01-01T00:00:00Z","actor":"b`),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('b","action":"x","target":{"type":"t","id":"1"}}\n'),
    ]);
    writeFileSync(join(dir, 'audit.jsonl'), text);
    const records: EvidenceRecord[] = [];
    const { imported } = await importInputs([dir], { ...options, onRecords: (r) => records.push(...r) });
    expect(imported).toHaveLength(1);
    const summary = imported[0]!.summary;
    expect(summary.detected).toBe('audit-log');
    expect(summary.warnings[0]).toMatchObject({ line: 2, message: expect.stringMatching(/^invalid UTF-8: 2 byte/) });
    expect(summary.rejections).toEqual([]);
    expect(records.map((r) => (r.kind === 'audit' ? r.actor : ''))).toEqual(['bob', 'b\uFFFD\uFFFDb']);
  });

  it('reads a folder that is not a Git repository as plain files', async () => {
    const dir = mkdtempSync(join(work, 'plain-'));
    writeFileSync(
      join(dir, 'a.jsonl'),
      '{"id":"d-1","timestamp":"2026-01-01T00:00:00Z","environment":"prod","commit":"abcdef1"}\n',
    );
    const { imported, problems } = await importInputs([dir], options);
    expect(problems).toEqual([]);
    expect(imported.map((i) => [i.name, i.reader, i.summary.detected])).toEqual([['a.jsonl', 'file', 'deployments']]);
  });

  it('reads a repository with git, streaming its log, and says when a clone is shallow', async () => {
    const repo = repository(3);
    const records: EvidenceRecord[] = [];
    const full = await importInputs([repo], { ...options, onRecords: (r) => records.push(...r) });
    expect(full.imported[0]).toMatchObject({ reader: 'git', summary: { detected: 'git-log', counts: { commit: 3 } } });
    expect((records as Commit[]).map((c) => c.subject)).toEqual(['Change 3', 'Change 2', 'Change 1']);
    expect(full.imported[0]!.summary.warnings).toEqual([]);

    const shallow = join(work, 'shallow');
    git(work, 'clone', '-q', '--depth', '1', `file://${repo}`, shallow);
    const cut = await importInputs([shallow], options);
    expect(cut.imported[0]!.summary.counts).toEqual({ commit: 1 });
    expect(cut.imported[0]!.summary.warnings[0]?.message).toMatch(/^shallow clone/);
  });

  it('names a path that does not exist as a problem', async () => {
    const missing = join(work, 'nope.json');
    const { imported, problems } = await importInputs([missing], options);
    expect(imported).toEqual([]);
    expect(problems).toEqual([{ path: missing, reason: 'cannot read: ENOENT' }]);
  });
});
