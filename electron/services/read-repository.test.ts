import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importInput } from '../../shared/importers/index.js';
import { parseRequest } from '../../shared/ipc/contract.js';
import { createGitRunner } from './git-runner.js';
import { createServices } from './services.js';

const root = mkdtempSync(join(tmpdir(), 'li-read-repo-'));
const repo = join(root, 'pipelines');
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
const { handlers } = createServices({
  appName: 'li',
  appVersion: '0',
  mode: 'web',
  platform: process.platform,
  sampleDir: join(root, 'no-sample'),
  dataDir: join(root, 'data'),
  git: createGitRunner(),
});

beforeAll(() => {
  mkdirSync(join(repo, 'models'), { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  for (const [i, sql] of ['select 1', 'select 2', 'select 3'].entries()) {
    writeFileSync(join(repo, 'models', 'flag.sql'), `${sql}\n`);
    git(repo, 'add', '.');
    git(repo, '-c', 'user.name=Ana', '-c', 'user.email=ana@example.com', 'commit', '-q', '-m', `Change ${i + 1}`);
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('git:readRepository', () => {
  it('reads a repository as git-log history the importer parses, and git:show reads its files', async () => {
    const { file, warnings } = await handlers['git:readRepository']({ path: repo });
    expect(warnings).toEqual([]);
    expect(file).toMatchObject({ name: 'pipelines', derivedAs: 'git-log' });
    const result = importInput(file);
    expect(result.rejections).toEqual([]);
    const subjects = result.records.map((r) => (r.kind === 'commit' ? r.subject : ''));
    expect(subjects).toEqual(['Change 3', 'Change 2', 'Change 1']);
    const head = git(repo, 'rev-parse', 'HEAD');
    const shown = await handlers['git:show']({ repository: file.repository!, commit: head, path: 'models/flag.sql' });
    expect(shown.text).toBe('select 3\n');
    // The same history read twice is the same source.
    expect((await handlers['git:readRepository']({ path: repo })).file.sha256).toBe(file.sha256);
  });

  it('says a folder that is not a Git repository is not one', async () => {
    const plain = join(root, 'exports');
    mkdirSync(plain, { recursive: true });
    await expect(handlers['git:readRepository']({ path: plain })).rejects.toThrow(
      `${plain}: not a Git repository (it has no .git folder)`,
    );
    await expect(handlers['git:readRepository']({ path: join(root, 'missing') })).rejects.toThrow('no such folder');
  });

  it('refuses a relative path before any handler runs', () => {
    expect(() => parseRequest('git:readRepository', { path: 'pipelines' })).toThrow(/absolute path/);
  });

  it('reads a shallow clone with a warning that its history stops early', async () => {
    const shallow = join(root, 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]);
    const { file, warnings } = await handlers['git:readRepository']({ path: shallow });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/shallow clone/);
    expect(importInput(file).records).toHaveLength(1);
  });

  it('has no folder picker in web mode', async () => {
    await expect(handlers['dialog:openRepository']({})).rejects.toThrow(/type or paste/);
  });
});
