/**
 * The lineage-maturity dashboard in web mode: after the sample case is opened (which imports the sample), the case
 * list's "Lineage maturity" shows the five metrics computed from everything stored — and its figures are the ones
 * `lineage-investigator metrics --source assets/sample --json` prints for the same files.
 */
import { execFileSync } from 'node:child_process';
import { expect, expectNoSeriousA11yViolations, screenshot, test } from './fixtures';

interface CliMetric {
  readonly id: string;
  readonly value: number | null;
  readonly drillDown: { readonly total: number; readonly ids: ReadonlyArray<string> };
}

const cli = (
  JSON.parse(
    execFileSync('npx', ['tsx', 'electron/cli/main.ts', 'metrics', '--source', 'assets/sample', '--json'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }),
  ) as { metrics: CliMetric[] }
).metrics;
const byId = (id: string) => cli.find((m) => m.id === id)!;

test('shows the five lineage-maturity metrics with the CLI figures, trends and drill-downs', async ({
  page,
  webApp,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

  await page.goto(webApp.url);
  await page.getByRole('button', { name: 'Open the sample investigation' }).click();
  await expect(page.getByRole('navigation', { name: 'Investigation steps' })).toBeVisible();
  await page.getByRole('button', { name: '← Back to cases' }).click();
  await page.getByRole('button', { name: 'Lineage maturity' }).click();

  await expect(page.getByRole('heading', { name: 'Lineage maturity', level: 1 })).toBeVisible();
  for (const name of [
    'Time to root cause',
    'Audit completeness',
    'Rollback time',
    'Unauthorized change rate',
    'Traceability coverage',
  ])
    await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();

  // The figures a reviewer would compare with the CLI's JSON.
  const rollback = byId('rollback-time').value!;
  await expect(page.getByTestId('figure-rollback-time')).toHaveText(`${rollback} h`);
  const rate = byId('unauthorized-change-rate').value!;
  await expect(page.getByTestId('figure-unauthorized-change-rate')).toHaveText(`${rate} per week`);
  const coverage = byId('traceability-coverage').value!;
  await expect(page.getByTestId('figure-traceability-coverage')).toHaveText(`${(coverage * 100).toFixed(1)}%`);
  // The opened sample case has no confirmed root cause yet: it counts against time-to-root-cause.
  await expect(page.getByTestId('figure-time-to-root-cause')).toHaveText('n/a');

  // Each metric has an accessible trend chart with a table behind it.
  await expect(page.getByRole('img', { name: /Rollback time per week/ })).toBeVisible();

  await screenshot(page, 'metrics-dashboard');

  // The drill-down of unauthorized changes lists the CLI's records, each cited by file and line.
  const unauthorized = page.locator('[data-metric="unauthorized-change-rate"]');
  const total = byId('unauthorized-change-rate').drillDown.total;
  const records = total === 1 ? '1 record that counts' : `${total} records that count`;
  await unauthorized.getByRole('button', { name: `Show the ${records} against it` }).click();
  const table = unauthorized.getByRole('table', { name: /Records that count against unauthorized change rate/ });
  await expect(table).toBeVisible();
  const firstId = byId('unauthorized-change-rate').drillDown.ids[0]!;
  const firstRow = table.getByRole('row').filter({ hasText: firstId });
  await expect(firstRow).toContainText(/\.jsonl:\d+|pipeline-config[^ ]*:\d+/);

  await expectNoSeriousA11yViolations(page, 'the lineage-maturity dashboard');
  await screenshot(page, 'metrics-dashboard-drill-down');
  expect(errors).toEqual([]);
});
