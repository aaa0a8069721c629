/**
 * A Marquez server's API, read for a time window: `GET /api/v1/events/lineage?after=…&before=…&sortDirection=asc
 * &limit=…&offset=…` (pages of `{events, totalCount}`: the OpenLineage run events Marquez stored), and the
 * namespaces and jobs it knows (`/api/v1/namespaces`, `/api/v1/namespaces/{name}/jobs`). An optional API key goes in
 * the Authorization header (`Bearer …`, as a proxy in front of Marquez expects); it is never part of a message.
 */

export interface MarquezOptions {
  /** The server's base URL, e.g. http://localhost:5000 (an /api/v1 suffix is accepted). */
  readonly url: string;
  readonly apiKey?: string;
  /** Events per request (Marquez's default is 100). */
  readonly pageSize?: number;
  /** The fetch to use (tests, proxies); the global one by default. */
  readonly fetch?: typeof fetch;
}

/** The API root of a base URL: `…/api/v1`. */
export function apiRoot(url: string): string {
  const base = url.replace(/\/+$/, '');
  return base.endsWith('/api/v1') ? base : `${base}/api/v1`;
}

async function getJson(opts: MarquezOptions, path: string): Promise<unknown> {
  const at = `${apiRoot(opts.url)}${path}`;
  const shown = at.replace(/\?.*$/, '');
  const response = await (opts.fetch ?? fetch)(at, {
    headers: { accept: 'application/json', ...(opts.apiKey && { authorization: `Bearer ${opts.apiKey}` }) },
  }).catch((error: unknown) => {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(`${shown}: not reachable (${cause?.code ?? cause?.message ?? String(error)})`);
  });
  if (!response.ok) {
    const hint = response.status === 401 || response.status === 403 ? ' (the API key is missing or refused)' : '';
    throw new Error(`${shown}: HTTP ${response.status} ${response.statusText}${hint}`);
  }
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${shown}: not JSON (${text.slice(0, 60)}…)`);
  }
}

/** One page of a window's lineage events, the total Marquez reported, and whether it is the window's last. */
export interface LineagePage {
  readonly events: ReadonlyArray<Record<string, unknown>>;
  readonly totalCount?: number;
  readonly last: boolean;
}

/** The lineage events of the window [after, before) from `offset`, oldest first: one request. */
export async function readLineagePage(
  opts: MarquezOptions,
  window: { readonly after?: string; readonly before?: string },
  offset: number,
): Promise<LineagePage> {
  const limit = opts.pageSize ?? 100;
  const query = new URLSearchParams({
    ...(window.after && { after: window.after }),
    ...(window.before && { before: window.before }),
    sortDirection: 'asc',
    limit: String(limit),
    offset: String(offset),
  });
  const page = (await getJson(opts, `/events/lineage?${query}`)) as { events?: unknown; totalCount?: unknown };
  if (!page || !Array.isArray(page.events))
    throw new Error(`${apiRoot(opts.url)}/events/lineage: a page without an "events" list (offset ${offset})`);
  const totalCount = typeof page.totalCount === 'number' ? page.totalCount : undefined;
  const events = page.events as Array<Record<string, unknown>>;
  const last = events.length < limit || (totalCount !== undefined && offset + events.length >= totalCount);
  return { events, ...(totalCount !== undefined && { totalCount }), last };
}

/**
 * Every lineage event Marquez holds with an event time in [after, before), oldest first, a page at a time;
 * `onPage` hears each page's events. Resolves with the number of events read and the total Marquez reported.
 */
export async function pullLineageEvents(
  opts: MarquezOptions,
  window: { readonly after?: string; readonly before?: string },
  onPage: (events: ReadonlyArray<Record<string, unknown>>) => void | Promise<void>,
): Promise<{ readonly events: number; readonly totalCount?: number }> {
  let offset = 0;
  let totalCount: number | undefined;
  for (;;) {
    const page = await readLineagePage(opts, window, offset);
    if (page.totalCount !== undefined) totalCount = page.totalCount;
    await onPage(page.events);
    offset += page.events.length;
    if (page.last) return { events: offset, ...(totalCount !== undefined && { totalCount }) };
  }
}

/** The namespaces Marquez knows, each with its jobs' names. */
export async function listJobs(opts: MarquezOptions): Promise<Array<{ namespace: string; jobs: string[] }>> {
  const { namespaces } = (await getJson(opts, '/namespaces')) as { namespaces?: Array<{ name: string }> };
  const out: Array<{ namespace: string; jobs: string[] }> = [];
  for (const ns of namespaces ?? []) {
    const jobs: string[] = [];
    for (let offset = 0; ;) {
      const page = (await getJson(
        opts,
        `/namespaces/${encodeURIComponent(ns.name)}/jobs?limit=100&offset=${offset}`,
      )) as { jobs?: Array<{ name: string }> };
      const names = (page.jobs ?? []).map((j) => j.name);
      jobs.push(...names);
      offset += names.length;
      if (names.length < 100) break;
    }
    out.push({ namespace: ns.name, jobs });
  }
  return out;
}
