import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_MISSING, skipPostgres, startPostgres, type ThrowawayPostgres } from '../../e2e/throwaway-postgres.js';
import { openDecisionSource } from '../warehouse/decision-source.js';
import { createFlatTable, FLAT_MAPPING, SAMPLE, truth, writeFlatFiles } from '../warehouse/flat-sample.fixture.js';
import type { SqlEngine } from '../warehouse/sql-engine.js';
import { sqlWatchReader } from '../warehouse/watch-reader.js';
import { runInvestigateCommand } from './investigate-command.js';
import { runWatchCommand } from './watch-command.js';

const dir = mkdtempSync(join(tmpdir(), 'li-watch-'));
process.env.LINEAGE_INVESTIGATOR_DATA_DIR = join(dir, 'data');
const flat = join(dir, 'decisions-flat.jsonl');
const parquet = join(dir, 'decisions.parquet');
const mappingFile = join(dir, 'mapping.json');
const decisions = join(SAMPLE, 'decisions.jsonl');
const caseDecision = readFileSync(decisions, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l))
  .find((d) => d.decision_id === truth.caseDecisionId);
const PASSWORD = 'watch-reader-pw-41x';

beforeAll(async () => {
  await writeFlatFiles(flat, parquet);
  writeFileSync(mappingFile, JSON.stringify(FLAT_MAPPING));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function watch(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runWatchCommand(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  const text = out.join('\n');
  return { code, text, err: err.join('\n'), json: args.includes('--json') && text ? JSON.parse(text) : undefined };
}

/** The alert at the sample's onset: the case decision's outcome rising, from the onset's day. */
const onsetAlert = (alerts: Array<{ outcome: string; start: string; version?: string }>) =>
  alerts.find(
    (a) =>
      a.version === undefined &&
      a.outcome === caseDecision.action &&
      a.start.slice(0, 10) === truth.onset.timestamp.slice(0, 10),
  );

describe('lineage-investigator watch', () => {
  let fromJsonl: { alerts: unknown[]; series: unknown[] };

  it('flags the onset of the sample incident in the decision log, with its decisions and subjects so far', async () => {
    const r = await watch(['--source', decisions, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    fromJsonl = r.json;
    const alert = onsetAlert(r.json.alerts);
    expect(alert).toMatchObject({ model: caseDecision.model.name, newerThanSince: true });
    expect((alert as unknown as { rateAfter: number; rateBefore: number }).rateAfter).toBeGreaterThan(
      (alert as unknown as { rateBefore: number }).rateBefore,
    );
    const later = r.json.alerts.filter((a: { start: string }) => a.start > (alert as { start: string }).start);
    const since = alert as unknown as { decisions: number; subjects: number };
    expect(since.decisions).toBeGreaterThanOrEqual(truth.decisions.affected);
    expect(since.subjects).toBeGreaterThan(0);
    expect(since.subjects).toBeLessThanOrEqual(since.decisions);
    expect(later).toEqual([]);
    // Where to investigate it: the first wrong decision, its time the onset to preset.
    expect((alert as unknown as { representativeDecision: unknown }).representativeDecision).toEqual({
      decisionId: truth.onset.decisionId,
      timestamp: new Date(truth.onset.timestamp).toISOString(),
    });
  }, 60_000);

  it('an alert opens an investigation that finds the planted change and the affected decisions', async () => {
    const r = await watch(['--source', decisions]);
    // The alert line of the case's outcome, then the command line under it.
    const at = r.text.indexOf(`: ${caseDecision.action} `);
    expect(at).toBeGreaterThan(-1);
    const hint = /investigate: --decision (\S+) --onset (\S+)/.exec(r.text.slice(at));
    expect(hint).not.toBeNull();
    const out: string[] = [];
    const code = await runInvestigateCommand(
      ['--source', SAMPLE, '--decision', hint![1]!, '--onset', hint![2]!, '--json'],
      { out: (l) => out.push(l), err: () => undefined },
    );
    expect(code).toBe(0);
    const found = JSON.parse(out.join('\n'));
    expect(found.scope.affectedDecisions).toBe(truth.decisions.affected);
    expect(found.suspects[0].changeId).toBe(truth.plantedCommit);
  }, 120_000);

  it('exits 0 when every shift is older than --since, 1 when one is newer, 2 on a bad --since', async () => {
    const after = new Date(Date.parse(truth.onset.timestamp) + 86_400_000).toISOString();
    const quiet = await watch(['--source', decisions, '--since', after]);
    expect(quiet.code).toBe(0);
    expect(quiet.text).toContain('before --since');
    const before = new Date(Date.parse(truth.onset.timestamp) - 86_400_000).toISOString();
    expect((await watch(['--source', decisions, '--since', before])).code).toBe(1);
    const bad = await watch(['--source', decisions, '--since', 'yesterday']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--since yesterday');
    const size = await watch(['--source', decisions, '--min-size', 'a lot']);
    expect(size.code).toBe(2);
    expect(size.err).toContain('--min-size must be percentage points');
    // The onset's shift is some 66 points: a larger minimum leaves it out.
    expect((await watch(['--source', decisions, '--min-size', '90'])).code).toBe(0);
  }, 60_000);

  it('watches one model with --model, and hourly buckets with --bin hour', async () => {
    const none = await watch(['--source', decisions, '--model', `${caseDecision.model.name}-not`, '--json']);
    expect(none.code).toBe(0);
    expect(none.json).toMatchObject({ alerts: [], series: [] });
    const hourly = await watch(['--source', decisions, '--model', caseDecision.model.name, '--bin', 'hour', '--json']);
    const model = hourly.json.series.find((s: { version?: string }) => s.version === undefined);
    const total = model.bins.reduce((n: number, b: { decisions: number }) => n + b.decisions, 0);
    expect(total).toBe(readFileSync(decisions, 'utf8').trim().split('\n').length);
    expect(model.bins.every((b: { start: string }) => /T\d{2}:00:00\.000Z$/.test(b.start))).toBe(true);
    expect(hourly.json.series.every((s: { model: string }) => s.model === caseDecision.model.name)).toBe(true);
  }, 60_000);

  it('finds the same shifts in the same decisions as Parquet, reading only aggregates', async () => {
    const r = await watch(['--source', parquet, '--mapping', mappingFile, '--json']);
    expect(r.code).toBe(1);
    expect(r.json.alerts).toEqual(fromJsonl.alerts);
    expect(r.json.series).toEqual(fromJsonl.series);
    const source = await openDecisionSource(parquet, FLAT_MAPPING);
    const engine = source.engine as { -readonly [K in keyof SqlEngine]: SqlEngine[K] };
    const query = engine.query;
    const returned: number[] = [];
    engine.query = async (q) => {
      const rows = await query(q);
      returned.push(rows.length);
      return rows;
    };
    try {
      const reader = sqlWatchReader(source);
      await reader.counts('day');
      await reader.since(caseDecision.model.name, undefined, truth.onset.timestamp);
    } finally {
      await source.close();
    }
    const rows = readFileSync(flat, 'utf8').trim().split('\n').length;
    expect(returned.reduce((s, n) => s + n, 0)).toBeLessThan(rows / 10);
  }, 60_000);

  if (skipPostgres()) console.warn(POSTGRES_MISSING);
  describe.skipIf(skipPostgres())('on a PostgreSQL table (a real server)', () => {
    let server: ThrowawayPostgres;
    beforeAll(async () => {
      server = await startPostgres();
      await createFlatTable(server.adminUrl, PASSWORD);
    }, 120_000);
    afterAll(() => server?.stop());

    it('finds the same shifts, and never prints the password', async () => {
      const url = `postgresql://reader:${PASSWORD}@127.0.0.1:${server.port}/postgres?table=ml.decisions`;
      const r = await watch(['--source', url, '--mapping', mappingFile, '--json']);
      expect(r.err).toBe('');
      expect(r.code).toBe(1);
      expect(r.json.alerts).toEqual(fromJsonl.alerts);
      expect(r.text).not.toContain(PASSWORD);
    }, 60_000);
  });
});
