/**
 * The changed lines of the commit suspects, read through `git:show` (the file at the commit's parent and at the
 * commit), so that the engine's "touched field" term looks at the same text in the app as the CLI's `git show`.
 * The engine is synchronous: the lines are read once per evidence set, then the case is ranked again with them.
 */
import { diffLines } from 'diff';
import type { DiffOf, Suspect } from '../../shared/analysis/engine-types';
import type { EvidenceSet } from '../../shared/model/evidence-set';
import { getApi } from '../api';
import { repositoryCandidates } from '../format/patch';

/** How many commit suspects (highest ranked first) have their diffs read. */
export const DIFF_SUSPECTS = 50;

/** Reads one path at one commit (null where the path did not exist there). */
export type ShowFile = (repository: string | undefined, commit: string, path: string) => Promise<string | null>;

/** The added and removed lines between two versions of a file, `+`/`-` prefixed as `git show --unified=0` has them. */
export function changedLines(before: string | null, after: string | null): string {
  const out: string[] = [];
  for (const part of diffLines(before ?? '', after ?? '')) {
    if (!part.added && !part.removed) continue;
    const lines = part.value.replace(/\n$/, '').split('\n');
    for (const line of lines) out.push(`${part.added ? '+' : '-'}${line}`);
  }
  return out.join('\n');
}

const keyOf = (commit: string, path: string) => `${commit}\u0000${path}`;

/** Known diffs of one evidence set: text, or null where reading failed (not asked again). */
export type DiffCache = ReadonlyMap<string, string | null>;

/** A `DiffOf` over a cache snapshot (a new snapshot is a new function: the memo re-ranks with it). */
export function diffOfCache(cache: DiffCache): DiffOf {
  return (commit, path) => cache.get(keyOf(commit, path)) ?? undefined;
}

/**
 * Reads the diffs of the top commit suspects not yet in `cache`; resolves to the grown cache, or to `cache` itself
 * when nothing was missing.
 */
export async function readSuspectDiffs(
  set: EvidenceSet,
  suspects: ReadonlyArray<Suspect>,
  cache: DiffCache,
  show: ShowFile,
): Promise<DiffCache> {
  const wanted = suspects
    .filter((s) => s.kind === 'commit')
    .slice(0, DIFF_SUSPECTS)
    .flatMap((s) => s.paths.map((path) => ({ s, path })))
    .filter(({ s, path }) => !cache.has(keyOf(s.id, path)));
  if (wanted.length === 0) return cache;
  const parents = new Map(set.commits.map((c) => [c.sha, c.parents[0]] as const));
  const grown = new Map(cache);
  await Promise.all(
    wanted.map(async ({ s, path }) => {
      const parent = parents.get(s.id);
      try {
        // A path the commit added is not in its parent: read as absent. A commit that cannot be read fails.
        const [before, after] = await Promise.all([
          parent ? show(s.repository, parent, path).catch(() => null) : Promise.resolve(null),
          show(s.repository, s.id, path),
        ]);
        grown.set(keyOf(s.id, path), changedLines(before, after));
      } catch {
        grown.set(keyOf(s.id, path), null);
      }
    }),
  );
  return grown;
}

/** `ShowFile` over the main process's `git:show`, trying the change's repository, then the case's repositories. */
export function gitShowFile(storedRepositories: ReadonlyArray<string | undefined>): ShowFile {
  return async (repository, commit, path) => {
    let lastError: unknown = new Error('no repository is known for this change');
    for (const candidate of repositoryCandidates(repository, storedRepositories)) {
      try {
        return (await getApi().invoke('git:show', { repository: candidate, commit, path })).text;
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError;
  };
}

/**
 * The diffs read for the open evidence set: `diffOf` for the engine (undefined until some are read), `cache` for the
 * engine's worker, and `request`
 * to read those of the current suspects, calling `onRead` once more are known (the caller ranks again).
 */
export function suspectDiffReader(onRead: () => void, show: (repos: ReadonlyArray<string | undefined>) => ShowFile) {
  let state: { set?: EvidenceSet; cache: DiffCache; diffOf?: DiffOf } = { cache: new Map() };
  return {
    diffOf: (set: EvidenceSet | undefined): DiffOf | undefined => (set && state.set === set ? state.diffOf : undefined),
    /** The diffs read so far for this evidence set (undefined until some are read); a new map once more are. */
    cache: (set: EvidenceSet | undefined): DiffCache | undefined =>
      set && state.set === set ? state.cache : undefined,
    request: (
      set: EvidenceSet,
      suspects: ReadonlyArray<Suspect>,
      sources: ReadonlyArray<{ readonly repository?: string }>,
    ) => {
      const before = state.set === set ? state.cache : new Map<string, string | null>();
      const repos = sources.map((s) => s.repository);
      void readSuspectDiffs(set, suspects, before, show(repos)).then((grown) => {
        // Kept even when another evidence set was opened meanwhile: its own request then starts again from empty.
        if (grown === before) return;
        state = { set, cache: grown, diffOf: diffOfCache(grown) };
        onRead();
      });
    },
  };
}
