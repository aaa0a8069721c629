/**
 * Reading a Git repository without a system `git`: isomorphic-git (pure JavaScript) walks the history of the refs
 * GIT_LOG_ARGS reads and writes it as that `git log` would — commits in date order with no parent before its
 * children, each commit object read as git reads it (git-commit-object.ts: encoding, idents, dates, the raw message,
 * git's trailers), the paths each changed against its first parent — so the importer makes the same records.
 * Also a file's text at a commit (`git:show`) and whether the clone is shallow.
 */
import * as fs from 'node:fs';
import { join } from 'node:path';
import git from 'isomorphic-git';
import {
  GIT_LOG_FIELD_SEP as FS,
  GIT_LOG_RECORD_SEP as RS,
  GIT_REF_NAMESPACES,
} from '../../shared/importers/git-log-format.js';
import { formatTrailersWith } from '../../shared/importers/git-trailers.js';
import { parseCommitObject, type CommitObject } from './git-commit-object.js';
import { commonDirectory, readRefFiles } from './git-ref-files.js';
import { repositoryTrailerItems } from './git-trailer-config.js';
import { gitDirectory } from './repository-size.js';

interface Repo {
  readonly fs: typeof fs;
  readonly dir?: string;
  /** The common Git directory: objects and refs (what isomorphic-git reads). */
  readonly gitdir: string;
  /** The work tree's own Git directory, where its HEAD is: `gitdir` except in a linked work tree. */
  readonly headDir: string;
  readonly cache: object;
}

/**
 * The repository at `folder`: a working folder with `.git` (a folder, or a file naming the Git directory, as a
 * submodule, `--separate-git-dir` or a linked work tree has), or a bare repository. A linked work tree
 * (`git worktree add`) is read from the common directory its Git directory names, with its own HEAD.
 */
export function openRepository(folder: string): Repo {
  const headDir = gitDirectory(folder);
  const gitdir = commonDirectory(headDir);
  return { fs, ...(headDir === folder ? {} : { dir: folder }), gitdir, headDir, cache: {} };
}

/** The commit (or other object) the work tree's HEAD names, as git resolves it; undefined on an unborn branch. */
export function headObject(folder: string): string | undefined {
  const repo = openRepository(folder);
  return readRefFiles(repo.gitdir, repo.headDir).head;
}

/** True when the repository is a shallow clone (its history stops early). */
export function isShallow(folder: string): boolean {
  return fs.existsSync(join(openRepository(folder).gitdir, 'shallow'));
}

/**
 * isomorphic-git keeps every object it read from a pack in its cache (GitPackIndex's offsetCache): on a history of
 * 40,000 commits that exceeds a 4 GB heap. A fresh cache every this many commits keeps memory flat for the cost of
 * reopening the pack.
 */
const COMMITS_PER_CACHE = 2000;

/** The text `git log` with GIT_LOG_ARGS prints for the repository, made without git. */
export async function isomorphicGitLog(folder: string): Promise<string> {
  let repo = openRepository(folder);
  const fresh = (n: number) => {
    if (n % COMMITS_PER_CACHE === COMMITS_PER_CACHE - 1) repo = { ...repo, cache: {} };
    return repo;
  };
  const shallow = shallowCommits(repo.gitdir);
  const commits = new Map<string, CommitObject>();
  const trailers = formatTrailersWith(repositoryTrailerItems(repo.gitdir));
  const files = readRefFiles(repo.gitdir, repo.headDir);
  const refs = await refTips(repo, files);
  const otherHeads = await Promise.all(files.otherHeads.map((oid) => peel(repo, oid).catch(() => undefined)));
  const tips = [...new Set([...refs.map((r) => r.commit), ...otherHeads.filter((c): c is string => !!c)])];
  const decorated = decorations(refs, files.headBranch);
  const stack = [...tips];
  while (stack.length > 0) {
    const oid = stack.pop() as string;
    if (commits.has(oid)) continue;
    const { object } = await git.readObject({ ...fresh(commits.size), oid, format: 'content' });
    const commit = parseCommitObject(object as Uint8Array, trailers);
    const parents = shallow.has(oid) ? [] : commit.parents;
    commits.set(oid, { ...commit, parents });
    stack.push(...parents);
  }
  const texts: string[] = [];
  for (const oid of dateOrder(commits, tips)) {
    const commit = commits.get(oid) as CommitObject;
    const parent = commits.get(commit.parents[0] ?? '');
    const changes = await nameStatus(fresh(texts.length), commit.tree, parent?.tree);
    texts.push(header(oid, commit, decorated.get(oid) ?? '') + changes);
  }
  return texts.join('\0');
}

/** A file's text at a commit, or null where the path is not a file there. */
export async function isomorphicShow(folder: string, commit: string, path: string): Promise<string | null> {
  const repo = openRepository(folder);
  try {
    const { blob } = await git.readBlob({ ...repo, oid: commit, filepath: path });
    return new TextDecoder('utf-8').decode(blob);
  } catch (error) {
    if (
      (error as { code?: string }).code === 'NotFoundError' ||
      (error as { code?: string }).code === 'ObjectTypeError'
    )
      return null;
    throw error;
  }
}

function shallowCommits(gitdir: string): Set<string> {
  const file = join(gitdir, 'shallow');
  if (!fs.existsSync(file)) return new Set();
  return new Set(fs.readFileSync(file, 'utf8').split('\n').filter(Boolean));
}

interface RefTip {
  /** The full ref name (`refs/heads/main`), or `HEAD`. */
  readonly name: string;
  readonly commit: string;
}

/**
 * The commits the read refs point at (GIT_LOG_ARGS: the refs under GIT_REF_NAMESPACES, then HEAD), peeled to the
 * commit, in git's ref order (byte order of the names, HEAD last).
 */
async function refTips(repo: Repo, files: ReturnType<typeof readRefFiles>): Promise<RefTip[]> {
  const read = (name: string) => GIT_REF_NAMESPACES.some((ns) => name.startsWith(`${ns}/`));
  const names = [...files.refs.keys()].filter(read);
  names.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const tips: RefTip[] = [];
  const named: Array<[string, string | undefined]> = names.map((name) => [name, files.refs.get(name)]);
  for (const [name, oid] of [...named, ['HEAD', files.head] as [string, string | undefined]]) {
    const commit = oid && (await peel(repo, oid).catch(() => undefined));
    if (commit) tips.push({ name, commit });
  }
  return tips;
}

/**
 * `%D` with `--decorate=full`, as git prints it: HEAD first (`HEAD -> <branch>` where it is on a branch at this
 * commit), then the other refs in reverse order of their names, tags prefixed `tag: `.
 */
function decorations(tips: ReadonlyArray<RefTip>, head: string | undefined): Map<string, string> {
  const byCommit = new Map<string, string[]>();
  for (const tip of tips) byCommit.set(tip.commit, [tip.name, ...(byCommit.get(tip.commit) ?? [])]);
  const out = new Map<string, string>();
  for (const [commit, names] of byCommit) {
    const label = (n: string) => (n.startsWith('refs/tags/') ? `tag: ${n}` : n);
    const onHead = names.includes('HEAD');
    const branch = onHead && head && names.includes(head) ? head : undefined;
    const rest = names.filter((n) => n !== 'HEAD' && n !== branch).map(label);
    const first = onHead ? [branch ? `HEAD -> ${branch}` : 'HEAD'] : [];
    out.set(commit, [...first, ...rest].join(', '));
  }
  return out;
}

async function peel(repo: Repo, oid: string): Promise<string | undefined> {
  for (let current = oid, depth = 0; depth < 10; depth += 1) {
    const { type, object } = await git.readObject({ ...repo, oid: current, format: 'parsed' });
    if (type === 'commit') return current;
    if (type !== 'tag') return undefined;
    current = (object as { object: string }).object;
  }
  return undefined;
}

/** `--date-order`: newest committer date first, never a parent before all its children (ties: first come). */
function dateOrder(commits: ReadonlyMap<string, CommitObject>, tips: ReadonlyArray<string>): string[] {
  const children = new Map<string, number>();
  for (const commit of commits.values()) for (const p of commit.parents) children.set(p, (children.get(p) ?? 0) + 1);
  const time = (oid: string) => commits.get(oid)?.time ?? 0;
  const queue = new DateQueue(time);
  const start = [...commits.keys()].filter((oid) => !children.has(oid));
  start.sort((a, b) => time(b) - time(a) || tips.indexOf(a) - tips.indexOf(b));
  start.forEach((oid) => queue.put(oid));
  const order: string[] = [];
  for (let oid = queue.take(); oid !== undefined; oid = queue.take()) {
    order.push(oid);
    for (const parent of commits.get(oid)?.parents ?? []) {
      const left = (children.get(parent) ?? 1) - 1;
      children.set(parent, left);
      if (left === 0) queue.put(parent);
    }
  }
  return order;
}

/** A max-heap by committer time; equal times leave in the order they came. */
class DateQueue {
  private heap: Array<{ readonly oid: string; readonly time: number; readonly seq: number }> = [];
  private seq = 0;
  constructor(private readonly time: (oid: string) => number) {}

  private before(i: number, j: number): boolean {
    const a = this.heap[i]!;
    const b = this.heap[j]!;
    return a.time > b.time || (a.time === b.time && a.seq < b.seq);
  }

  private swap(i: number, j: number): void {
    [this.heap[i], this.heap[j]] = [this.heap[j]!, this.heap[i]!];
  }

  put(oid: string): void {
    this.heap.push({ oid, time: this.time(oid), seq: this.seq++ });
    for (let i = this.heap.length - 1; i > 0 && this.before(i, (i - 1) >> 1); i = (i - 1) >> 1)
      this.swap(i, (i - 1) >> 1);
  }

  take(): string | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (this.heap.length > 0 && last) {
      this.heap[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.heap.length && this.before(l, m)) m = l;
        if (r < this.heap.length && this.before(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top?.oid;
  }
}

/** The header GIT_LOG_PRETTY prints: sha, parents, author, committer, refs, trailers, message. */
function header(oid: string, c: CommitObject, decoration: string): string {
  const fields = [oid, c.parents.join(' '), c.authorName, c.authorEmail, c.authorDate];
  fields.push(c.committerName, c.committerEmail, c.committerDate, decoration, c.trailers, c.message);
  return `${RS}${fields.join(FS)}${FS}`;
}

const kindOf = (mode: string) => (mode === '120000' ? 'link' : mode === '160000' ? 'gitlink' : 'file');

interface Change {
  readonly status: string;
  readonly path: string;
}
type Entry = { readonly mode: string; readonly oid: string; readonly type: string };

/** `--name-status -z --no-renames` of a commit's tree against its first parent's (everything added for a root). */
async function nameStatus(repo: Repo, tree: string, parentTree: string | undefined): Promise<string> {
  const changes: Change[] = [];
  await diffTrees(repo, parentTree, tree, '', changes);
  if (changes.length === 0) return '';
  changes.sort((x, y) => Buffer.compare(Buffer.from(x.path), Buffer.from(y.path)));
  return `\n${changes.map((c) => `${c.status}\0${c.path}\0`).join('')}`;
}

async function entries(repo: Repo, tree: string | undefined): Promise<Map<string, Entry>> {
  if (tree === undefined) return new Map();
  const { tree: list } = await git.readTree({ ...repo, oid: tree });
  return new Map(list.map((e) => [e.path, e]));
}

/** The files that differ between two trees; equal subtrees (same id) are skipped unread. */
async function diffTrees(
  repo: Repo,
  a: string | undefined,
  b: string | undefined,
  prefix: string,
  out: Change[],
): Promise<void> {
  if (a === b) return;
  const [before, after] = await Promise.all([entries(repo, a), entries(repo, b)]);
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const x = before.get(name);
    const y = after.get(name);
    const path = `${prefix}${name}`;
    const treeX = x?.type === 'tree' ? x.oid : undefined;
    const treeY = y?.type === 'tree' ? y.oid : undefined;
    if (treeX !== undefined || treeY !== undefined) await diffTrees(repo, treeX, treeY, `${path}/`, out);
    const fileX = x && x.type !== 'tree' ? x : undefined;
    const fileY = y && y.type !== 'tree' ? y : undefined;
    if (fileX && fileY) {
      if (fileX.oid !== fileY.oid || fileX.mode !== fileY.mode) {
        out.push({ status: kindOf(fileX.mode) === kindOf(fileY.mode) ? 'M' : 'T', path });
      }
    } else if (fileY) out.push({ status: 'A', path });
    else if (fileX) out.push({ status: 'D', path });
  }
}
