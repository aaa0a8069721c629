import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMetricsCommand } from './metrics-command.js';

const dataDir = mkdtempSync(join(tmpdir(), 'li-metrics-'));
process.env.LINEAGE_INVESTIGATOR_DATA_DIR = dataDir;
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const lines = (file: string) =>
  readFileSync(`assets/sample/${file}`, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

describe('lineage-investigator metrics', () => {
  it('prints the five metrics of the sample as JSON, with figures checked by hand against the raw files', async () => {
    const out: string[] = [];
    const code = await runMetricsCommand(['--source', 'assets/sample', '--json'], {
      out: (l) => out.push(l),
      err: () => {},
    });
    expect(code).toBe(0);
    const { metrics } = JSON.parse(out.join('\n'));
    const byId = Object.fromEntries(metrics.map((m: { id: string }) => [m.id, m]));
    expect(Object.keys(byId)).toEqual([
      'time-to-root-cause',
      'audit-completeness',
      'rollback-time',
      'unauthorized-change-rate',
      'traceability-coverage',
    ]);
    for (const m of metrics) expect(m.definition.length).toBeGreaterThan(80);

    // Every decision logs two features, each with its dataset and dataset version: 2 inputs per decision.
    const decisions = lines('decisions.jsonl');
    expect(byId['audit-completeness'].details.inputs).toBe(decisions.length * 2);
    const distinct = new Set(
      decisions.flatMap((d) =>
        d.features.map((f: { name: string; dataset_version: string }) => `${f.name}@${f.dataset_version}`),
      ),
    );
    expect(byId['audit-completeness'].details.distinctInputs).toBe(distinct.size);
    expect(byId['traceability-coverage'].value).toBe(1);

    // UI/API edits of pipeline configuration in the audit log (logins and key rotations are not pipeline changes).
    const pipeline = [
      'transformation',
      'tracking_plan',
      'identity_rule',
      'identity_merge',
      'destination',
      'source',
      'consent_rule',
      'model',
      'feature',
      'dataset',
    ];
    const outside = lines('audit-log.jsonl')
      .filter((a) => (a.channel === 'ui' || a.channel === 'api') && pipeline.includes(a.target.type))
      .map((a) => a.id);
    const unauthorized = byId['unauthorized-change-rate'];
    expect(unauthorized.drillDown.ids.filter((id: string) => !/^[0-9a-f]{40}$/.test(id))).toEqual(outside);
    expect(unauthorized.value).toBe(Math.round((unauthorized.drillDown.total / unauthorized.trend.length) * 1e4) / 1e4);

    // No revert and no redeploy of an older commit in the sample's history: rollback time falls back to its proxy.
    expect(byId['rollback-time'].details.method).toBe('merge-to-production proxy');
    expect(byId['rollback-time'].value).toBeGreaterThan(0);
    expect(byId['time-to-root-cause'].value).toBeNull();
  }, 120_000);

  it('prints each metric with the records that count against it, in words', async () => {
    const run = async (json: boolean) => {
      const out: string[] = [];
      await runMetricsCommand(['--source', 'assets/sample', ...(json ? ['--json'] : [])], {
        out: (l) => out.push(l),
        err: () => {},
      });
      return out;
    };
    const { metrics } = JSON.parse((await run(true)).join('\n')) as {
      metrics: Array<{ name: string; drillDown: { total: number } }>;
    };
    const text = (await run(false)).join('\n');
    expect(text).not.toContain('(s)');
    for (const m of metrics) {
      const n = m.drillDown.total;
      const counted = `${n.toLocaleString('en')} ${n === 1 ? 'record counts' : 'records count'} against it`;
      expect(text).toContain(`${m.name}: `);
      expect(text.split('\n').find((l) => l.startsWith(`${m.name}: `))).toContain(counted);
    }
  }, 120_000);
});
