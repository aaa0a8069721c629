import { useEffect, useState } from 'react';
import { getApi } from '../api';
import { type PatchLine, repositoryCandidates, unifiedDiff } from '../format/patch';
import { shortId } from '../format/decision';

interface Props {
  readonly path: string;
  readonly previousCommit?: string;
  readonly suspectCommit: string;
  readonly repository?: string;
  readonly storedRepositories: ReadonlyArray<string | undefined>;
}

type State =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly lines: ReadonlyArray<PatchLine> }
  | { readonly kind: 'failed'; readonly reason: string };

async function show(repositories: ReadonlyArray<string>, commit: string, path: string): Promise<string | null> {
  let lastError: unknown = new Error('no repository is known for this change');
  for (const repository of repositories) {
    try {
      return (await getApi().invoke('git:show', { repository, commit, path })).text;
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

/** The file at the last known-good commit and at the suspect commit, as a coloured unified diff. */
export function FileDiff({ path, previousCommit, suspectCommit, repository, storedRepositories }: Props) {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    const repositories = repositoryCandidates(repository, storedRepositories);
    Promise.all([
      previousCommit ? show(repositories, previousCommit, path) : Promise.resolve(null),
      show(repositories, suspectCommit, path),
    ]).then(
      ([before, after]) => {
        if (cancelled) return;
        const beforeLabel = previousCommit ? shortId(previousCommit) : '(none)';
        setState({ kind: 'ready', lines: unifiedDiff(path, before, after, beforeLabel, shortId(suspectCommit)) });
      },
      (error: unknown) => {
        if (!cancelled) setState({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [path, previousCommit, suspectCommit, repository, storedRepositories]);

  if (state.kind === 'loading') return <p className="muted">Reading both versions from Git…</p>;
  if (state.kind === 'failed') return <p className="notice error">Could not read the file from Git: {state.reason}</p>;
  return (
    <pre className="diff" tabIndex={0} aria-label={`Changes to ${path}`}>
      {state.lines.map((line, i) => (
        <span key={i} className={`diff-${line.kind}`}>
          {line.text}
          {'\n'}
        </span>
      ))}
    </pre>
  );
}
