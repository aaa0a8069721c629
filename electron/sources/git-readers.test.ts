/**
 * Both Git readers on one repository with what real histories hold: branches, pull-request refs, annotated,
 * lightweight and nested tags, packed refs, a rename, an octopus merge, a Latin-1 message (i18n.commitEncoding) and
 * one without its encoding header, offsets (+0530, -0800, -0000), trailer blocks (a cherry-pick line, a Signed-off-by
 * block with prose, a `#` comment paragraph), a subject with leading spaces and a BOM, and refs that are not read
 * (notes, stash, refs/original). Both must write the same text, make the same records, equal git's own output.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refIndex } from '../../shared/analysis/git-refs.js';
import { GIT_LOG_ARGS } from '../../shared/importers/git-log-format.js';
import { parseTrailerLines } from '../../shared/importers/git-trailers.js';
import { importInput } from '../../shared/importers/index.js';
import type { Commit } from '../../shared/model/records.js';
import { createGitRunner } from '../services/git-runner.js';

const root = mkdtempSync(join(tmpdir(), 'li-readers-'));
const repo = join(root, 'warehouse');
let minute = 0;
/** git with a fixed author and committer; each call one minute later, at the offset given. */
function git(args: ReadonlyArray<string>, offset = '+0200', input?: string | Buffer): string {
  minute += 1;
  const date = `${1_790_000_000 + minute * 60} ${offset}`;
  return execFileSync('git', args, {
    cwd: repo,
    input,
    encoding: 'utf8',
    stdio: 'pipe',
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Ana Lyst',
      GIT_AUTHOR_EMAIL: 'ana@example.com',
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: 'Bo Merger',
      GIT_COMMITTER_EMAIL: 'bo@example.com',
      GIT_COMMITTER_DATE: date,
    },
  }).trim();
}
const write = (path: string, text: string) => writeFileSync(join(repo, path), text);
const commit = (message: string, offset?: string) => git(['commit', '-q', '-a', '-m', message], offset);
/** A commit object written as given (no cleanup of the message), on top of HEAD. */
function rawCommit(header: string, message: Buffer | string): string {
  const tree = git(['rev-parse', 'HEAD^{tree}']);
  const parent = git(['rev-parse', 'HEAD']);
  const body = Buffer.concat([Buffer.from(`tree ${tree}\nparent ${parent}\n${header}\n`), Buffer.from(message)]);
  const sha = git(['hash-object', '-t', 'commit', '-w', '--stdin'], undefined, body);
  git(['update-ref', 'HEAD', sha]);
  return sha;
}

const CHERRY_PICK =
  'Fix the eligibility flag\n\nThe flag was inverted.\n\nReviewed-by: Cy <cy@example.com>\n' +
  '(cherry picked from commit 0123456789abcdef0123456789abcdef01234567)\n';
const SIGNED_WITH_PROSE =
  'Bump the model\n\nbumped the model\n---\nSigned-off-by: Dee <dee@example.com>\nCloses #12\n' +
  'Signed-off-by: Eve <eve@example.com>\n';
const COMMENTED = 'Remove a model\n\nApproved-by: Fay <fay@example.com>\n\n# Conflicts:\n#\tmodels/old.sql\n';

beforeAll(() => {
  mkdirSync(join(repo, 'models'), { recursive: true });
  git(['init', '-q', '-b', 'main']);
  write('models/flag.sql', 'select 1\n');
  git(['add', '.']);
  git(['commit', '-q', '-m', '  Add the flag model'], '+0530');
  git(['checkout', '-q', '-b', 'feature']);
  write('models/flag.sql', 'select 2\n');
  commit(CHERRY_PICK, '-0800');
  git(['mv', 'models/flag.sql', 'models/eligibility_flag.sql']);
  commit(SIGNED_WITH_PROSE);
  git(['update-ref', 'refs/pull/5/head', 'HEAD']);
  git(['checkout', '-q', 'main']);
  git(['merge', '-q', '--no-ff', 'feature', '-m', 'Merge pull request #5 from org/feature']);
  git(['tag', '-a', 'v1', '-m', 'release 1']);
  git(['tag', '-a', 'v1-signed', '-m', 'a tag of a tag', 'v1']);
  for (const name of ['a', 'b', 'c']) {
    git(['checkout', '-q', '-b', `part-${name}`, 'main']);
    write(`models/${name}.sql`, `select '${name}'\n`);
    git(['add', '.']);
    commit(name === 'c' ? COMMENTED : `Add model ${name}`);
  }
  git(['checkout', '-q', 'main']);
  git(['merge', '-q', 'part-a', 'part-b', 'part-c', '-m', 'Merge the three parts']);
  git(['branch', '-q', '-D', 'part-a', 'part-b', 'part-c']);
  git(['config', 'i18n.commitEncoding', 'ISO-8859-1']);
  write('models/a.sql', "select 'é'\n");
  writeFileSync(
    join(root, 'latin1.txt'),
    Buffer.from('Café: réglé\n\nReviewed-by: José <jose@example.com>\n', 'latin1'),
  );
  git(['commit', '-q', '-a', '-F', join(root, 'latin1.txt')]);
  git(['config', '--unset', 'i18n.commitEncoding']);
  rawCommit('author Gil <gil@example.com> 1790100000 -0000\ncommitter Gil <gil@example.com> 1790100000 -0000\n', '');
  rawCommit(
    'author Hal <hal@example.com> 1790100060 +0100\ncommitter Hal <hal@example.com> 1790100060 +0100\n',
    Buffer.concat([Buffer.from('\uFEFF  Recode '), Buffer.from('no header: é\n', 'latin1'), Buffer.from('\r\n')]),
  );
  // A tag-only commit, an unmerged branch, an unmerged pull request, remote-tracking refs.
  git(['checkout', '-q', '-b', 'hotfix', 'v1']);
  write('models/flag.sql', 'select 3\n');
  git(['add', '.']);
  commit('Hotfix shipped from a tag');
  git(['tag', 'v1.0.1']);
  git(['checkout', '-q', '-b', 'try-flag', 'main']);
  write('models/a.sql', 'select 4\n');
  commit('Try another flag');
  git(['checkout', '-q', '-b', 'pr-only', 'main']);
  write('models/a.sql', 'select 5\n');
  commit('Only in a pull request');
  git(['update-ref', 'refs/pull/9/head', 'HEAD']);
  git(['checkout', '-q', 'main']);
  git(['branch', '-q', '-D', 'hotfix', 'pr-only']);
  git(['update-ref', 'refs/remotes/origin/main', 'main']);
  git(['symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/main']);
  git(['tag', 'light', 'feature']);
  // Refs that are not read: notes, a stash, the backup of a rewrite.
  git(['notes', 'add', '-m', 'a note', 'HEAD']);
  write('models/a.sql', 'select 6\n');
  git(['stash', '-q']);
  git(['update-ref', 'refs/original/refs/heads/main', 'refs/notes/commits']);
  git(['pack-refs', '--all']);
  git(['update-ref', 'refs/heads/feature', 'feature']);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const asFile = (text: string) => ({
  name: 'warehouse',
  sha256: 'e'.repeat(64),
  size: 0,
  text,
  derivedAs: 'git-log' as const,
});
const read = async (reader: 'git-cli' | 'isomorphic-git') => {
  const { stdout } = await createGitRunner('git', reader)(GIT_LOG_ARGS, { cwd: repo });
  return { text: stdout, commits: importInput(asFile(stdout)).records as Commit[] };
};

describe('the system git and isomorphic-git read the same history', () => {
  it('write the same log text and make the same records', async () => {
    const [cli, iso] = await Promise.all([read('git-cli'), read('isomorphic-git')]);
    expect(iso.text).toBe(cli.text);
    expect(iso.commits).toEqual(cli.commits);
    expect(cli.commits).toHaveLength(14);
  });

  it("equal git's own trailers, offsets and subjects on every commit", async () => {
    const { commits } = await read('isomorphic-git');
    const format = '--format=%x1e%H%x1f%(trailers:only,unfold)%x1f%ai%x1f%ci%x1f%s';
    const revs = GIT_LOG_ARGS.filter((a) => /^--(branches|glob|remotes|tags|exclude|all)/.test(a));
    const printed = git(['-c', 'i18n.logOutputEncoding=UTF-8', 'log', ...revs, format])
      .split('\x1e')
      .slice(1);
    const expected = printed.map((line) => {
      const [sha, trailers = '', ai = '', ci = '', printedSubject = ''] = line.split('\x1f');
      const subject = printedSubject.replace(/\n$/, ''); // the newline between two commits
      const offset = (date: string) => date.slice(date.lastIndexOf(' ') + 1);
      const trailerList = parseTrailerLines(trailers);
      return { sha, trailers: trailerList, authorTimezone: offset(ai), committerTimezone: offset(ci), subject };
    });
    const fields = (c: Commit) => ({
      sha: c.sha,
      trailers: c.trailers,
      authorTimezone: c.authorTimezone,
      committerTimezone: c.committerTimezone,
      subject: c.subject,
    });
    expect(commits.map(fields).sort((a, b) => a.sha.localeCompare(b.sha))).toEqual(
      expected.sort((a, b) => (a.sha ?? '').localeCompare(b.sha ?? '')),
    );
  });

  it('reads the trailers, encodings, offsets and subjects a user would look for', async () => {
    const { commits } = await read('isomorphic-git');
    const by = (subject: string) => commits.find((c) => c.subject.includes(subject)) as Commit;
    expect(by('Fix the eligibility flag').trailers).toEqual([{ key: 'Reviewed-by', value: 'Cy <cy@example.com>' }]);
    expect(by('Fix the eligibility flag').authorTimezone).toBe('-0800');
    expect(by('Bump the model').trailers.map((t) => t.value)).toEqual([
      'Dee <dee@example.com>',
      'Eve <eve@example.com>',
    ]);
    expect(by('Remove a model').trailers).toEqual([{ key: 'Approved-by', value: 'Fay <fay@example.com>' }]);
    expect(by('Café: réglé').trailers).toEqual([{ key: 'Reviewed-by', value: 'José <jose@example.com>' }]);
    expect(by('Add the flag model')).toMatchObject({ subject: '  Add the flag model', committerTimezone: '+0530' });
    expect(by('Recode').subject).toBe('\uFEFF  Recode no header: \uFFFD');
    expect(commits.find((c) => c.authorName === 'Gil')).toMatchObject({ authorTimezone: '+0000', subject: '' });
    expect(by('Merge the three parts').parents).toHaveLength(3);
    expect(by('Bump the model').changedPaths).toEqual([
      { status: 'A', path: 'models/eligibility_flag.sql' },
      { status: 'D', path: 'models/flag.sql' },
    ]);
  });

  it('reads the same refs and labels each commit the same way (default branch, tag, branch, pull request)', async () => {
    const [cli, iso] = await Promise.all([read('git-cli'), read('isomorphic-git')]);
    const labels = (commits: Commit[]) => {
      const index = refIndex(commits);
      return Object.fromEntries(commits.map((c) => [c.subject.trim(), index.reach(c.sha)]));
    };
    expect(labels(iso.commits)).toEqual(labels(cli.commits));
    expect(labels(iso.commits)).toMatchObject({
      'Add the flag model': 'default-branch',
      'Merge the three parts': 'default-branch',
      'Hotfix shipped from a tag': 'tag',
      'Try another flag': 'other-branch',
      'Only in a pull request': 'pull-request',
    });
    const refs = iso.commits.flatMap((c) => c.refs ?? []).sort();
    expect(refs).toEqual([
      'HEAD -> refs/heads/main',
      'refs/heads/feature',
      'refs/heads/try-flag',
      'refs/pull/5/head',
      'refs/pull/9/head',
      'refs/remotes/origin/HEAD',
      'refs/remotes/origin/main',
      'refs/tags/light',
      'refs/tags/v1',
      'refs/tags/v1-signed',
      'refs/tags/v1.0.1',
    ]);
    expect(iso.commits.filter((c) => /^(WIP on|index on|Notes added by)/.test(c.subject))).toEqual([]);
  });

  it("ignores configuration that would change git's trailers (comment character, separators)", async () => {
    const before = await read('isomorphic-git');
    git(['config', 'core.commentChar', ';']);
    git(['config', 'trailer.separators', ':=']);
    try {
      expect((await read('git-cli')).text).toBe(before.text);
    } finally {
      git(['config', '--unset', 'core.commentChar']);
      git(['config', '--unset', 'trailer.separators']);
    }
  });

  it('reads a work tree whose .git is a file naming its Git directory (submodule, --separate-git-dir)', async () => {
    const separate = join(root, 'separate');
    git(['clone', '-q', '--separate-git-dir', join(root, 'separate.git'), repo, separate]);
    const run = (reader: 'git-cli' | 'isomorphic-git') =>
      createGitRunner('git', reader)(GIT_LOG_ARGS, { cwd: separate }).then((r) => r.stdout);
    const [cli, iso] = await Promise.all([run('git-cli'), run('isomorphic-git')]);
    expect(iso).toBe(cli);
    expect(importInput(asFile(iso)).records.length).toBeGreaterThan(0);
  });
});
