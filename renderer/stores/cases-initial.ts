import type { Case } from '../../shared/case/case-types';
import type { CaseRecord } from '../db/lineage-db';

/** A row of the case list: the stored row and the case its activity log describes. */
export interface CaseSummary {
  readonly record: CaseRecord;
  /** Absent when the log cannot be read as a case (`error` says why). */
  readonly case?: Case;
  readonly entries: number;
  readonly error?: string;
}

export interface CasesData {
  readonly cases: ReadonlyArray<CaseSummary>;
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
