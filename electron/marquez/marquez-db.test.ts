import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_MISSING, skipPostgres, startPostgres, type ThrowawayPostgres } from '../../e2e/throwaway-postgres.js';
import { runPullLineageCommand } from '../cli/pull-lineage-command.js';

const SAMPLE = 'assets/sample';
const EVENTS = readdirSync(SAMPLE).find((f) => f.endsWith('.ndjson')) as string;
const stored = readFileSync(join(SAMPLE, EVENTS), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map(
    (l) => JSON.parse(l) as Record<string, unknown> & { eventTime: string; job: { namespace: string; name: string } },
  );
const time = (e: { eventTime: string }) => Date.parse(e.eventTime);
const PASSWORD = 'marquez-db-reader-pw';
const dir = mkdtempSync(join(tmpdir(), 'li-marquez-db-'));

if (skipPostgres()) console.warn(POSTGRES_MISSING);

describe.skipIf(skipPostgres())("pull-lineage from Marquez's PostgreSQL (a real server)", () => {
  let server: ThrowawayPostgres;
  let url: string;
  beforeAll(async () => {
    server = await startPostgres();
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    // Marquez's table of the OpenLineage events it received (its schema's lineage_events).
    await admin.query(`CREATE TABLE lineage_events (event_time TIMESTAMPTZ NOT NULL, event JSONB NOT NULL,
      event_type TEXT, run_id TEXT, job_name TEXT, job_namespace TEXT, producer TEXT, PRIMARY KEY (event_time, event))`);
    for (const e of stored)
      await admin.query(`INSERT INTO lineage_events VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`, [
        e.eventTime,
        JSON.stringify(e),
        e.eventType,
        (e.run as { runId?: string })?.runId,
        e.job.name,
        e.job.namespace,
        e.producer,
      ]);
    await admin.query(
      `CREATE ROLE marquez_reader LOGIN PASSWORD '${PASSWORD}'; GRANT SELECT ON lineage_events TO marquez_reader`,
    );
    await admin.end();
    url = `postgresql://marquez_reader:${PASSWORD}@127.0.0.1:${server.port}/postgres`;
  }, 120_000);
  afterAll(() => {
    server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('pulls the events of a window, oldest first, as the API would, without printing the password', async () => {
    const times = stored.map(time).sort((a, b) => a - b);
    const after = new Date(times[Math.floor(times.length / 4)] as number).toISOString();
    const before = new Date(times[Math.floor((3 * times.length) / 4)] as number).toISOString();
    const file = join(dir, 'window.ndjson');
    const err: string[] = [];
    const code = await runPullLineageCommand(
      ['--marquez-db', url, '--after', after, '--before', before, '--out', file],
      { out: () => undefined, err: (l) => err.push(l) },
      {},
    );
    expect(code).toBe(0);
    expect(err.join('\n')).not.toContain(PASSWORD);
    const pulled = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const expected = stored.filter((e) => time(e) >= Date.parse(after) && time(e) < Date.parse(before));
    expect(pulled).toHaveLength(expected.length);
    expect(pulled.map(time)).toEqual(expected.map(time).sort((a, b) => a - b));
    const key = (e: { run: { runId: string }; eventType: string }) => `${e.run.runId} ${e.eventType}`;
    expect(new Set(pulled.map(key))).toEqual(new Set(expected.map((e) => key(e as never))));
    expect(pulled).toEqual(expect.arrayContaining(expected.slice(0, 3)));
  }, 60_000);

  it('names a refused login without the password', async () => {
    const err: string[] = [];
    const code = await runPullLineageCommand(
      ['--marquez-db', url.replace(PASSWORD, 'nope'), '--out', join(dir, 'x.ndjson')],
      { out: () => undefined, err: (l) => err.push(l) },
      {},
    );
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/password authentication failed for user "marquez_reader"/);
    expect(err.join('\n')).not.toContain(PASSWORD);
  }, 30_000);
});
