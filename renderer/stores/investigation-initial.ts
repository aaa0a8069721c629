import type { ConnectionQuery } from '../../shared/ipc/connection-investigation-channels';
import type { EvidenceSet } from '../../shared/model/evidence-set';
import type { Decision } from '../../shared/model/records';
import type { AffectedSelection } from '../../shared/warehouse/affected-selection';
import type { CaseRecord, StoredSource } from '../db/lineage-db';
import type { StepId } from '../steps/step-ids';
import type { AmbiguousDecision } from './decision-index';
import { type DerivedResults, noResults } from './derive';

export interface InvestigationData {
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  readonly error?: string;
  readonly caseRecord?: CaseRecord;
  readonly sources: ReadonlyArray<StoredSource>;
  readonly evidence?: EvidenceSet;
  /** Decisions by their key (model and id: decision-key.ts), built once per evidence set. */
  readonly decisionsByKey: ReadonlyMap<string, Decision>;
  readonly decision?: Decision;
  /** A case saved without its decision's model whose decision id several models' logs hold: none is chosen. */
  readonly ambiguousDecision?: AmbiguousDecision;
  readonly featureName?: string;
  readonly step: StepId;
  readonly results: DerivedResults;
  /** What the case's sources hold that an earlier source already held, counted once (shared/model/repeat-notes.ts). */
  readonly readOnce: ReadonlyArray<string>;
  /** In a case on a saved connection: the query that read each cited decision there, with its rows' digest. */
  readonly connectionQueries?: ReadonlyArray<ConnectionQuery>;
  /** In a case on a saved connection: which decisions its scope holds, for the Scope step to page and export. */
  readonly connectionAffected?: AffectedSelection;
}

export const initialInvestigationData: InvestigationData = {
  status: 'idle',
  sources: [],
  decisionsByKey: new Map(),
  readOnce: [],
  step: 'identify',
  results: noResults,
};
