import type { CaseRecord } from '../db/lineage-db';

export interface CasesData {
  readonly cases: ReadonlyArray<CaseRecord>;
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  /** What a long action is doing right now, for the progress line (e.g. "Importing decisions.jsonl (3 of 9)"). */
  readonly progress?: string;
  readonly error?: string;
  /** The case shown; undefined shows the case list. */
  readonly openCaseId?: string;
  /** The Sources screen is shown: of the open case, or of all cases when none is open. */
  readonly sourcesOpen?: boolean;
}

export const initialCasesData: CasesData = { cases: [], status: 'idle' };
