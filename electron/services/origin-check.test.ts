import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { parseRequest } from '../../shared/ipc/contract.js';
import { createGitRunner } from './git-runner.js';
import { PathNotAllowedError } from './origin-check.js';
import { createServices } from './services.js';

const REAL_EVENT = realFixture('openlineage/marquez_event_full.json');
const root = mkdtempSync(join(tmpdir(), 'li-origin-'));
const sampleDir = join(root, 'sample');
const outside = join(root, 'outside');
const repo = join(root, 'pipelines');
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const realSha = sha256(readFileSync(REAL_EVENT));

const { handlers } = createServices({
  appName: 'li',
  appVersion: '0',
  mode: 'web',
  platform: process.platform,
  sampleDir,
  dataDir: join(root, 'data'),
  git: createGitRunner(),
});

beforeAll(() => {
  mkdirSync(join(sampleDir, 'lineage'), { recursive: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(
    join(sampleDir, 'case.json'),
    JSON.stringify({ title: 'T', description: '', decisionId: 'd', featureName: 'f' }),
  );
  cpSync(REAL_EVENT, join(sampleDir, 'lineage', 'event.json'));
  cpSync(REAL_EVENT, join(sampleDir, 'lineage', 'changed.json'));
  cpSync(REAL_EVENT, join(outside, 'secret.json'));
  symlinkSync(join(outside, 'secret.json'), join(sampleDir, 'lineage', 'link.json'));
  mkdirSync(join(repo, 'models'), { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  writeFileSync(join(repo, 'models', 'flag.sql'), 'select 1\n');
  git(repo, 'add', '.');
  git(repo, '-c', 'user.name=Ana', '-c', 'user.email=ana@example.com', 'commit', '-q', '-m', 'Add flag');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('origin:sha256', () => {
  it('gives the SHA-256 the file had at import while it is unchanged', async () => {
    const sample = await handlers['sample:load']({});
    const event = sample.files.find((f) => f.name === 'lineage/event.json');
    expect(event?.path).toBe(join(sampleDir, 'lineage', 'event.json'));
    expect(event?.sha256).toBe(realSha);
    expect(await handlers['origin:sha256']({ path: event!.path! })).toEqual({ sha256: realSha });
  });

  it('gives the new SHA-256 of a file changed on disk', async () => {
    const path = join(sampleDir, 'lineage', 'changed.json');
    appendFileSync(path, '\n');
    const now = await handlers['origin:sha256']({ path });
    expect(now.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(now.sha256).not.toBe(realSha);
    expect(now.sha256).toBe(sha256(readFileSync(path)));
  });

  it('says a file that was removed (or became a folder) cannot be read', async () => {
    const gone = await handlers['origin:sha256']({ path: join(sampleDir, 'lineage', 'removed.json') });
    expect(gone).toEqual({ sha256: null, reason: expect.stringMatching(/removed\.json: no such file/) });
    const folder = await handlers['origin:sha256']({ path: join(sampleDir, 'lineage') });
    expect(folder).toEqual({ sha256: null, reason: expect.stringMatching(/no longer a regular file/) });
  });

  it('refuses paths outside the folders the app reads inputs from, also through .. and symbolic links', async () => {
    for (const path of [
      join(outside, 'secret.json'),
      `${sampleDir}/../outside/secret.json`,
      join(sampleDir, 'lineage', 'link.json'),
      sampleDir,
      '/etc/passwd',
    ]) {
      await expect(handlers['origin:sha256']({ path })).rejects.toThrow(PathNotAllowedError);
    }
    expect(() => parseRequest('origin:sha256', { path: 'lineage/event.json' })).toThrow(/an absolute path to a file/);
  });
});

describe('origin:commits', () => {
  it('names the cited commits a repository no longer holds, not those it gained', async () => {
    const { file } = await handlers['git:readRepository']({ path: repo });
    const first = git(repo, 'rev-parse', 'HEAD');
    writeFileSync(join(repo, 'models', 'flag.sql'), 'select 2\n');
    git(repo, '-c', 'user.name=Bo', '-c', 'user.email=bo@example.com', 'commit', '-qam', 'Change flag');
    expect(await handlers['origin:commits']({ repository: file.repository!, commits: [first] })).toEqual({
      missing: [],
    });
    const rewritten = git(repo, 'rev-parse', 'HEAD');
    git(repo, '-c', 'user.name=Bo', '-c', 'user.email=bo@example.com', 'commit', '-q', '--amend', '-m', 'Reworded');
    git(repo, 'reflog', 'expire', '--expire=now', '--all');
    git(repo, 'gc', '-q', '--prune=now');
    const answer = await handlers['origin:commits']({ repository: file.repository!, commits: [first, rewritten] });
    expect(answer).toEqual({ missing: [rewritten] });
  });

  it('counts every commit missing when the repository is gone', async () => {
    const answer = await handlers['origin:commits']({
      repository: `local:${join(root, 'no-such-repo')}`,
      commits: ['0123456789abcdef0123456789abcdef01234567'],
    });
    expect(answer.missing).toEqual(['0123456789abcdef0123456789abcdef01234567']);
    expect(answer.reason).toMatch(/no-such-repo/);
  });
});
