/* eslint-disable no-restricted-imports -- a Node-side test: the app's store against the CLI (main-process code) on the same files */
/**
 * The dashboard's figures are the CLI's: the sample opened the way the app opens it (main's `sample:load`, each
 * file imported into the store), the view computed from the store, and `lineage-investigator metrics` run on the
 * same folder with the app's case exported as case.json — every figure, trend and drill-down total must agree.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcApi } from '../../shared/ipc/contract';
import type { Metric } from '../../shared/metrics/metric-types';
import { runMetricsCommand } from '../../electron/cli/metrics-command';
import { createGitRunner } from '../../electron/services/git-runner';
import { createServices } from '../../electron/services/services';
import { LineageDb } from '../db/lineage-db';
import { openSampleCase } from '../stores/sample-import';
import { loadMetricCases } from './metric-cases';
import { computeMetricsView, type MetricsView } from './metrics-view';
import { readActivity, recordCaseAction } from '../db/case-log';

const dataDir = mkdtempSync(join(tmpdir(), 'li-metrics-view-'));
process.env.LINEAGE_INVESTIGATOR_DATA_DIR = dataDir;
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const db = new LineageDb(`metrics-view-${Date.now()}`);
let view: MetricsView;
let cli: Metric[];
let caseId: string;

beforeAll(async () => {
  const { handlers } = createServices({
    appName: 'lineage-investigator',
    appVersion: '0',
    mode: 'web',
    platform: process.platform,
    sampleDir: join(process.cwd(), 'assets/sample'),
    dataDir,
    git: createGitRunner(),
  });
  const api: IpcApi = {
    invoke: (channel, request) => (handlers[channel] as (r: unknown) => Promise<never>)(request),
  };
  caseId = await openSampleCase(api, db, () => {});
  // The investigator confirms a root cause 90 minutes after opening the case.
  const opened = (await readActivity(db, caseId))[0]!;
  const confirmedAt = new Date(Date.parse(opened.time) + 90 * 60_000).toISOString();
  const confirmed = await recordCaseAction(db, caseId, {
    time: confirmedAt,
    actor: 'maria',
    action: 'root-cause.confirmed',
    payload: { statement: 'The planted change lowered the threshold.', changeIds: [] },
  });
  view = await computeMetricsView(db, await loadMetricCases(db));

  const caseFile = join(dataDir, 'case.json');
  writeFileSync(caseFile, JSON.stringify(confirmed));
  const out: string[] = [];
  const code = await runMetricsCommand(['--source', 'assets/sample', '--case', caseFile, '--json'], {
    out: (l) => out.push(l),
    err: () => {},
  });
  expect(code).toBe(0);
  cli = (JSON.parse(out.join('\n')) as { metrics: Metric[] }).metrics;
}, 120_000);

describe('the lineage-maturity dashboard on the sample', () => {
  it('shows the same five figures, trends and drill-down totals as `lineage-investigator metrics`', () => {
    expect(view.metrics.map((m) => m.id)).toEqual(cli.map((m) => m.id));
    for (const [i, m] of view.metrics.entries()) {
      const c = cli[i]!;
      expect(m.value, m.id).toBe(c.value);
      expect(m.trend, m.id).toEqual(c.trend);
      expect(m.drillDown.total, m.id).toBe(c.drillDown.total);
      expect(m.drillDown.ids.slice(0, c.drillDown.ids.length), m.id).toEqual(c.drillDown.ids);
      expect(m.details, m.id).toEqual(c.details);
    }
  });

  it('measures time-to-root-cause from the case the app stored: 1.5 hours', () => {
    const ttrc = view.metrics.find((m) => m.id === 'time-to-root-cause')!;
    expect(ttrc.value).toBe(1.5);
    expect(ttrc.details.perCase).toEqual([expect.objectContaining({ id: caseId, hours: 1.5 })]);
  });

  it('names each case by the title it was opened with, for the per-case figures', async () => {
    const stored = await db.cases.get(caseId);
    expect(stored?.title).toBeTruthy();
    expect(view.caseTitles[caseId]).toBe(stored!.title);
  });

  it('cites every unauthorized change by its source file and line', () => {
    const unauthorized = view.metrics.find((m) => m.id === 'unauthorized-change-rate')!;
    expect(unauthorized.drillDown.items.length).toBeGreaterThan(0);
    for (const item of unauthorized.drillDown.items) {
      const file = view.sourceNames[item.evidence!.sourceId];
      expect(file, item.id).toMatch(item.kind === 'audit' ? /audit-log\.jsonl$/ : /pipeline-config/);
      expect(item.evidence!.line, item.id).toBeGreaterThan(0);
    }
  });
});
