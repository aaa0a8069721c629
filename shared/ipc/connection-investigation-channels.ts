/**
 * The IPC channels that investigate a decision where its log lives (docs/warehouses.md): a saved connection (a
 * PostgreSQL table, a Parquet file or folder) is asked for one decision, a page of its decisions, or the whole
 * investigation of one decision — the engine that holds the log answers every step that reads decisions
 * (electron/warehouse/pushed-investigation.ts). The renderer names the connection by its id and sends values only,
 * never SQL: the main process builds every query.
 */
import { z } from 'zod';
import type { EngineResult } from '../analysis/engine';
import type { Decision, EvidenceRecord } from '../model/records';
import type { AffectedSelection } from '../warehouse/affected-selection';

/** One decision of a connection's list: enough to recognize it (the whole decision is read when it is opened). */
export interface ConnectionDecisionRow {
  readonly decisionId: string;
  readonly subjectId: string | null;
  readonly timestamp: string;
  readonly model: string;
  readonly outcome: string | null;
}

export interface ConnectionDecisionsRequest {
  readonly id: string;
  /** Only this model's decisions. */
  readonly model?: string;
  /** 0-based page of `ConnectionDecisionsResponse.pageSize` decisions, in time order then id. */
  readonly page: number;
}

export interface ConnectionDecisionsResponse {
  readonly decisions: ReadonlyArray<ConnectionDecisionRow>;
  /** How many decisions the connection holds (of `model`, when given). */
  readonly total: number;
  readonly pageSize: number;
}

export interface ConnectionDecisionResponse {
  /** The decision, read whole through the connection's mapping. */
  readonly decision?: Decision;
  /** Why there is none: not found in the connection (named), or the row does not read as a decision. */
  readonly reason?: string;
}

/** The changed lines of one path in one commit, as the renderer read them (`null`: could not be read). */
export interface ChangedLines {
  readonly commit: string;
  readonly path: string;
  readonly lines: string | null;
}

/** A decision of a connection: its id and, where known, its model's name (two models' logs may both hold the id). */
export interface ConnectionDecisionRequest {
  readonly id: string;
  readonly decisionId: string;
  /**
   * The decision's model: the row with this model and id is read. Without it, an id several models' rows hold is
   * answered with a reason naming the models, none picked.
   */
  readonly model?: string;
}

export interface ConnectionInvestigateRequest extends ConnectionDecisionRequest {
  readonly featureName: string;
  readonly options: { readonly lookbackDays?: number; readonly notifyThreshold?: number; readonly onset?: string };
  /** The case's other evidence (lineage, Git, deployments, audit…): every record but decisions. */
  readonly evidence: ReadonlyArray<EvidenceRecord>;
  /** The commit suspects' changed lines read so far (the "touched field" term reads them). */
  readonly diffs?: ReadonlyArray<ChangedLines>;
}

/** A query the connection answered: its text and parameters, how many rows it returned and their SHA-256. */
export interface ConnectionQuery {
  readonly text: string;
  readonly params: ReadonlyArray<string | number>;
  readonly rows: number;
  /** SHA-256 of the rows' canonical encoding (shared/warehouse/row-encoding.ts). */
  readonly sha256: string;
}

export interface ConnectionInvestigation {
  /** The engine's result, every step that reads decisions answered where the log lives. */
  readonly result?: EngineResult;
  /** The decisions the case cites, read whole: the investigated one, the onset's first bad and last good, the scope's edges. */
  readonly cited?: ReadonlyArray<Decision>;
  /**
   * The query that reads each cited decision there (the one `verify` builds again), with its row count and rows'
   * SHA-256: what the report anchors and the evidence bundle cites.
   */
  readonly queries?: ReadonlyArray<ConnectionQuery>;
  /** Which decisions the scope holds, as values: the Scope step pages and exports them by it (`connections:affected`). */
  readonly affected?: AffectedSelection;
  /** Why the engine that holds the log cannot answer alone (its model's decisions would have to be read). */
  readonly refused?: string;
}

export interface ConnectionInvestigationChannels {
  'connections:decision': {
    request: ConnectionDecisionRequest;
    response: ConnectionDecisionResponse;
  };
  'connections:decisions': { request: ConnectionDecisionsRequest; response: ConnectionDecisionsResponse };
  'connections:investigate': { request: ConnectionInvestigateRequest; response: ConnectionInvestigation };
}

const id = z.string().regex(/^[a-z0-9-]{1,64}$/, 'a connection id');
const decisionId = z.string().min(1, 'a decision id').max(1000);
/** A model's name, optional (old callers send none). */
const modelName = z.string().min(1, 'a model name').max(1000).optional();
/** The kinds of evidence a case sends besides its decisions (shared/model/records.ts). */
const OTHER_KINDS = [
  'lineage-run',
  'commit',
  'pull-request',
  'deployment',
  'audit',
  'enforcement',
  'job',
  'dataset',
  'tracking-plan-item',
  'identity-config',
  'identity-link',
] as const;
/** The most records of other evidence one request may carry. */
const MAX_EVIDENCE = 2_000_000;

export const connectionInvestigationSchemas = {
  'connections:decision': z.object({ id, decisionId, model: modelName }).strict(),
  'connections:decisions': z
    .object({
      id,
      model: modelName,
      page: z.number().int().min(0).max(1_000_000_000),
    })
    .strict(),
  'connections:investigate': z
    .object({
      id,
      decisionId,
      model: modelName,
      featureName: z.string().min(1, 'a feature name').max(1000),
      options: z
        .object({
          lookbackDays: z.number().int().positive().max(3650).optional(),
          notifyThreshold: z.number().int().positive().optional(),
          onset: z.string().min(1).max(200).optional(),
        })
        .strict(),
      evidence: z
        .array(
          z
            .object({ kind: z.enum(OTHER_KINDS, { message: 'a record of evidence other than a decision' }) })
            .passthrough(),
        )
        .max(MAX_EVIDENCE),
      diffs: z
        .array(
          z
            .object({
              commit: z.string().min(1).max(200),
              path: z.string().min(1).max(4096),
              lines: z.string().nullable(),
            })
            .strict(),
        )
        .max(10_000)
        .optional(),
    })
    .strict() as unknown as z.ZodType<ConnectionInvestigateRequest>,
};
