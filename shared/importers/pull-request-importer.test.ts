import { describe, expect, it } from 'vitest';
import type { PullRequest } from '../model/records';
import { importPullRequests } from './pull-request-importer';

const source = { id: 'prs-sha', name: 'pulls.json' };
const head = 'e5bd3914e2e596debea16f433f57875b5b90bcd6';
const merge = '9fceb02d0ae598e95dc970b74767f19372d61af8';
const pull = (over: Record<string, unknown> = {}) => ({
  number: 42,
  title: 'Tighten eligibility rule',
  user: { login: 'dave' },
  created_at: '2026-11-15T08:00:00Z',
  merged_at: '2026-11-17T16:30:00Z',
  merge_commit_sha: merge,
  head: { sha: head, ref: 'eligibility' },
  base: { ref: 'main', repo: { full_name: 'acme/data-pipelines' } },
  reviews: [
    { user: { login: 'erin' }, state: 'APPROVED', submitted_at: '2026-11-16T10:00:00Z', commit_id: head },
    { user: null, state: 'COMMENTED', submitted_at: '2026-11-16T09:00:00Z' },
  ],
  ...over,
});

describe('pull request importer', () => {
  it('maps a GitHub pull request with its reviews', () => {
    const result = importPullRequests(JSON.stringify([pull()]), source);
    expect(result.rejections).toEqual([]);
    expect(result.records[0]).toEqual({
      kind: 'pull-request',
      number: 42,
      title: 'Tighten eligibility rule',
      author: 'dave',
      repository: 'acme/data-pipelines',
      createdAt: '2026-11-15T08:00:00.000Z',
      mergedAt: '2026-11-17T16:30:00.000Z',
      mergeCommitSha: merge,
      headSha: head,
      baseRef: 'main',
      reviews: [
        { user: 'erin', state: 'APPROVED', submittedAt: '2026-11-16T10:00:00.000Z', commitId: head },
        { user: 'ghost', state: 'COMMENTED', submittedAt: '2026-11-16T09:00:00.000Z' },
      ],
      provenance: { sourceId: 'prs-sha', pointer: '/0' },
    });
  });

  it('accepts one object, and an unmerged pull request with null merge fields', () => {
    const text = JSON.stringify(pull({ merged_at: null, merge_commit_sha: null, reviews: undefined }), null, 2);
    const [record] = importPullRequests(text, source).records as PullRequest[];
    expect(record?.mergedAt).toBeUndefined();
    expect(record?.reviews).toEqual([]);
    expect(record?.provenance.pointer).toBe('');
  });

  it('rejects a pull request without a number and drops an unreadable review with a warning', () => {
    const text = JSON.stringify([pull({ number: '42' }), pull({ number: 43, reviews: [{ user: { login: 'erin' } }] })]);
    const result = importPullRequests(text, source);
    expect(result.rejections).toEqual([
      { sourceName: 'pulls.json', pointer: '/0', reason: 'field "number" must be a positive integer, got "42"' },
    ]);
    expect((result.records[0] as PullRequest).reviews).toEqual([]);
    expect(result.warnings.map((w) => w.message)).toContain('reviews[0]: missing required field "state"');
  });

  it('maps a GitLab merge request with approvals', () => {
    const mr = {
      iid: 7,
      title: 'Update identity stitching',
      author: { username: 'frank' },
      target_branch: 'main',
      sha: head,
      merge_commit_sha: merge,
      merged_at: '2026-11-17T16:30:00Z',
      approved_by: [{ user: { username: 'grace' } }],
    };
    const [record] = importPullRequests(JSON.stringify([mr]), source).records as PullRequest[];
    expect(record).toMatchObject({ number: 7, author: 'frank', baseRef: 'main', mergeCommitSha: merge });
    expect(record?.reviews).toEqual([{ user: 'grace', state: 'APPROVED' }]);
  });
});
