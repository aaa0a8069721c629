import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInvestigateCommand } from '../cli/investigate-command.js';
import { runPullLineageCommand } from '../cli/pull-lineage-command.js';

const SAMPLE = 'assets/sample';
const EVENTS = readdirSync(SAMPLE).find((f) => f.endsWith('.ndjson')) as string;
const truth = JSON.parse(readFileSync(join(SAMPLE, 'ground-truth.json'), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'li-marquez-'));
process.env.LINEAGE_INVESTIGATOR_DATA_DIR = join(dir, 'data');
const KEY = 'mqz-key-7f3a9c';

/** The sample's OpenLineage events, as the Marquez server stored them. */
const stored = readFileSync(join(SAMPLE, EVENTS), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { eventTime: string; job: { namespace: string; name: string } });
const time = (e: { eventTime: string }) => Date.parse(e.eventTime);

/**
 * A server answering as Marquez's API does (GET /api/v1/events/lineage: after/before/sortDirection/limit/offset →
 * {events, totalCount}; /api/v1/namespaces; /api/v1/namespaces/{ns}/jobs), behind a Bearer API key.
 */
const requests: string[] = [];
let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${KEY}`) return send(401, { code: 401, message: 'Unauthorized' });
    const at = new URL(req.url ?? '/', 'http://x');
    const q = (k: string) => at.searchParams.get(k);
    if (at.pathname === '/api/v1/events/lineage') {
      const after = Date.parse(q('after') ?? '1970-01-01T00:00:00Z');
      const before = Date.parse(q('before') ?? '2030-01-01T00:00:00Z');
      const inWindow = stored.filter((e) => time(e) >= after && time(e) < before).sort((a, b) => time(a) - time(b));
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
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

async function pull(args: string[], key: string | undefined = KEY) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPullLineageCommand(
    args,
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    { MARQUEZ_API_KEY: key },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function investigate(sources: string[]) {
  const out: string[] = [];
  const code = await runInvestigateCommand(
    [...sources.flatMap((s) => ['--source', s]), '--decision', truth.caseDecisionId, '--json'],
    { out: (l) => out.push(l), err: () => undefined },
  );
  expect(code).toBe(0);
  const { trace, ...rest } = JSON.parse(out.join('\n'));
  return { ...rest, trace: { ...trace, nodes: trace.nodes.map(({ evidence: _e, ...n }: { evidence: unknown }) => n) } };
}

describe('pull-lineage from a Marquez API', () => {
  it('pulls every event page by page, and the investigation reads them as it reads the export', async () => {
    const file = join(dir, 'pulled.ndjson');
    requests.length = 0;
    const r = await pull(['--marquez', url, '--page-size', '50', '--out', file]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`${stored.length} lineage events`);
    expect(r.err).not.toContain(KEY);
    expect(requests.filter((q) => q.startsWith('/api/v1/events/lineage'))).toHaveLength(
      Math.ceil(stored.length / 50) + (stored.length % 50 === 0 ? 1 : 0),
    );
    const pulled = readFileSync(file, 'utf8').trim().split('\n');
    expect(pulled).toHaveLength(stored.length);
    const rest = readdirSync(SAMPLE)
      .filter((f) => f !== EVENTS && f !== 'ground-truth.json')
      .map((f) => join(SAMPLE, f));
    expect(await investigate([...rest, file])).toEqual(await investigate([...rest, join(SAMPLE, EVENTS)]));
  }, 120_000);

  it('pulls only the window asked for', async () => {
    const times = stored.map(time).sort((a, b) => a - b);
    const after = new Date(times[Math.floor(times.length / 3)] as number).toISOString();
    const before = new Date(times[Math.floor((2 * times.length) / 3)] as number).toISOString();
    const file = join(dir, 'window.ndjson');
    const r = await pull(['--marquez', `${url}/api/v1`, '--after', after, '--before', before, '--out', file]);
    expect(r.code).toBe(0);
    const pulled = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const expected = stored.filter((e) => time(e) >= Date.parse(after) && time(e) < Date.parse(before));
    expect(pulled).toHaveLength(expected.length);
    expect(pulled.every((e) => time(e) >= Date.parse(after) && time(e) < Date.parse(before))).toBe(true);
    expect(pulled.map(time)).toEqual([...pulled.map(time)].sort((a, b) => a - b));
  });

  it('names a refused key without printing it, and an unreachable server', async () => {
    const refused = await pull(['--marquez', url, '--out', join(dir, 'x.ndjson')], `${KEY}-old`);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/HTTP 401 .*API key/);
    expect(refused.err).not.toContain(KEY);
    const down = await pull(['--marquez', 'http://127.0.0.1:9', '--out', join(dir, 'y.ndjson')]);
    expect(down.code).toBe(1);
    expect(down.err).toContain('not reachable');
  });

  it('lists the namespaces and their jobs', async () => {
    const r = await pull(['--marquez', url, '--list']);
    expect(r.code).toBe(0);
    for (const ns of new Set(stored.map((e) => e.job.namespace))) {
      const jobs = new Set(stored.filter((e) => e.job.namespace === ns).map((e) => e.job.name));
      expect(r.out).toContain(`${ns}: ${jobs.size} jobs`);
    }
  });
});
