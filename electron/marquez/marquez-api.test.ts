import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInvestigateCommand } from '../cli/investigate-command.js';
import { runPullLineageCommand } from '../cli/pull-lineage-command.js';
import { createMarquezHandlers } from '../services/marquez-services.js';
import {
  EVENTS_FILE as EVENTS,
  eventMs as time,
  SAMPLE,
  startMarquezReplay,
  storedEvents,
  type MarquezReplay,
} from './marquez-server.fixture.js';

const truth = JSON.parse(readFileSync(join(SAMPLE, 'ground-truth.json'), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'li-marquez-'));
process.env.LINEAGE_INVESTIGATOR_DATA_DIR = join(dir, 'data');
const KEY = 'mqz-key-7f3a9c';

/** The sample's OpenLineage events, as the Marquez server stored them. */
const stored = storedEvents();

/** A server answering as Marquez's API does (marquez-server.fixture.ts), behind a Bearer API key. */
let server: MarquezReplay;
let url: string;
let requests: string[];
beforeAll(async () => {
  server = await startMarquezReplay(KEY, stored);
  url = server.url;
  requests = server.requests;
});
afterAll(async () => {
  await server.close();
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

  it("keeps a job and its upstream with --namespace and --job, as the app's pull does", async () => {
    const { namespace, name } = (stored[stored.length - 1] as (typeof stored)[number]).job;
    const file = join(dir, 'closure.ndjson');
    const r = await pull(['--marquez', url, '--namespace', namespace, '--job', name, '--out', file]);
    expect(r.code).toBe(0);
    const app = await createMarquezHandlers()['marquez:pull']({ url, apiKey: KEY, namespace, job: name });
    expect(readFileSync(file, 'utf8')).toBe(app.file.text);
    expect(r.err).toContain(`${stored.length} lineage events`);
    expect(r.err).toContain(`kept ${app.kept}, of ${app.jobs.length} jobs: ${app.jobs.join(', ')},`);
    expect(app.kept).toBeLessThan(stored.length);
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
