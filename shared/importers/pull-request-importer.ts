/**
 * Pull-request importer: GitHub REST pull requests (an array or one object; number, title, user.login,
 * created_at, merged_at, merge_commit_sha, head.sha, base.ref), each optionally with `reviews[]`;
 * also GitLab merge requests (iid, author.username, merge_commit_sha, sha, target_branch, approved_by[]).
 */
import type { ImportResult, Provenance, PullRequest, Review } from '../model/records';
import { FieldReader } from './field-reader';
import { isObject, readJsonInput, type JsonInput } from './json-input';
import { runImport, type ImportSource, type MapOutcome, type RunOptions } from './record-runner';

/** How the streaming importer maps one record of this kind. */
export const pullRequestMapper: RunOptions<PullRequest> = {
  importer: 'pull-requests',
  detected: 'pull-requests',
  wrappers: ['pull_requests', 'merge_requests', 'items'],
  recordName: 'a pull request',
  map: (value, provenance) =>
    isGitLabMergeRequest(value) ? mapGitLab(value, provenance) : mapGitHub(value, provenance),
};

/** Imports pull requests from text. */
export function importPullRequests(text: string, source: ImportSource): ImportResult {
  return importPullRequestsInput(readJsonInput(text), source);
}

/** Imports pull requests from an already-read input. */
export function importPullRequestsInput(input: JsonInput, source: ImportSource): ImportResult {
  return runImport(input, source, pullRequestMapper).result;
}

/** A GitLab merge request: `iid` and `target_branch` rather than `number` and `base`. */
export function isGitLabMergeRequest(value: Readonly<Record<string, unknown>>): boolean {
  return value.number === undefined && value.iid !== undefined && value.target_branch !== undefined;
}

function mapGitHub(value: Record<string, unknown>, provenance: Provenance): MapOutcome<PullRequest> {
  const r = new FieldReader(value);
  const number = requiredNumber(r, 'number');
  const title = r.requiredString('title');
  const author = r.requiredString('user.login');
  if (r.problems.length > 0) return { reason: r.problems.join('; '), warnings: r.warnings };
  const reviews = mapReviews(r);
  return build(r, provenance, {
    number,
    title,
    author,
    repository: r.optionalString('base.repo.full_name'),
    createdAt: r.optionalTimestamp('created_at'),
    mergedAt: r.optionalTimestamp('merged_at'),
    mergeCommitSha: r.optionalString('merge_commit_sha'),
    headSha: r.optionalString('head.sha'),
    baseRef: r.optionalString('base.ref'),
    reviews,
  });
}

function mapGitLab(value: Record<string, unknown>, provenance: Provenance): MapOutcome<PullRequest> {
  const r = new FieldReader(value);
  const number = requiredNumber(r, 'iid');
  const title = r.requiredString('title');
  const author = r.requiredString('author.username');
  if (r.problems.length > 0) return { reason: r.problems.join('; '), warnings: r.warnings };
  const approvals = Array.isArray(value.approved_by) ? value.approved_by : [];
  const reviews: Review[] = approvals
    .map((a) => (isObject(a) && isObject(a.user) ? a.user.username : undefined))
    .filter((u): u is string => typeof u === 'string')
    .map((user) => ({ user, state: 'APPROVED' }));
  return build(r, provenance, {
    number,
    title,
    author,
    repository: r.optionalString('references.full')?.replace(/!\d+$/, ''),
    createdAt: r.optionalTimestamp('created_at'),
    mergedAt: r.optionalTimestamp('merged_at'),
    mergeCommitSha: r.optionalString('merge_commit_sha') ?? r.optionalString('squash_commit_sha'),
    headSha: r.optionalString('sha'),
    baseRef: r.optionalString('target_branch'),
    reviews,
  });
}

function requiredNumber(r: FieldReader, path: string): number {
  const v = r.get(path);
  if (typeof v === 'number' && Number.isInteger(v) && v > 0) return v;
  if (v === undefined || v === null) r.problems.push(`missing required field "${path}"`);
  else r.problems.push(`field "${path}" must be a positive integer, got ${JSON.stringify(v).slice(0, 40)}`);
  return 0;
}

function mapReviews(r: FieldReader): ReadonlyArray<Review> {
  const list = r.get('reviews');
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) {
    r.warnings.push('field "reviews" should be an array; ignored');
    return [];
  }
  const reviews: Review[] = [];
  list.forEach((item, i) => {
    if (!isObject(item)) return r.warnings.push(`reviews[${i}] is not an object; ignored`);
    const f = new FieldReader(item);
    const user = f.get('user') === null ? 'ghost' : f.requiredString('user.login');
    const state = f.requiredString('state');
    const submittedAt = f.optionalTimestamp('submitted_at');
    const commitId = f.optionalString('commit_id');
    r.warnings.push(...[...f.problems, ...f.warnings].map((m) => `reviews[${i}]: ${m}`));
    if (f.problems.length > 0) return r.warnings.push(`reviews[${i}] ignored`);
    reviews.push({ user, state, ...(submittedAt && { submittedAt }), ...(commitId && { commitId }) });
  });
  return reviews;
}

type Fields = Omit<PullRequest, 'kind' | 'provenance'>;
type Loose = { -readonly [K in keyof Fields]: Fields[K] | undefined };

function build(r: FieldReader, provenance: Provenance, fields: Loose): MapOutcome<PullRequest> {
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Fields;
  return { record: { kind: 'pull-request', ...defined, provenance }, warnings: r.warnings };
}
