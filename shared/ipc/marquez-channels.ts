/**
 * The IPC channel that pulls a window of lineage from a Marquez server's API (docs/warehouses.md): the main process
 * reads `GET /api/v1/events/lineage` page by page, keeps the events of the jobs asked for and their upstream closure,
 * and hands them back as one NDJSON input file for the renderer's import — named by the server's URL and the
 * window, never by the API key. The key stays in the main process (in memory until the app quits), as connection
 * passwords do; no response carries it.
 */
import { z } from 'zod';
import { parseTimestamp } from '../importers/timestamps';
import type { InputFile } from './contract';

export interface MarquezPullRequest {
  /** The server, e.g. http://localhost:5000 (an /api/v1 suffix is accepted). */
  readonly url: string;
  /** Sent as a Bearer token and kept for this server; absent uses the one kept, an empty text forgets it. */
  readonly apiKey?: string;
  /** RFC 3339: events at or after. */
  readonly after?: string;
  /** RFC 3339: events before. */
  readonly before?: string;
  /** Keep the jobs of this namespace and their upstream. */
  readonly namespace?: string;
  /** Keep this job and its upstream. */
  readonly job?: string;
}

export interface MarquezPull {
  /** The kept events as NDJSON, to import; its name says the server and the window. */
  readonly file: InputFile;
  /** Events read from the server in the window, and the total it reported. */
  readonly read: number;
  readonly totalCount?: number;
  /** Events kept (the jobs asked for and their upstream). */
  readonly kept: number;
  /** The kept jobs, `namespace:name`. */
  readonly jobs: ReadonlyArray<string>;
  /** Requests made to the server. */
  readonly pages: number;
  /** Whether an API key is kept for this server. */
  readonly keyKept: boolean;
}

/**
 * Where a pull the renderer pages stands (`marquez:pullNext`): pages and events read so far, the total the server
 * reported, and — after the last page — the pull itself, as `marquez:pull` gives it.
 */
export interface MarquezPullStep {
  /** Names the pull in the main process until its last page or its cancel. */
  readonly pullId: string;
  readonly pages: number;
  readonly read: number;
  readonly totalCount?: number;
  /** The pull, once its last page is read (the main process then forgets it). */
  readonly pull?: MarquezPull;
}

/** The namespaces a Marquez server knows, each with its jobs' names (to pick what to pull). */
export interface MarquezJobs {
  readonly namespaces: ReadonlyArray<{ readonly namespace: string; readonly jobs: ReadonlyArray<string> }>;
  readonly keyKept: boolean;
}

export interface MarquezChannels {
  'marquez:pull': { request: MarquezPullRequest; response: MarquezPull };
  /**
   * One page of a pull: `start` begins one (its first page), `pullId` reads its next page. The renderer drives the
   * loop, showing the progress, and stops it with `marquez:pullCancel`.
   */
  'marquez:pullNext': {
    request: { readonly start: MarquezPullRequest } | { readonly pullId: string };
    response: MarquezPullStep;
  };
  /** Forgets a pull before its last page (what it read is dropped); `cancelled` is false for a pull not known. */
  'marquez:pullCancel': { request: { readonly pullId: string }; response: { readonly cancelled: boolean } };
  'marquez:jobs': {
    request: Pick<MarquezPullRequest, 'url' | 'apiKey'>;
    response: MarquezJobs;
  };
}

const time = z
  .string()
  .trim()
  .max(64)
  .refine((t) => parseTimestamp(t).ok, 'an RFC 3339 time, e.g. 2026-02-01T00:00:00Z')
  .optional();
const name = z.string().trim().max(1000).optional();
const url = z
  .string()
  .trim()
  .max(2048)
  .refine((u) => /^https?:\/\/[^\s/]+/.test(u), 'an http:// or https:// URL of the Marquez server');
const apiKey = z.string().max(4096).optional();

const pullRequest = z
  .object({
    url,
    apiKey,
    after: time,
    before: time,
    namespace: name,
    job: name,
  })
  .strict();
const pullId = z.string().regex(/^[0-9a-f-]{36}$/, 'a pull id as marquez:pullNext gave it');

export const marquezSchemas = {
  'marquez:pull': pullRequest,
  'marquez:pullNext': z.union([z.object({ start: pullRequest }).strict(), z.object({ pullId }).strict()]),
  'marquez:pullCancel': z.object({ pullId }).strict(),
  'marquez:jobs': z.object({ url, apiKey }).strict(),
};
