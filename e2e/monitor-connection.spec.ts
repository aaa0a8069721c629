/**
 * The Monitor over a saved connection in web mode: the sample's decisions as a hive-partitioned Parquet folder, saved
 * as a connection on the Sources screen, are watched where they live; the Monitor lists, under the connection's name,
 * the alerts `lineage-investigator watch --source that-folder --json` prints (start, decisions and subjects so far, the
 * representative decision), the first wrong decision's day among them — with no decision imported — and "Open a case"
 * on that alert opens a case on its decision read from the connection, its onset preset to the decision's time and
 * taken where the log lives, the alert in its activity log.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeNamedParquet } from '../electron/warehouse/named-sample.fixture';
import { expect, expectNoSeriousA11yViolations, screenshot, test } from './fixtures';

interface CliAlert {
  readonly start: string;
  readonly decisions: number;
  readonly subjects: number;
  readonly representativeDecision: { readonly decisionId: string } | null;
}
const dir = mkdtempSync(join(tmpdir(), 'li-e2e-monitor-'));
const parquet = join(dir, 'decisions');
const truth = JSON.parse(readFileSync('assets/sample/ground-truth.json', 'utf8')) as { firstWrongDecision: string };
const firstWrong = readFileSync('assets/sample/decisions.jsonl', 'utf8')
  .split('\n')
  .find((l) => l.includes(`"${truth.firstWrongDecision}"`))!;
const wrongDay = new Date(JSON.parse(firstWrong).timestamp).toISOString().slice(0, 10);
let cliAlerts: CliAlert[] = [];

test.beforeAll(async () => {
  await writeNamedParquet(dir, parquet);
  const watch = spawnSync('npx', ['tsx', 'electron/cli/main.ts', 'watch', '--source', parquet, '--json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  cliAlerts = (JSON.parse(watch.stdout) as { alerts: CliAlert[] }).alerts;
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("the Monitor lists watch's alerts for a Parquet connection, under its name", async ({ page, webApp }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  expect(cliAlerts.some((a) => a.start.startsWith(wrongDay))).toBe(true);
  await page.goto(webApp.url);
  await page.getByRole('button', { name: 'Sources', exact: true }).click();
  const add = page.getByRole('form', { name: 'Add a connection' });
  await add.getByLabel('Name').fill('Scoring log');
  await add.getByLabel('PostgreSQL URL or Parquet path').fill(parquet);
  await add.getByRole('button', { name: 'Add the connection' }).click();
  await expect(page.getByTestId('connection-row').filter({ hasText: 'Scoring log' })).toBeVisible();
  await page.getByRole('button', { name: '← Back to cases' }).click();
  await page.getByRole('button', { name: 'Monitor', exact: true }).click();

  const watched = page.getByRole('region', { name: 'Connection Scoring log' });
  const alerts = watched.locator('section.monitor-alert');
  await expect(alerts).toHaveCount(cliAlerts.length);
  for (const [i, a] of cliAlerts.entries()) {
    const shown = alerts.nth(i);
    await expect(shown).toHaveAttribute('data-start', a.start);
    await expect(shown.getByTestId('alert-counts')).toHaveText(`${a.decisions} decisions and ${a.subjects} subjects`);
    if (a.representativeDecision) await expect(shown).toContainText(a.representativeDecision.decisionId);
  }
  await expect(page.getByText('No shift in 0 decisions.')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the Monitor over a connection');
  await screenshot(page, 'monitor-connection');

  const onset = cliAlerts.findIndex((a) => a.start.startsWith(wrongDay) && a.representativeDecision);
  const decisionId = cliAlerts[onset]!.representativeDecision!.decisionId;
  await alerts.nth(onset).getByRole('button', { name: 'Open a case' }).click();
  const steps = page.getByRole('navigation', { name: 'Investigation steps' });
  await expect(steps).toBeVisible();
  await expect(page.getByText(decisionId).first()).toBeVisible();
  await expect(steps.getByRole('tab').filter({ hasText: 'Document' })).toContainText('1 annotation');
  // The onset is preset to the decision's time, as for an imported log, and the annotation says so.
  await steps.getByRole('tab').filter({ hasText: 'Document' }).click();
  // With no file imported, the steps answer from the decisions where they live: the scope is counted there, and the
  // Changes step shows the onset as the investigator's.
  await expect(page.getByText('This investigation has no evidence yet.')).toHaveCount(0);
  await steps.getByRole('tab').filter({ hasText: 'Scope' }).click();
  await expect(page.getByRole('term').filter({ hasText: 'Affected decisions' })).toBeVisible();
  await steps.getByRole('tab').filter({ hasText: 'Changes' }).click();
  await expect(page.getByText('set by the investigator', { exact: true })).toBeVisible();
  await screenshot(page, 'monitor-connection-case');
  await steps.getByRole('tab').filter({ hasText: 'Document' }).click();
  await expect(page.getByTestId('annotation')).toContainText(
    /onset preset to \d{4}-\d{2}-\d{2}T[\d:.]+Z, estimated there from Scoring log/,
  );

  // The connection is removed: the next spec file's server may be this one.
  await page.getByRole('button', { name: '← Back to cases' }).click();
  await page.getByRole('button', { name: 'Sources', exact: true }).click();
  await page.getByRole('button', { name: 'Remove Scoring log' }).click();
  await expect(page.getByTestId('connection-row').filter({ hasText: 'Scoring log' })).toHaveCount(0);
  expect(errors).toEqual([]);
});
