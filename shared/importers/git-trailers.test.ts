import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTrailers, gitTrailers } from './git-trailers';
import { REAL_MESSAGES } from './git-trailers.fixture';

/** Messages at the edges of git's rules; each is checked against what the system git prints for it. */
const EDGES: ReadonlyArray<string> = [
  'Subject\n\nBody.\n\nReviewed-by: Bob <bob@example.com>\nApproved-by: Carol\n',
  'Subject\n\nprose line\nSigned-off-by: Ann\nmore prose\nmore prose\nmore prose\nAcked-by: Kim\n    folded  \n',
  'Subject\n\nprose line\nReviewed-by: Ann\nmore prose\n',
  'Subject\n\nprose\nprose\nprose\nprose\nSigned-off-by: Ann\n',
  'Subject\n\nReviewed-by: Bob\n(cherry picked from commit 0123456789abcdef0123456789abcdef01234567)\n',
  'Subject\n\nReviewed-by: Bob\n# a comment inside\nApproved-by: Carol\n\n# a comment paragraph\n#\tpath\n\n',
  'Subject\n\nReviewed-by: x\n---\nmore\n',
  'Subject\n\nReviewed-by: x\n\n# ------------------------ >8 ------------------------\nAcked-by: y\n',
  'Subject\n\nReviewed-by: x\n\nConflicts:\n\ta.sql\n\tb.sql\n',
  'Subject\n\nFoo Bar: not a token\nReviewed-by: x\n',
  'Subject\n\nKey : spaced\nKey2:\nEmpty:   \n',
  'Subject\r\n\r\nReviewed-by: Bob\r\nCo-authored-by: Carol\r\n  <carol@example.com>\r\n',
  '\n  \nReviewed-by: only a title\n',
  'Reviewed-by: a title\nReviewed-by: still the title\n',
  'Subject\n\nhttps://example.com/x\n',
  'Subject\n\n  Indented: no\nReviewed-by: y\n',
  'Subject\n\nReviewed-by: no final newline',
  'Subject\n\nReviewed-by: Bob\n  \n',
  'Subject\n\n-dash: starts\nx-y_z: underscore\n',
];

let dir = '';
let tree = '';
const git = (args: ReadonlyArray<string>, input?: string) =>
  execFileSync('git', args, { cwd: dir, input, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });

/** What `git log --format=%(trailers:only,unfold)` prints for each message, in order. */
function gitPrints(messages: ReadonlyArray<string>): string[] {
  const shas = messages.map((message) =>
    git(
      ['hash-object', '-t', 'commit', '-w', '--stdin'],
      `tree ${tree}\nauthor A <a@x> 1 +0000\ncommitter A <a@x> 1 +0000\n\n${message}`,
    ).trim(),
  );
  const out = git(['show', '-s', '--no-walk=unsorted', '--format=%x1e%(trailers:only,unfold)%x1f', ...shas]);
  return out
    .split('\x1e')
    .slice(1)
    .map((t) => t.slice(0, t.indexOf('\x1f')));
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'git-trailers-'));
  git(['init', '-q']);
  tree = git(['hash-object', '-t', 'tree', '-w', '--stdin'], '').trim();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('trailers by git rules', () => {
  it('finds what the system git finds, on every edge of its rules', () => {
    expect(EDGES.map(formatTrailers)).toEqual(gitPrints(EDGES));
  });

  it('reads real blocks as git does: a cherry-pick line, a # comment paragraph, the 25% rule, CRLF', () => {
    const messages = REAL_MESSAGES.map((m) => m.message);
    expect(messages.map(formatTrailers)).toEqual(gitPrints(messages));
    const [cherryPick, conflicts, mixed, crlf] = messages.map((m) => gitTrailers(m).map((t) => t.key));
    expect(cherryPick).toEqual(['Co-authored-by']);
    expect(conflicts).toEqual(['Signed-off-by']);
    expect(mixed).toEqual(['Signed-off-by', 'Signed-off-by']);
    expect(crlf).toEqual([
      'updated-dependencies',
      'Signed-off-by',
      'Co-authored-by',
      'Co-authored-by',
      'Co-authored-by',
    ]);
  });

  it('keeps a folded value on one line, and the git-generated block with prose around it', () => {
    expect(gitTrailers(EDGES[1] as string)).toEqual([
      { key: 'Signed-off-by', value: 'Ann' },
      { key: 'Acked-by', value: 'Kim folded' },
    ]);
    expect(gitTrailers(EDGES[2] as string)).toEqual([]);
    expect(gitTrailers(EDGES[3] as string)).toEqual([]);
  });
});
