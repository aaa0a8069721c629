/**
 * A new user investigates the sample incident where its decisions live, in web mode: the sample's other evidence is
 * imported (the sample investigation), its decisions are a hive-partitioned Parquet folder the app never imports. A
 * saved connection to the folder lists its decisions a page at a time; a case is opened on the sample's decision by
 * its id; its steps show the scope counted and the cause ranked by the engine that holds the log, its activity log
 * names the connection, and its evidence bundle cites the decisions it read there by their queries, which `verify`
 * re-runs. Its Scope step lists the affected decisions a page at a time and exports them, read where the log lives:
 * the same rows, in the same order, as the imported sample case's own export of the same decisions.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runVerifyCommand } from '../electron/cli/verify-command';
import type { Download, Locator, Page } from '@playwright/test';
import Papa from 'papaparse';
import { createFlatTable } from '../electron/warehouse/flat-sample.fixture';
import { createNamedView, writeNamedParquet } from '../electron/warehouse/named-sample.fixture';
import { expect, expectNoSeriousA11yViolations, screenshot, test } from './fixtures';
import { POSTGRES_MISSING, skipPostgres, startPostgres } from './throwaway-postgres';

const truth = JSON.parse(readFileSync('assets/sample/ground-truth.json', 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'li-e2e-connection-case-'));
const folder = join(dir, 'decisions');

test.beforeAll(async () => {
  await writeNamedParquet(dir, folder);
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Imports the sample's lineage, Git, deployments and audit (as any evidence is), runs `inSample` in the imported
 * sample case, and saves a connection to `location`.
 */
async function connect(page: Page, url: string, location: string, inSample?: () => Promise<void>) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Open the sample investigation' }).click();
  await expect(page.getByRole('navigation', { name: 'Investigation steps' })).toBeVisible({ timeout: 120_000 });
  await inSample?.();
  await page.getByRole('button', { name: '← Back to cases' }).click();
  await page.getByRole('button', { name: 'Sources', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Warehouse connections' });
  const add = panel.getByRole('form', { name: 'Add a connection' });
  await add.getByLabel('Name').fill('Offer decisions');
  await add.getByLabel('PostgreSQL URL or Parquet path').fill(location);
  await add.getByRole('button', { name: 'Add the connection' }).click();
  await panel.getByRole('button', { name: 'Investigate in Offer decisions' }).click();
  return { panel, decisions: panel.getByRole('region', { name: 'Decisions in Offer decisions' }) };
}

/** Opens a step of the open case by name. */
async function openStepOf(page: Page, name: string) {
  await page
    .getByRole('navigation', { name: 'Investigation steps' })
    .getByRole('tab', { name: new RegExp(name) })
    .first()
    .click();
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
}

/** The CSV a click downloads, as rows of fields (the header first). */
async function downloadedCsv(page: Page, button: Locator): Promise<string[][]> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const text = readFileSync((await download.path()) as string, 'utf8');
  return Papa.parse<string[]>(text.trimEnd(), { newline: '\r\n' }).data;
}

/** The affected decisions of the Scope step's list page, as the columns the CSV also has. */
function listedRows(main: Locator) {
  return main.getByTestId('affected-decision').evaluateAll((rows) =>
    rows.map((row) => {
      const cells = [...row.querySelectorAll('td')].map((td) => td.textContent ?? '');
      const time = row.querySelector('time')?.getAttribute('datetime') ?? '';
      return [cells[0], time, cells[2], cells[4]];
    }),
  );
}

/** The CSV rows `from`…`to` (1-based, header excluded) as the list shows them: id, time, subject, action. */
const csvRows = (csv: string[][], from: number, to: number) =>
  csv.slice(from, to + 1).map((r) => [r[0], r[1], r[2] || '—', r[6] || '—']);

/** Opens a case on the sample's decision from the connection's list, and a step of it by name. */
async function openCase(page: Page, decisions: Locator) {
  await decisions.getByLabel('Decision id').fill(truth.caseDecisionId);
  await decisions.getByRole('button', { name: 'Open a case on it' }).click();
  await expect(page.getByRole('navigation', { name: 'Investigation steps' })).toBeVisible();
  return (name: string) => openStepOf(page, name);
}

/** The Scope and Changes steps: the radius counted and the planted change ranked first where the log lives. */
async function expectPlantedChange(page: Page, openStep: (name: string) => Promise<void>) {
  const main = page.getByRole('main');
  await openStep('Scope');
  await expect(main.getByText(String(truth.decisions.affected)).first()).toBeVisible({ timeout: 60_000 });
  await openStep('Changes');
  await expect(main.getByTestId('suspect').first()).toHaveAttribute('data-change-id', truth.plantedCommit);
}

test('opens a case on a decision of a Parquet folder and finds the planted change there', async ({ page, webApp }) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const main = page.getByRole('main');
  const exportButton = main.getByRole('button', { name: 'Export affected decisions (CSV)' });
  const subjectsButton = main.getByRole('button', { name: 'Export affected subjects (CSV)' });
  // The imported sample case: its Scope step's exports of the affected decisions and subjects are what the
  // connection must give.
  let imported: string[][] = [];
  let importedSubjects: string[][] = [];
  const { panel, decisions } = await connect(page, webApp.url, folder, async () => {
    await openStepOf(page, 'Scope');
    imported = await downloadedCsv(page, exportButton);
    importedSubjects = await downloadedCsv(page, subjectsButton);
    // Its own list pages the same decisions, in the export's order.
    await main.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => listedRows(main)).toEqual(csvRows(imported, 51, 100));
  });
  expect(imported.length - 1).toBe(truth.decisions.affected);
  await expect(decisions).toContainText('Decisions 1–50 of 3,465, in time order');
  await decisions.getByRole('button', { name: 'Next page' }).click();
  await expect(decisions).toContainText('Decisions 51–100 of 3,465, in time order');
  await expectNoSeriousA11yViolations(page, 'a connection’s decisions');

  // A decision that is not there is named, with the connection.
  await decisions.getByLabel('Decision id').fill('d-missing');
  await decisions.getByRole('button', { name: 'Open a case on it' }).click();
  await expect(decisions.getByRole('alert')).toHaveText(`d-missing is not found in Offer decisions (${folder})`);

  const openStep = await openCase(page, decisions);

  // The decision's inputs, read from the folder: the suspect feature at the version the incident shipped.
  await openStep('Identify');
  await expect(main.getByText(truth.feature.name).first()).toBeVisible();
  await expect(main.getByText(truth.featureVersion.after).first()).toBeVisible();
  await expectPlantedChange(page, openStep);
  // The affected decisions, read in the folder a page at a time: the imported case's, in its order.
  await openStep('Scope');
  const affected = (imported.length - 1).toLocaleString('en-US');
  await expect(main.getByTestId('affected-range')).toHaveText(`Decisions 1–50 of ${affected}, in time order`);
  await expect.poll(() => listedRows(main)).toEqual(csvRows(imported, 1, 50));
  await main.getByRole('button', { name: 'Next page' }).click();
  await expect(main.getByTestId('affected-range')).toHaveText(`Decisions 51–100 of ${affected}, in time order`);
  await expect.poll(() => listedRows(main)).toEqual(csvRows(imported, 51, 100));
  await main.getByRole('heading', { name: 'Affected decisions', exact: true }).scrollIntoViewIfNeeded();
  await screenshot(page, 'connection-case-affected-page-2');
  await main.getByRole('button', { name: 'Previous page' }).click();
  await expect(main.getByTestId('affected-range')).toHaveText(`Decisions 1–50 of ${affected}, in time order`);
  // Its CSV, written by chunks where the log lives: the imported case's header, rows and order.
  const exported = await downloadedCsv(page, exportButton);
  expect(exported[0]).toEqual(imported[0]);
  expect(exported).toHaveLength(imported.length);
  expect(exported).toEqual(imported);
  // The affected subjects, grouped where the log lives: the imported case's subjects export, row for row.
  const subjects = await downloadedCsv(page, subjectsButton);
  expect(subjects[0]).toEqual(['subject_id', 'decisions', 'first', 'last']);
  expect(subjects.length).toBeGreaterThan(1);
  expect(subjects).toEqual(importedSubjects);
  await openStep('Changes');
  const first = main.getByTestId('suspect').first();
  // The diffs read from Git rank it again, where the log lives: the touched field is seen.
  await expect(first.getByRole('row', { name: /touched field/ })).toContainText('changed words name a traced field', {
    timeout: 60_000,
  });
  await expect(main.getByText(/asked of Offer decisions, where the decisions live/)).toBeVisible();
  await screenshot(page, 'connection-case-changes');
  await expectNoSeriousA11yViolations(page, 'Changes of a case on a connection');
  // The investigator sets the onset by hand, as in an imported case: the engine that holds the log takes it, and the
  // planted change still leads, its touched field seen.
  await main.getByLabel('or a time').fill(truth.onset.timestamp);
  await main.getByRole('button', { name: 'Set onset time' }).click();
  await expect(main.getByText('set by the investigator', { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(
    main
      .getByTestId('suspect')
      .first()
      .getByRole('row', { name: /touched field/ }),
  ).toContainText('changed words name a traced field', { timeout: 60_000 });

  await openStep('Document');
  await expect(main.getByText(`its decisions read in Offer decisions (${folder})`)).toBeVisible();
  // The onset set by hand is an entry of the case's hash-chained log, shown in the activity panel.
  await expect(main.getByRole('list', { name: 'Activity log, newest first' })).toContainText(
    'Set the onset by hand to ',
  );
  await main.getByRole('list', { name: 'Activity log, newest first' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'connection-case-activity');

  // The evidence bundle cites the decisions the case read whole by their queries; verify re-runs each.
  const exportPanel = page.getByRole('region', { name: 'Report and evidence bundle' });
  await exportPanel.getByRole('button', { name: 'Evidence bundle' }).click();
  const bag = (await exportPanel.getByTestId('bundle-path').textContent({ timeout: 60_000 })) as string;
  const listed = JSON.parse(readFileSync(join(bag, 'data/sources.json'), 'utf8')) as Array<Record<string, unknown>>;
  const cited = listed.find((s) => s.included === 'query') as {
    location: string;
    queries: Array<{ params: string[] }>;
  };
  expect(cited.location).toBe(folder);
  // Each decision by its model and its id (two models' logs can number their decisions alike).
  expect(cited.queries.every((q) => q.params.length === 2)).toBe(true);
  expect(cited.queries.map((q) => q.params[1])).toContain(truth.caseDecisionId);
  const lines: string[] = [];
  const code = await runVerifyCommand([bag], { out: (l) => lines.push(l), err: (l) => lines.push(l) });
  expect(code).toBe(0);
  expect(lines.filter((l) => l.startsWith('re-run: same rows'))).toHaveLength(cited.queries.length);
  // The bundle's case record, whose chain verify checked, holds the onset the findings were computed with.
  const record = JSON.parse(readFileSync(join(bag, 'data/case/case.json'), 'utf8')) as {
    activity: Array<{ action: string; payload: { onset?: string } }>;
  };
  expect(record.activity.filter((e) => e.action === 'onset.set').map((e) => e.payload.onset)).toEqual([
    new Date(truth.onset.timestamp).toISOString(),
  ]);

  // Removing the connection closes its engine; the next spec file's server may be this one.
  await page.getByRole('button', { name: '← Back to cases' }).click();
  await page.getByRole('button', { name: 'Sources', exact: true }).click();
  await panel.getByRole('button', { name: 'Remove Offer decisions' }).click();
  await expect(panel.getByTestId('connection-row').filter({ hasText: 'Offer decisions' })).toHaveCount(0);
  expect(errors).toEqual([]);
});

if (skipPostgres()) console.warn(POSTGRES_MISSING);

test('opens a case on a decision of a PostgreSQL table the same way, never showing its password', async ({
  page,
  webApp,
}) => {
  test.skip(skipPostgres(), POSTGRES_MISSING);
  test.setTimeout(300_000);
  const server = await startPostgres();
  try {
    const password = 'e2e-Reader-secret-7';
    await createFlatTable(server.adminUrl, password);
    await createNamedView(server.adminUrl);
    const at = `postgresql://reader@127.0.0.1:${server.port}/postgres?table=ml.named`;
    const { panel, decisions } = await connect(page, webApp.url, at.replace('reader@', `reader:${password}@`));
    await expect(panel.getByTestId('connection-row')).toContainText(at);
    await expect(decisions).toContainText('Decisions 1–50 of 3,465, in time order');
    await expectPlantedChange(page, await openCase(page, decisions));
    await expect(page.locator('body')).not.toContainText(password);
    await page.getByRole('button', { name: '← Back to cases' }).click();
    await page.getByRole('button', { name: 'Sources', exact: true }).click();
    await panel.getByRole('button', { name: 'Remove Offer decisions' }).click();
    await expect(panel.getByTestId('connection-row').filter({ hasText: 'Offer decisions' })).toHaveCount(0);
  } finally {
    server.stop();
  }
});
