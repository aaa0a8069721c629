/**
 * Writes an in-memory repository with the system git: one `git fast-import` stream (commits with their own
 * authors, committers and dates, branches, pull-request refs, tags), then either a normal repository folder
 * (work tree of the default branch, an index with no stat data so the bytes do not depend on the machine, a
 * remote or none) or a git bundle of every ref. Sets every commit's `sha`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ancestors, head } from './repo-model.js';
import { gitDate } from './time.js';
import type { CommitNode, Person, RepoModel } from './types.js';

const SCRATCH = 'refs/heads/__generator';

export function gitEnv(): NodeJS.ProcessEnv {
  const fixed = '1700000000 +0000';
  return {
    PATH: process.env.PATH,
    HOME: tmpdir(),
    LANG: 'C',
    LC_ALL: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'generator',
    GIT_AUTHOR_EMAIL: 'generator@example.invalid',
    GIT_AUTHOR_DATE: fixed,
    GIT_COMMITTER_NAME: 'generator',
    GIT_COMMITTER_EMAIL: 'generator@example.invalid',
    GIT_COMMITTER_DATE: fixed,
  };
}

export function git(cwd: string, args: ReadonlyArray<string>, input?: string | Buffer): string {
  return execFileSync('git', args, {
    cwd,
    env: gitEnv(),
    input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** The refs written for a repository: ref name → commit. */
export function finalRefs(repo: RepoModel): Map<string, CommitNode> {
  const refs = new Map<string, CommitNode>();
  const remote = repo.branchesAsRemote && repo.remote !== 'none';
  for (const [branch, tip] of repo.heads) {
    if (branch === repo.defaultBranch || !remote) refs.set(`refs/heads/${branch}`, tip);
    else refs.set(`refs/remotes/origin/${branch}`, tip);
  }
  if (remote) refs.set(`refs/remotes/origin/${repo.defaultBranch}`, head(repo));
  for (const [n, tip] of repo.pullRefs) refs.set(`refs/pull/${n}/head`, tip);
  for (const t of repo.tags) refs.set(`refs/tags/${t.name}`, t.commit);
  return refs;
}

/** Every commit reachable from a written ref (what a clone or a bundle holds). */
export function reachable(repo: RepoModel): Set<CommitNode> {
  const out = new Set<CommitNode>();
  for (const tip of finalRefs(repo).values()) for (const c of ancestors(tip)) out.add(c);
  return out;
}

function ident(p: Person, time: number): string {
  return `${p.name} <${p.email}> ${gitDate(time, p.zone)}`;
}

function data(text: string): string {
  return `data ${Buffer.byteLength(text, 'utf8')}\n${text}\n`;
}

function stream(repo: RepoModel): string {
  const parts: string[] = [];
  for (const c of repo.commits) {
    if (c.parents.length === 0) parts.push(`reset ${SCRATCH}\n`);
    parts.push(
      `commit ${SCRATCH}\nmark :${c.mark}\nauthor ${ident(c.author, c.authorTime)}\ncommitter ${ident(c.committer, c.commitTime)}\n`,
    );
    parts.push(data(c.message.endsWith('\n') ? c.message : `${c.message}\n`));
    if (c.parents[0]) parts.push(`from :${c.parents[0].mark}\n`);
    for (const p of c.parents.slice(1)) parts.push(`merge :${p.mark}\n`);
    for (const path of c.changed) {
      const text = c.files.get(path);
      parts.push(text === undefined ? `D ${path}\n` : `M 100644 inline ${path}\n${data(text)}`);
    }
    parts.push('\n');
  }
  for (const [ref, tip] of finalRefs(repo)) {
    const tag = ref.startsWith('refs/tags/') ? repo.tags.find((t) => `refs/tags/${t.name}` === ref) : undefined;
    if (tag?.annotated) {
      parts.push(
        `tag ${tag.name}\nfrom :${tip.mark}\ntagger ${ident(tag.annotated.tagger, tag.annotated.time)}\n${data(`${tag.annotated.message}\n`)}`,
      );
    } else parts.push(`reset ${ref}\nfrom :${tip.mark}\n\n`);
  }
  parts.push('done\n');
  return parts.join('');
}

function importInto(repo: RepoModel, gitDir: string): void {
  const marks = join(mkdtempSync(join(tmpdir(), 'worlds-marks-')), 'marks');
  try {
    git(gitDir, ['fast-import', '--quiet', '--done', `--export-marks=${marks}`], stream(repo));
    const byMark = new Map(repo.commits.map((c) => [c.mark, c]));
    for (const line of readFileSync(marks, 'utf8').split('\n')) {
      const m = /^:(\d+) ([0-9a-f]{40})$/.exec(line);
      if (m) byMark.get(Number(m[1]))!.sha = m[2];
    }
    git(gitDir, ['update-ref', '-d', SCRATCH]);
  } finally {
    rmSync(dirname(marks), { recursive: true, force: true });
  }
}

export function remoteUrl(repo: RepoModel): string | undefined {
  if (repo.remote === 'https') return `https://github.com/${repo.org}/${repo.name}.git`;
  if (repo.remote === 'ssh') return `git@github.com:${repo.org}/${repo.name}.git`;
  return undefined;
}

/** A normal repository in `dir` (created), its work tree at the default branch. */
export function writeRepoFolder(repo: RepoModel, dir: string): void {
  mkdirSync(dir, { recursive: true });
  git(dir, ['-c', `init.defaultBranch=${repo.defaultBranch}`, 'init', '-q']);
  importInto(repo, dir);
  git(dir, ['read-tree', `refs/heads/${repo.defaultBranch}`]);
  for (const [path, text] of [...head(repo).files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const url = remoteUrl(repo);
  if (url) git(dir, ['remote', 'add', 'origin', url]);
}

/**
 * A bundle of every ref at `file`. The bare repository it was made from is kept (and returned) so the caller
 * can ask git about it; remove it when done.
 */
export function writeRepoBundle(repo: RepoModel, file: string): string {
  const bare = mkdtempSync(join(tmpdir(), 'worlds-bundle-'));
  git(bare, ['-c', `init.defaultBranch=${repo.defaultBranch}`, 'init', '-q', '--bare']);
  importInto(repo, bare);
  mkdirSync(dirname(file), { recursive: true });
  git(bare, ['-c', 'pack.threads=1', 'bundle', 'create', '-q', file, '--all']);
  return bare;
}

/** The last non-merge commit that changed `path` in the history of `sha` (as `git log` answers). */
export function lastChange(gitDir: string, sha: string, path: string): string | undefined {
  const out = git(gitDir, ['log', '-1', '--no-merges', '--format=%H', sha, '--', path]).trim();
  return out || undefined;
}
