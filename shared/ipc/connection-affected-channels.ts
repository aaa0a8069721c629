/**
 * The IPC channels that page and export the affected decisions, and export their subjects, of a case read where its
 * log lives: the Scope step sends the connection's id and the scope's selection as `connections:investigate` gave it
 * (values: the model and versions, or the blast radius's filter and the lineage placing the data), never SQL — the
 * main process builds the query (shared/warehouse/affected-selection.ts) and the engine pages (or groups) in SQL.
 */
import { z } from 'zod';
import type { Decision } from '../model/records';
import type { AffectedSelection } from '../warehouse/affected-selection';

export interface ConnectionAffectedRequest {
  readonly id: string;
  readonly selection: AffectedSelection;
  /** 0-based page of `ConnectionAffectedResponse.pageSize` decisions, in time order then id. */
  readonly page: number;
}

export interface ConnectionAffectedResponse {
  /** The page's decisions, read whole through the connection's mapping. */
  readonly decisions: ReadonlyArray<Decision>;
  readonly pageSize: number;
}

export interface ConnectionAffectedCsvRequest {
  readonly id: string;
  readonly selection: AffectedSelection;
  /** The feature whose value and versions the CSV gives (the case's). */
  readonly featureName: string;
  /** How many affected decisions were already written (the header comes with the first chunk, at 0). */
  readonly offset: number;
}

export interface ConnectionAffectedCsvResponse {
  /** The next chunk of the CSV (RFC 4180, CRLF), the columns of the imported case's export. */
  readonly csv: string;
  /** How many decisions the engine returned for this chunk (the next offset is `offset + rows`). */
  readonly rows: number;
  /** Whether the chunk is the last. */
  readonly done: boolean;
}

export interface ConnectionAffectedSubjectsCsvRequest {
  readonly id: string;
  readonly selection: AffectedSelection;
  /** How many affected subjects were already written (the header comes with the first chunk, at 0). */
  readonly offset: number;
}

export interface ConnectionAffectedSubjectsCsvResponse {
  /** The next chunk of the CSV (RFC 4180, CRLF), the columns of the imported case's subjects export. */
  readonly csv: string;
  /** How many subjects the engine returned for this chunk (the next offset is `offset + rows`). */
  readonly rows: number;
  /** Whether the chunk is the last. */
  readonly done: boolean;
}

export interface ConnectionAffectedChannels {
  'connections:affected': { request: ConnectionAffectedRequest; response: ConnectionAffectedResponse };
  'connections:affectedCsv': { request: ConnectionAffectedCsvRequest; response: ConnectionAffectedCsvResponse };
  'connections:affectedSubjectsCsv': {
    request: ConnectionAffectedSubjectsCsvRequest;
    response: ConnectionAffectedSubjectsCsvResponse;
  };
}

const id = z.string().regex(/^[a-z0-9-]{1,64}$/, 'a connection id');
const text = z.string().max(1000);
const ms = z.number().refine(Number.isSafeInteger, 'a time in epoch milliseconds');
const count = z.number().int().min(0).max(1_000_000_000_000);

const lineage = z
  .object({
    model: text.min(1, 'a model'),
    dataset: z.object({ namespace: text, name: text }).strict().optional(),
    versions: z.array(z.object({ version: text, fromMs: ms }).strict()).max(1_000_000, 'at most a million versions'),
  })
  .strict();

const filter = z
  .object({
    onDataset: z.boolean().optional(),
    environment: text.optional(),
    until: text.optional(),
    featureVersion: text.optional(),
    writtenFrom: ms.optional(),
    writtenBefore: ms.optional(),
    subjects: z.array(text).max(10_000_000, 'at most ten million subjects').optional(),
  })
  .strict();

const selection = z.discriminatedUnion('by', [
  z
    .object({
      by: z.literal('versions'),
      model: text.min(1, 'a model'),
      versionKind: z.enum(['feature_version', 'dataset_version']),
      versions: z.array(text).max(100_000, 'at most 100,000 versions'),
    })
    .strict(),
  z.object({ by: z.literal('radius'), lineage, filter }).strict(),
]);

export const connectionAffectedSchemas = {
  'connections:affected': z
    .object({ id, selection, page: count })
    .strict() as unknown as z.ZodType<ConnectionAffectedRequest>,
  'connections:affectedCsv': z
    .object({ id, selection, featureName: text.min(1, 'a feature name'), offset: count })
    .strict() as unknown as z.ZodType<ConnectionAffectedCsvRequest>,
  'connections:affectedSubjectsCsv': z
    .object({ id, selection, offset: count })
    .strict() as unknown as z.ZodType<ConnectionAffectedSubjectsCsvRequest>,
};
