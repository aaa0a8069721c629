/**
 * The git commands the app runs, answered by isomorphic-git where no system `git` is installed (or where the
 * isomorphic-git reader is asked for): the history in the git-log format, whether a clone is shallow, HEAD, and
 * a file's type and text at a commit. Commands it cannot answer (cloning a bundle, diffs) fail with a GitError
 * that says the system git is needed.
 */
import git from 'isomorphic-git';
import { GIT_LOG_ARGS } from '../../shared/importers/git-log-format.js';
import { GitError, type GitResult } from '../services/git-runner.js';
import { headObject, isomorphicGitLog, isomorphicShow, isShallow, openRepository } from './git-isomorphic.js';

/** Which reader ran a git command: the system git, or isomorphic-git in its place. */
export type GitReader = 'git-cli' | 'isomorphic-git';

/** The reader the environment asks for (`LINEAGE_GIT_READER=isomorphic-git`), if any. */
export function readerFromEnvironment(env: NodeJS.ProcessEnv = process.env): GitReader | undefined {
  const value = env.LINEAGE_GIT_READER;
  return value === 'isomorphic-git' || value === 'git-cli' ? value : undefined;
}

const ok = (stdout: string): GitResult => ({ stdout, stderr: '', reader: 'isomorphic-git' });
const sameArgs = (a: ReadonlyArray<string>, b: ReadonlyArray<string>) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Runs `git <args>` in `cwd` with isomorphic-git; rejects with a GitError like the system git would. */
export async function runIsomorphicGit(args: ReadonlyArray<string>, cwd = '.'): Promise<GitResult> {
  const [command, ...rest] = args;
  if (command === 'log' && sameArgs(args, GIT_LOG_ARGS)) return ok(await isomorphicGitLog(cwd));
  if (command === 'rev-parse' && rest[0] === '--is-shallow-repository') return ok(`${isShallow(cwd)}\n`);
  if (command === 'rev-parse' && rest.length === 1 && rest[0] === 'HEAD') return ok(`${await expand(cwd, 'HEAD')}\n`);
  if (command === 'rev-parse' && rest[0] === '--verify') return verifyCommit(cwd, rest[rest.length - 1] ?? '');
  if (command === 'cat-file' && rest[0] === '-t' && rest[1]) return objectType(cwd, rest[1]);
  if (command === 'show' && rest[0] === '--no-textconv' && rest[1]) {
    const [commit = '', path = ''] = splitObject(rest[1]);
    const text = await isomorphicShow(cwd, await expand(cwd, commit), path);
    if (text === null) throw new GitError(`fatal: path '${path}' does not exist in '${commit}'`, 128, '', false);
    return ok(text);
  }
  throw new GitError(
    `git ${command ?? ''} needs the system git, which is not installed here (isomorphic-git reads the history ` +
      'and files of a repository folder only: install git for git bundles and diffs).',
    null,
    '',
    true,
  );
}

function splitObject(object: string): [string, string] {
  const at = object.indexOf(':');
  return at === -1 ? [object, ''] : [object.slice(0, at), object.slice(at + 1)];
}

async function expand(cwd: string, name: string): Promise<string> {
  const repo = openRepository(cwd);
  if (/^[0-9a-f]{4,39}$/i.test(name)) return git.expandOid({ ...repo, oid: name });
  if (/^[0-9a-f]{40}$/i.test(name)) return name;
  if (name === 'HEAD') {
    // A linked work tree's HEAD is in its own Git directory, not in the common one isomorphic-git reads.
    const head = headObject(cwd);
    if (head === undefined) throw new GitError("fatal: ambiguous argument 'HEAD': unknown revision", 128, '', false);
    return head;
  }
  return git.resolveRef({ ...repo, ref: name });
}

async function verifyCommit(cwd: string, spec: string): Promise<GitResult> {
  const name = spec.replace(/\^\{commit\}$/, '');
  try {
    const oid = await expand(cwd, name);
    await git.readCommit({ ...openRepository(cwd), oid });
    return ok(`${oid}\n`);
  } catch {
    throw new GitError(`git rev-parse failed (exit 1): ${name} is not a commit`, 1, '', false);
  }
}

async function objectType(cwd: string, object: string): Promise<GitResult> {
  const [commit = '', path = ''] = splitObject(object);
  const repo = openRepository(cwd);
  try {
    const oid = await expand(cwd, commit);
    if (path === '') return ok(`${(await git.readObject({ ...repo, oid })).type}\n`);
    const { tree } = await git.readTree({ ...repo, oid, filepath: path }).catch(() => ({ tree: undefined }));
    if (tree) return ok('tree\n');
    await git.readBlob({ ...repo, oid, filepath: path });
    return ok('blob\n');
  } catch {
    throw new GitError(`fatal: path '${path}' does not exist in '${commit}'`, 128, '', false);
  }
}
