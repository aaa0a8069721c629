/**
 * For tests: a local HTTP server answering as Marquez's API does, replaying the sample's OpenLineage events as the
 * server stored them — `GET /api/v1/events/lineage` (after, before, sortDirection, limit, offset → `{events,
 * totalCount}`), `/api/v1/namespaces` and `/api/v1/namespaces/{ns}/jobs` — behind a Bearer API key.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

export const SAMPLE = 'assets/sample';
export const EVENTS_FILE = readdirSync(SAMPLE).find((f) => f.endsWith('.ndjson')) as string;

export interface StoredEvent {
  readonly eventTime: string;
  readonly job: { readonly namespace: string; readonly name: string };
  readonly inputs?: ReadonlyArray<{ readonly namespace: string; readonly name: string }>;
  readonly outputs?: ReadonlyArray<{ readonly namespace: string; readonly name: string }>;
}

/** The sample's OpenLineage events, in the file's order. */
export function storedEvents(): StoredEvent[] {
  return readFileSync(join(SAMPLE, EVENTS_FILE), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as StoredEvent);
}

export const eventMs = (e: { readonly eventTime: string }) => Date.parse(e.eventTime);

export interface MarquezReplay {
  readonly url: string;
  /** Every request's path and query, in order. */
  readonly requests: string[];
  /** Holds every page of lineage events past the first until `release` (a pull caught mid-way). */
  holdPages(): void;
  /** Answers the held pages, and those asked for from now on. */
  release(): void;
  close(): Promise<void>;
}

/** Starts the server on a free loopback port; `key` is the API key it accepts. */
export async function startMarquezReplay(key: string, stored = storedEvents()): Promise<MarquezReplay> {
  const requests: string[] = [];
  let held: { readonly until: Promise<void>; readonly release: () => void } | undefined;
  const server = createServer(async (req, res) => {
    requests.push(req.url ?? '');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${key}`) return send(401, { code: 401, message: 'Unauthorized' });
    const at = new URL(req.url ?? '/', 'http://x');
    const q = (k: string) => at.searchParams.get(k);
    if (at.pathname === '/api/v1/events/lineage') {
      if (held && Number(q('offset') ?? 0) > 0) await held.until;
      const after = Date.parse(q('after') ?? '1970-01-01T00:00:00Z');
      const before = Date.parse(q('before') ?? '2030-01-01T00:00:00Z');
      const inWindow = stored
        .filter((e) => eventMs(e) >= after && eventMs(e) < before)
        .sort((a, b) => eventMs(a) - eventMs(b));
      if (q('sortDirection') !== 'asc') inWindow.reverse();
      const offset = Number(q('offset') ?? 0);
      const events = inWindow.slice(offset, offset + Number(q('limit') ?? 100));
      return send(200, { events, totalCount: inWindow.length });
    }
    const namespaces = [...new Set(stored.map((e) => e.job.namespace))];
    if (at.pathname === '/api/v1/namespaces') return send(200, { namespaces: namespaces.map((name) => ({ name })) });
    const jobsOf = /^\/api\/v1\/namespaces\/([^/]+)\/jobs$/.exec(at.pathname);
    if (jobsOf) {
      const ns = decodeURIComponent(jobsOf[1] as string);
      const jobs = [...new Set(stored.filter((e) => e.job.namespace === ns).map((e) => e.job.name))];
      const offset = Number(q('offset') ?? 0);
      return send(200, { jobs: jobs.slice(offset, offset + Number(q('limit') ?? 100)).map((name) => ({ name })) });
    }
    send(404, { code: 404 });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    requests,
    holdPages: () => {
      let release = () => {};
      const until = new Promise<void>((resolve) => (release = resolve));
      held = { until, release };
    },
    release: () => {
      held?.release();
      held = undefined;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
