/**
 * The handler of `marquez:pull` (shared/ipc/marquez-channels.ts): a window of a Marquez server's lineage events read
 * page by page through marquez-client.ts, the jobs asked for and their upstream closure kept, returned as one NDJSON
 * input file named by the server and the window. An API key is kept in this process's memory per server until the
 * app quits, never written, never returned, and cut out of any error message.
 */
import { createHash } from 'node:crypto';
import { parseTimestamp } from '../../shared/importers/timestamps.js';
import type { IpcHandlers } from '../../shared/ipc/contract.js';
import type { MarquezPullRequest } from '../../shared/ipc/marquez-channels.js';
import { apiRoot, listJobs, pullLineageEvents, type MarquezOptions } from '../marquez/marquez-client.js';
import { filters, upstreamClosure } from '../marquez/upstream-closure.js';

/** The server's API root as a source may name it: no user, password, query or fragment. */
function shownServer(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  parsed.search = '';
  parsed.hash = '';
  return apiRoot(parsed.toString());
}

const isoOf = (text: string | undefined) => {
  const t = text === undefined || text.trim() === '' ? undefined : parseTimestamp(text);
  return t?.ok ? t.iso : undefined;
};

/** The name of the pulled file: the server, the window and the jobs asked for. */
function pulledName(request: MarquezPullRequest): string {
  const after = isoOf(request.after) ?? 'the first';
  const before = isoOf(request.before) ?? 'the last';
  const jobs = filters(request) ? ` upstream of ${[request.namespace || '*', request.job || '*'].join(':')}` : '';
  return `${shownServer(request.url)} lineage events ${after} to ${before}${jobs}.ndjson`;
}

/** An error's message with the key cut out. */
const hidden = (error: unknown, apiKey: string | undefined) => {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(apiKey ? message.split(apiKey).join('***') : message);
};

export function createMarquezHandlers(fetchImpl?: typeof fetch): Pick<IpcHandlers, 'marquez:pull' | 'marquez:jobs'> {
  const keys = new Map<string, string>();
  /** The client's options for a request: its key kept (or forgotten, when empty) for the server. */
  const optionsFor = (request: { readonly url: string; readonly apiKey?: string }): MarquezOptions => {
    const server = shownServer(request.url);
    if (request.apiKey === '') keys.delete(server);
    else if (request.apiKey !== undefined) keys.set(server, request.apiKey);
    const apiKey = keys.get(server);
    return { url: request.url, ...(apiKey && { apiKey }), ...(fetchImpl && { fetch: fetchImpl }) };
  };
  return {
    async 'marquez:jobs'(request) {
      const opts = optionsFor(request);
      try {
        return { namespaces: await listJobs(opts), keyKept: opts.apiKey !== undefined };
      } catch (error) {
        throw hidden(error, opts.apiKey);
      }
    },
    async 'marquez:pull'(request) {
      const opts = optionsFor(request);
      const after = isoOf(request.after);
      const before = isoOf(request.before);
      const events: Array<Record<string, unknown>> = [];
      let pages = 0;
      let read: { events: number; totalCount?: number };
      try {
        read = await pullLineageEvents(opts, { ...(after && { after }), ...(before && { before }) }, (page) => {
          pages++;
          events.push(...page);
        });
      } catch (error) {
        throw hidden(error, opts.apiKey);
      }
      const kept = upstreamClosure(events, request);
      const text = kept.events.map((e) => `${JSON.stringify(e)}\n`).join('');
      return {
        file: {
          name: pulledName(request),
          sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
          size: Buffer.byteLength(text, 'utf8'),
          text,
        },
        read: read.events,
        ...(read.totalCount !== undefined && { totalCount: read.totalCount }),
        kept: kept.events.length,
        jobs: kept.jobs,
        pages,
        keyKept: opts.apiKey !== undefined,
      };
    },
  };
}
