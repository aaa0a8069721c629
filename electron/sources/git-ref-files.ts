/**
 * The refs of a Git directory read from its files, as git reads them: `packed-refs` once (its `^` peeled lines are
 * not refs), loose files under `refs/` overriding packed entries, symbolic refs (`ref: refs/…`) followed. Used by the
 * isomorphic-git reader instead of one `resolveRef` per ref, which re-reads packed-refs each time (on dbt-core's 8,246
 * refs that took minutes and a 4 GB heap). A linked work tree keeps its HEAD in its own Git directory and everything
 * else in the common one it names in `commondir`; git's `--all` also reads every other work tree's HEAD.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';

const OID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** Every ref under `refs/` with what its file says: an object id, or `ref: <target>`. */
function refFiles(gitdir: string): Map<string, string> {
  const refs = new Map<string, string>();
  const packed = join(gitdir, 'packed-refs');
  if (existsSync(packed)) {
    for (const line of readFileSync(packed, 'utf8').split('\n')) {
      const match = /^([0-9a-f]{40,64}) (refs\/\S+)$/.exec(line);
      if (match) refs.set(match[2] as string, match[1] as string);
    }
  }
  const walk = (dir: string, name: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const child = `${name}/${entry.name}`;
      if (entry.isDirectory()) walk(join(dir, entry.name), child);
      else if (entry.isFile() && !entry.name.endsWith('.lock')) {
        refs.set(child, readFileSync(join(dir, entry.name), 'utf8').trim());
      }
    }
  };
  if (existsSync(join(gitdir, 'refs'))) walk(join(gitdir, 'refs'), 'refs');
  return refs;
}

/** Follows `ref: …` lines to an object id (undefined for a dangling or looping symbolic ref). */
function resolve(refs: ReadonlyMap<string, string>, value: string | undefined): string | undefined {
  let current = value;
  for (let depth = 0; depth < 5 && current !== undefined; depth += 1) {
    if (OID.test(current)) return current;
    const target = /^ref:\s*(\S+)$/.exec(current)?.[1];
    current = target === undefined ? undefined : refs.get(target);
  }
  return undefined;
}

/**
 * The refs under `refs/` with the object each names (not yet peeled), HEAD's object and branch, and the HEADs of the
 * repository's other work trees. `gitdir` is the common Git directory (refs and objects); `headDir` the work tree's
 * own (its HEAD: the same directory, except in a linked work tree, `git worktree add`).
 */
export function readRefFiles(
  gitdir: string,
  headDir: string = gitdir,
): {
  readonly refs: ReadonlyMap<string, string>;
  readonly head?: string;
  readonly headBranch?: string;
  /** The object each other work tree's HEAD names — git's `--all` reads them too —, the main one first. */
  readonly otherHeads: ReadonlyArray<string>;
} {
  const files = refFiles(gitdir);
  const refs = new Map<string, string>();
  for (const [name, value] of files) {
    const oid = resolve(files, value);
    if (oid) refs.set(name, oid);
  }
  const headText = readHead(headDir);
  const headBranch = /^ref:\s*(refs\/\S+)$/.exec(headText ?? '')?.[1];
  const otherHeads = workTreeDirs(gitdir)
    .filter((dir) => resolvePath(dir) !== resolvePath(headDir))
    .map((dir) => resolve(files, readHead(dir)))
    .filter((oid): oid is string => oid !== undefined);
  return { refs, head: resolve(files, headText), ...(headBranch !== undefined && { headBranch }), otherHeads };
}

function readHead(dir: string): string | undefined {
  const file = join(dir, 'HEAD');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

/** The Git directory of every work tree: the main one (the common directory), then `worktrees/<id>` by name. */
function workTreeDirs(gitdir: string): string[] {
  const linked = join(gitdir, 'worktrees');
  const ids = existsSync(linked)
    ? readdirSync(linked, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort()
    : [];
  return [gitdir, ...ids.map((id) => join(linked, id))];
}

/**
 * The common Git directory of a work tree's Git directory: where its `commondir` file points (a linked work tree),
 * else the directory itself.
 */
export function commonDirectory(gitdir: string): string {
  const file = join(gitdir, 'commondir');
  const named = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  return named === '' ? gitdir : resolvePath(gitdir, named);
}
