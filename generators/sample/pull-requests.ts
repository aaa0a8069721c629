/** `pull-requests.json`: the pull requests in GitHub REST shape, each with its `reviews`. */
import type { History, PullRequestRecord } from './history';
import { formatUtc } from './time';
import { REPOSITORY } from './world';

function pullRequestJson(pr: PullRequestRecord, shaOf: (mark: number) => string, reviewSeq: () => number): object {
  const p = pr.plan;
  const head = pr.commitMarks[pr.commitMarks.length - 1];
  const merged = p.merge !== undefined && pr.mergeMark !== undefined;
  const closedMs = merged ? p.merge?.ms : p.closedMs;
  const lastActivity = Math.max(
    p.createdMs,
    ...p.commits.map((c) => c.ms),
    ...p.reviews.map((r) => r.ms),
    closedMs ?? 0,
  );
  const ref = `${p.author.login}/${p.topic}`;
  return {
    url: `${REPOSITORY.apiUrl}/pulls/${pr.number}`,
    id: 1_800_000_000 + pr.number * 97,
    html_url: `${REPOSITORY.webUrl}/pull/${pr.number}`,
    number: pr.number,
    state: closedMs !== undefined ? 'closed' : 'open',
    title: p.title,
    body: p.body,
    user: { login: p.author.login, type: 'User' },
    created_at: formatUtc(p.createdMs),
    updated_at: formatUtc(lastActivity),
    closed_at: closedMs !== undefined ? formatUtc(closedMs) : null,
    merged_at: merged && p.merge ? formatUtc(p.merge.ms) : null,
    merge_commit_sha: merged && pr.mergeMark !== undefined ? shaOf(pr.mergeMark) : null,
    merged_by: merged && p.merge ? { login: p.merge.by.login, type: 'User' } : null,
    draft: false,
    head: { label: `${REPOSITORY.owner}:${ref}`, ref, sha: head !== undefined ? shaOf(head) : null },
    base: { label: `${REPOSITORY.owner}:main`, ref: 'main', sha: shaOf(pr.baseMark) },
    author_association: 'MEMBER',
    reviews: p.reviews.map((r) => {
      const mark = pr.commitMarks[r.commit];
      return {
        id: reviewSeq(),
        user: { login: r.reviewer.login, type: 'User' },
        body: r.body,
        state: r.state,
        submitted_at: formatUtc(r.ms),
        commit_id: mark !== undefined ? shaOf(mark) : null,
        author_association: 'MEMBER',
      };
    }),
  };
}

/** The JSON array, a chunk per pull request (in number order). */
export function* pullRequestChunks(history: History, shaOf: (mark: number) => string): Generator<string> {
  let review = 2_400_000_000;
  const next = () => (review += 13);
  yield '[\n';
  for (const [i, pr] of history.pullRequests.entries()) {
    const text = JSON.stringify(pullRequestJson(pr, shaOf, next), null, 2).replace(/^/gm, '  ');
    yield `${i === 0 ? '' : ',\n'}${text}`;
  }
  yield '\n]\n';
}
