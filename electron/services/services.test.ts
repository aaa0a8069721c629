import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { GIT_LOG_FIELD_SEP, GIT_LOG_RECORD_SEP } from '../../shared/importers/git-log-format.js';
import { createGitRunner, type GitRunner } from './git-runner.js';
import { createServices, sampleRepositoryHandle } from './services.js';

const REAL_EVENT = realFixture('openlineage/marquez_event_full.json');
const root = mkdtempSync(join(tmpdir(), 'li-services-'));
const sampleDir = join(root, 'sample');
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
let firstCommit = '';
let lastCommit = '';

/** A sample folder like the generator's: case.json, answer key, inputs (one real), and a bundle of a small history. */
function buildSample(): void {
  const repo = join(root, 'repo');
  mkdirSync(join(repo, 'models'), { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  const commit = (message: string, name: string) =>
    git(repo, '-c', `user.name=${name}`, '-c', 'user.email=dev@example.com', 'commit', '-q', '-m', message);
  writeFileSync(join(repo, 'models', 'flag.sql'), 'select 1 as eligibility_flag\n');
  git(repo, 'add', '.');
  commit('Add flag model', 'Zoë Ålvarez');
  firstCommit = git(repo, 'rev-parse', 'HEAD');
  writeFileSync(join(repo, 'models', 'flag.sql'), 'select 0 as eligibility_flag\n');
  writeFileSync(join(repo, 'README.md'), '# pipelines\n');
  git(repo, 'add', '.');
  commit('Change flag', 'Bob');
  lastCommit = git(repo, 'rev-parse', 'HEAD');
  mkdirSync(join(sampleDir, 'lineage'), { recursive: true });
  execFileSync('git', ['bundle', 'create', join(sampleDir, 'pipelines.bundle'), '--all'], {
    cwd: repo,
    stdio: 'ignore',
  });
  writeFileSync(
    join(sampleDir, 'case.json'),
    JSON.stringify({ title: 'T', description: 'D', decisionId: 'd-1', featureName: 'f' }),
  );
  writeFileSync(join(sampleDir, 'ground-truth.json'), '{"secret":true}');
  writeFileSync(join(sampleDir, '.DS_Store'), 'x');
  cpSync(REAL_EVENT, join(sampleDir, 'lineage', 'event.json'));
  writeFileSync(join(sampleDir, 'decisions.jsonl'), '{"decision_id":"d-1"}\n');
}

function countingRunner(): { runner: GitRunner; clones: () => number } {
  const real = createGitRunner();
  let clones = 0;
  const runner: GitRunner = (args, options) => {
    if (args[0] === 'clone') clones += 1;
    return real(args, options);
  };
  return { runner, clones: () => clones };
}

const make = (git: GitRunner, dataDir = join(root, 'data')) =>
  createServices({ appName: 'app', appVersion: '1.2.3', mode: 'web', platform: 'linux', sampleDir, dataDir, git });

beforeAll(buildSample);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('sample:load', () => {
  it('returns the case, every input file with its hash, and the git history, never the answer key', async () => {
    const { handlers } = make(createGitRunner());
    const sample = await handlers['sample:load']({});
    expect(sample).toMatchObject({ title: 'T', description: 'D', decisionId: 'd-1', featureName: 'f' });
    const names = sample.files.map((f) => f.name);
    expect(names.sort()).toEqual(['decisions.jsonl', 'lineage/event.json', 'pipelines.bundle']);
    const real = readFileSync(REAL_EVENT);
    const event = sample.files.find((f) => f.name === 'lineage/event.json');
    expect(event?.sha256).toBe(createHash('sha256').update(real).digest('hex'));
    expect(event?.size).toBe(real.byteLength);
    expect(event?.text).toBe(real.toString('utf8'));
    expect(JSON.stringify(sample)).not.toContain('secret');

    const log = sample.files.find((f) => f.derivedAs === 'git-log');
    const bundle = readFileSync(join(sampleDir, 'pipelines.bundle'));
    expect(log?.sha256).toBe(createHash('sha256').update(bundle).digest('hex'));
    expect(log?.repository).toBe('sample:pipelines');
    const records = log?.text.split(GIT_LOG_RECORD_SEP).filter(Boolean) ?? [];
    expect(records.map((r) => r.split(GIT_LOG_FIELD_SEP)[0])).toEqual([lastCommit, firstCommit]);
    expect(log?.text).toContain('Zoë Ålvarez');
    expect(records[0]).toContain('M\0models/flag.sql');
    expect(records[0]).toContain('A\0README.md');
  });

  it('clones the bundle once into <dataDir>/repositories/<sha256> and re-uses it', async () => {
    const dataDir = join(root, 'data-cache');
    const first = countingRunner();
    const sample = await make(first.runner, dataDir).handlers['sample:load']({});
    const sha = sample.files.find((f) => f.derivedAs === 'git-log')?.sha256 ?? '';
    expect(existsSync(join(dataDir, 'repositories', sha, 'objects'))).toBe(true);
    await make(first.runner, dataDir).handlers['sample:load']({});
    expect(first.clones()).toBe(1);
  });

  it('says how to generate the sample when it is missing', async () => {
    const services = createServices({
      ...{ appName: 'a', appVersion: '1', mode: 'web', platform: 'linux', git: createGitRunner() },
      sampleDir: join(root, 'nowhere'),
      dataDir: join(root, 'data'),
    });
    await expect(services.handlers['sample:load']({})).rejects.toThrow(/npm run sample/);
  });
});

describe('git:show', () => {
  it('reads a file at a commit, null where it did not exist, even in a fresh process', async () => {
    const { handlers } = make(createGitRunner(), join(root, 'data-show'));
    const repository = sampleRepositoryHandle('pipelines.bundle');
    const show = (commit: string, path: string) => handlers['git:show']({ repository, commit, path });
    expect((await show(firstCommit, 'models/flag.sql')).text).toBe('select 1 as eligibility_flag\n');
    expect((await show(lastCommit, 'models/flag.sql')).text).toBe('select 0 as eligibility_flag\n');
    expect((await show(firstCommit, 'README.md')).text).toBeNull();
    expect((await show(lastCommit, 'models')).text).toBeNull();
  });

  it('rejects an unknown repository and an unknown commit', async () => {
    const { handlers } = make(createGitRunner());
    await expect(handlers['git:show']({ repository: 'other', commit: firstCommit, path: 'a' })).rejects.toThrow(
      /Unknown repository "other"/,
    );
    const repository = sampleRepositoryHandle('pipelines.bundle');
    await expect(handlers['git:show']({ repository, commit: 'deadbeef', path: 'README.md' })).rejects.toThrow(
      /deadbeef is not in repository/,
    );
  });
});

describe('app:info', () => {
  it('reports the app and the system git', async () => {
    const info = await make(createGitRunner()).handlers['app:info']({});
    expect(info).toMatchObject({ name: 'app', version: '1.2.3', mode: 'web', platform: 'linux' });
    expect(info.git.available).toBe(true);
    expect(info.git.version).toBe(git(root, '--version').replace('git version ', ''));
  });

  it('reports git as unavailable when it is not installed', async () => {
    const info = await make(createGitRunner('/nonexistent/git')).handlers['app:info']({});
    expect(info.git).toEqual({ available: false });
  });
});
