/** The plan of the repository's history before it is realized into commits (no SHAs yet). */
import type { FileDoc } from './files/file-doc';
import type { Person } from './people';

/** A change to one file: a pure function of its current document (undefined: absent; null result: delete). */
export interface Edit {
  readonly path: string;
  readonly apply: (doc: FileDoc | undefined) => FileDoc | null;
}

export interface CommitPlan {
  readonly ms: number;
  readonly author: Person;
  readonly subject: string;
  readonly body?: string;
  /** `Key: value` lines at the end of the message (`Co-authored-by: …`, `Reviewed-by: …`). */
  readonly trailers?: ReadonlyArray<string>;
  readonly edits: ReadonlyArray<Edit>;
}

export type ReviewState = 'APPROVED' | 'COMMENTED' | 'CHANGES_REQUESTED';

export interface ReviewPlan {
  readonly reviewer: Person;
  readonly state: ReviewState;
  readonly ms: number;
  /** Index of the branch commit that was the head when the review was submitted. */
  readonly commit: number;
  readonly body: string;
}

export type PrCategory =
  | 'planted'
  | 'feature-logic'
  | 'feature-other'
  | 'upstream'
  | 'tracking-plan'
  | 'identity'
  | 'unrelated-job'
  | 'docs'
  | 'tests'
  | 'ci'
  | 'analysis'
  | 'mart';

/** How a merged change reaches the environments. */
export type DeployPlan = 'promote' | 'production-only' | 'none';

export interface PullRequestPlan {
  /** The story's name for it (`planted`, `upstream-transform`…) or `filler-N`. */
  readonly key: string;
  readonly category: PrCategory;
  readonly author: Person;
  readonly title: string;
  readonly body: string;
  /** Branch name after the author's login: the ref is `<login>/<topic>`. */
  readonly topic: string;
  readonly createdMs: number;
  readonly commits: ReadonlyArray<CommitPlan>;
  readonly reviews: ReadonlyArray<ReviewPlan>;
  readonly merge?: { readonly ms: number; readonly by: Person };
  /** Closed without merging (its branch is kept). */
  readonly closedMs?: number;
  readonly deploy: DeployPlan;
  /** Index of the branch commit promoted to production instead of the merge (environments out of parity). */
  readonly productionCommit?: number;
}

/** A commit pushed straight to main (only the repository's set-up on day 0). */
export interface DirectCommitPlan extends CommitPlan {
  readonly key: string;
}

export function editDoc<T extends FileDoc>(path: string, change: (doc: T) => FileDoc): Edit {
  return {
    path,
    apply: (doc) => {
      if (!doc) throw new Error(`edit of a missing file ${path}`);
      return change(doc as T);
    },
  };
}

export function createDoc(path: string, make: (existing: FileDoc | undefined) => FileDoc): Edit {
  return { path, apply: (doc) => make(doc) };
}
