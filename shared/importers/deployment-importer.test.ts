import { describe, expect, it } from 'vitest';
import type { Deployment } from '../model/records';
import { importDeployments } from './deployment-importer';

const source = { id: 'dep-sha', name: 'deployments.jsonl' };
const sha = '9fceb02d0ae598e95dc970b74767f19372d61af8';

describe('deployment importer', () => {
  it('maps the app format, keeping unknown fields', () => {
    const line = JSON.stringify({
      id: 'dep-17',
      timestamp: '2026-11-18T09:00:00+01:00',
      environment: 'production',
      repository: 'data-pipelines',
      commit: sha,
      component: 'warehouse:features.eligibility',
      actor: 'alice',
      status: 'success',
      pull_request: 42,
      ticket: 'CHG-9',
    });
    const result = importDeployments(line, source);
    expect(result.rejections).toEqual([]);
    expect(result.records[0]).toEqual({
      kind: 'deployment',
      id: 'dep-17',
      timestamp: '2026-11-18T08:00:00.000Z',
      environment: 'production',
      repository: 'data-pipelines',
      commit: sha,
      component: 'warehouse:features.eligibility',
      actor: 'alice',
      status: 'success',
      pullRequest: 42,
      extra: { ticket: 'CHG-9' },
      provenance: { sourceId: 'dep-sha', line: 1 },
    });
  });

  it('accepts a GitHub Deployments API export', () => {
    const github = [
      {
        url: 'https://api.github.com/repos/octo/pipelines/deployments/1',
        id: 1,
        sha,
        ref: 'main',
        task: 'deploy',
        environment: 'staging',
        creator: { login: 'octocat', id: 1 },
        created_at: '2012-07-20T01:19:13Z',
        repository_url: 'https://api.github.com/repos/octo/pipelines',
      },
    ];
    const [record] = importDeployments(JSON.stringify(github, null, 2), source).records as Deployment[];
    expect(record).toMatchObject({ id: '1', commit: sha, environment: 'staging', actor: 'octocat' });
    expect(record?.repository).toBe('octo/pipelines');
    expect(record?.timestamp).toBe('2012-07-20T01:19:13.000Z');
    expect(record?.extra).toMatchObject({ ref: 'main', task: 'deploy' });
    expect(record?.provenance.pointer).toBe('/0');
  });

  it('rejects records missing a required field, and warns on a commit that is not a SHA', () => {
    const text = [
      JSON.stringify({ id: 'dep-1', timestamp: '2026-11-18T09:00:00Z', environment: 'staging' }),
      JSON.stringify({ id: 'dep-2', timestamp: '2026-11-18T09:00:00Z', environment: 'staging', commit: 'HEAD' }),
    ].join('\n');
    const result = importDeployments(text, source);
    expect(result.rejections).toEqual([
      { sourceName: 'deployments.jsonl', line: 1, reason: 'missing required field "commit"' },
    ]);
    expect(result.records).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ line: 2, message: 'commit "HEAD" does not look like a Git SHA' });
  });
});
