/**
 * Which code ran, on real Git histories made with the system git: a team that merges pull requests into `main`,
 * leaves an experiment on an unmerged branch and a closed pull request's head under `refs/pull/`, deploys to
 * staging and production (once a docs-only commit), and keeps a second repository with the same file names.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GIT_LOG_ARGS } from '../importers/git-log-format';
import { importGitLog } from '../importers/git-log-importer';
import { toEvidenceSet, type EvidenceSet } from '../model/evidence-set';
import type { Commit, Deployment } from '../model/records';
import { commitGraph } from './commit-graph';
import { refIndex } from './git-refs';
import { jobRepository, pathVersionAt, repositoryName, runningCode } from './running-code';

const root = mkdtempSync(join(tmpdir(), 'li-running-'));
let minute = 0;
function gitIn(repo: string, ...args: string[]): string {
  minute += 1;
  const time = new Date(Date.UTC(2026, 10, 1) + minute * 3_600_000).toISOString();
  return execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Dee',
      GIT_AUTHOR_EMAIL: 'dee@example.com',
      GIT_AUTHOR_DATE: time,
      GIT_COMMITTER_NAME: 'Dee',
      GIT_COMMITTER_EMAIL: 'dee@example.com',
      GIT_COMMITTER_DATE: time,
    },
  }).trim();
}
const write = (repo: string, path: string, text: string) => {
  mkdirSync(join(repo, path, '..'), { recursive: true });
  writeFileSync(join(repo, path), text);
};
const commit = (repo: string, message: string) => {
  gitIn(repo, 'add', '-A');
  gitIn(repo, 'commit', '-q', '-m', message);
  return gitIn(repo, 'rev-parse', 'HEAD');
};

const shas: Record<string, string> = {};
let set: EvidenceSet;
const deployment = (id: string, environment: string, sha: string, timestamp: string, extra = {}): Deployment => ({
  kind: 'deployment',
  id,
  environment,
  commit: sha,
  timestamp,
  status: 'success',
  provenance: { sourceId: 'deployments', line: 1 },
  ...extra,
});

beforeAll(() => {
  const pipelines = join(root, 'pipelines');
  const other = join(root, 'marketing');
  for (const repo of [pipelines, other]) {
    mkdirSync(repo);
    gitIn(repo, 'init', '-q', '-b', repo === pipelines ? 'main' : 'master');
  }
  write(pipelines, 'models/features.sql', 'select flag from orders\n');
  write(pipelines, 'README.md', 'pipelines\n');
  shas.first = commit(pipelines, 'Add the features model');
  gitIn(pipelines, 'checkout', '-q', '-b', 'feature/threshold');
  write(pipelines, 'models/features.sql', 'select flag and score > 0.7 from orders\n');
  shas.threshold = commit(pipelines, 'Raise the threshold');
  gitIn(pipelines, 'checkout', '-q', 'main');
  gitIn(
    pipelines,
    'merge',
    '-q',
    '--no-ff',
    'feature/threshold',
    '-m',
    'Merge pull request #2 from org/feature/threshold',
  );
  shas.merge = gitIn(pipelines, 'rev-parse', 'HEAD');
  write(pipelines, 'README.md', 'pipelines, documented\n');
  shas.docs = commit(pipelines, 'Document the pipeline');
  gitIn(pipelines, 'checkout', '-q', '-b', 'experiment');
  write(pipelines, 'models/features.sql', 'select 1 from orders\n');
  shas.experiment = commit(pipelines, 'Try something');
  gitIn(pipelines, 'checkout', '-q', '-b', 'closed-pr', 'main');
  write(pipelines, 'models/features.sql', 'select 2 from orders\n');
  shas.closedPr = commit(pipelines, 'Closed without merging');
  gitIn(pipelines, 'update-ref', 'refs/pull/3/head', 'HEAD');
  gitIn(pipelines, 'checkout', '-q', 'main');
  gitIn(pipelines, 'branch', '-q', '-D', 'closed-pr');
  write(other, 'models/features.sql', 'select campaign from clicks\n');
  shas.otherFeatures = commit(other, 'Same file name, another repository');
  // A repository with a root transform.py and another job's pipelines/stg_orders/transform.py; a branch that
  // changes transform.py and changes it back is merged, and only the other file changes afterwards.
  const jobs = join(root, 'jobs');
  mkdirSync(jobs);
  gitIn(jobs, 'init', '-q', '-b', 'main');
  write(jobs, 'transform.py', 'threshold = 0.5\n');
  write(jobs, 'pipelines/stg_orders/transform.py', 'rows = read()\n');
  shas.jobsFirst = commit(jobs, 'Add the jobs');
  write(jobs, 'transform.py', 'threshold = 0.6\n');
  shas.jobsTuned = commit(jobs, 'Tune the threshold');
  gitIn(jobs, 'checkout', '-q', '-b', 'try');
  write(jobs, 'transform.py', 'threshold = 0.9\n');
  commit(jobs, 'Try a higher threshold');
  write(jobs, 'transform.py', 'threshold = 0.6\n');
  shas.jobsBack = commit(jobs, 'Back to the tuned threshold');
  gitIn(jobs, 'checkout', '-q', 'main');
  write(jobs, 'README.md', 'jobs\n');
  commit(jobs, 'Document the jobs');
  gitIn(jobs, 'merge', '-q', '--no-ff', 'try', '-m', 'Merge pull request #4 from org/try');
  write(jobs, 'pipelines/stg_orders/transform.py', 'rows = read(strict=True)\n');
  shas.jobsOrders = commit(jobs, 'Read orders strictly');
  shas.jobsTip = gitIn(jobs, 'rev-parse', 'HEAD');
  shas.jobsGitAnswer = gitIn(jobs, 'log', '-1', '--no-merges', '--format=%H', 'HEAD', '--', 'transform.py');
  const records: Commit[] = [];
  for (const [name, repo] of [
    ['pipelines', pipelines],
    ['marketing.bundle', other],
    ['jobs', jobs],
  ] as const) {
    const text = execFileSync('git', [...GIT_LOG_ARGS], { cwd: repo, encoding: 'utf8' });
    const source = { id: name, name, size: text.length, sha256: name };
    records.push(...(importGitLog(text, source, { repository: name }).records as Commit[]));
  }
  set = toEvidenceSet([
    ...records,
    deployment('dep-1', 'staging', shas.first as string, '2026-11-01T05:00:00Z'),
    deployment('dep-2', 'production', shas.first as string, '2026-11-01T06:00:00Z'),
    deployment('dep-3', 'production', shas.merge as string, '2026-11-01T12:00:00Z'),
    deployment('dep-4', 'production', shas.docs as string, '2026-11-01T13:00:00Z'),
    { ...deployment('dep-5', 'production', shas.first as string, '2026-11-01T20:00:00Z'), status: 'failure' },
  ]);
}, 120_000); // builds two repositories with git: slow on a busy machine
afterAll(() => rmSync(root, { recursive: true, force: true }));

const job = { id: 'warehouse:analytics.features', codePath: 'models/features.sql' };
const at = (iso: string) => Date.parse(iso);

describe('which commits were merged', () => {
  it('reads the default branch of each repository and labels every other commit by the ref that reached it', () => {
    const refs = refIndex(set.commits);
    expect(refs.repositories.get('pipelines')?.defaultBranch).toBe('refs/heads/main');
    expect(refs.repositories.get('marketing.bundle')?.defaultBranch).toBe('refs/heads/master');
    expect(refs.reach(shas.threshold as string)).toBe('default-branch');
    expect(refs.reach(shas.docs as string)).toBe('default-branch');
    expect(refs.reach(shas.experiment as string)).toBe('other-branch');
    expect(refs.reach(shas.closedPr as string)).toBe('pull-request');
    expect(refs.repositories.get('pipelines')?.mainline.map((c) => c.subject)).toEqual([
      'Document the pipeline',
      'Merge pull request #2 from org/feature/threshold',
      'Add the features model',
    ]);
  });
});

describe('the code a job ran', () => {
  it('is the job path in the last successful deployment to the environment, not a newer branch commit', () => {
    const graph = commitGraph(set.commits, set.pullRequests);
    const repo = { ...job, repositoryUrl: 'https://github.com/org/pipelines.git' };
    expect(jobRepository(set, graph, repo)).toMatchObject({ repository: 'pipelines' });
    // After the docs-only deployment (and the failed one), production still runs the threshold change.
    const late = runningCode(set, graph, repo, 'pipelines', 'production', at('2026-11-02T00:00:00Z'));
    expect(late).toMatchObject({ source: 'deployment', deployment: { id: 'dep-4' } });
    expect(late?.version?.sha).toBe(shas.threshold);
    // Staging never got the change.
    expect(runningCode(set, graph, repo, 'pipelines', 'staging', at('2026-11-02T00:00:00Z'))?.version?.sha).toBe(
      shas.first,
    );
    // Before any deployment and with no run naming a commit: the default branch's head at the time.
    const early = runningCode(set, graph, repo, 'pipelines', 'development', at('2026-11-01T23:00:00Z'));
    expect(early).toMatchObject({ source: 'default-branch', commit: { sha: shas.docs } });
    expect(early?.version?.sha).toBe(shas.threshold);
  });

  it('finds the repository by identity, never by a path that ends the same in another repository', () => {
    const graph = commitGraph(set.commits, set.pullRequests);
    expect(repositoryName('git@github.com:org/marketing.git')).toBe('marketing');
    expect(jobRepository(set, graph, { ...job, repositoryUrl: 'git@github.com:org/marketing.git' })).toMatchObject({
      repository: 'marketing.bundle',
    });
    expect(jobRepository(set, graph, { ...job, repositoryUrl: 'https://github.com/org/billing' })).toEqual({
      gap: 'the repository https://github.com/org/billing that warehouse:analytics.features names is not imported',
    });
    // No URL and two repositories hold the path: said, not guessed.
    expect(jobRepository(set, graph, job)).toMatchObject({ gap: expect.stringMatching(/2 imported repositories/) });
    // The commit the run names identifies it.
    expect(jobRepository(set, graph, { ...job, codeVersion: shas.otherFeatures })).toMatchObject({
      repository: 'marketing.bundle',
    });
  });
});

describe('the job version: the content of its path', () => {
  it('is the commit git log names for the file: not a branch that changed it back, not another file ending the same', () => {
    const graph = commitGraph(set.commits, set.pullRequests);
    const version = pathVersionAt(set, graph, 'jobs', 'transform.py', shas.jobsTip as string);
    expect(version?.sha).toBe(shas.jobsGitAnswer);
    expect(version?.sha).toBe(shas.jobsTuned);
    expect(version?.sha).not.toBe(shas.jobsBack);
    expect(pathVersionAt(set, graph, 'jobs', 'pipelines/stg_orders/transform.py', shas.jobsTip as string)?.sha).toBe(
      shas.jobsOrders,
    );
    // Inside the branch, its own last change is the version.
    expect(pathVersionAt(set, graph, 'jobs', 'transform.py', shas.jobsBack as string)?.sha).toBe(shas.jobsBack);
  });
});
