/**
 * The Sources screen with a folder of many files (issue 14): a folder with subfolders of real public files
 * (fixtures/real, one of them cut short in a line) imported at once lists its sources under one header per folder, each saying how many files,
 * records, warnings and rejected records it holds (the sums of its rows), folding and unfolding; a filter keeps one
 * file ("1 of N sources"); a sort orders each folder's rows; the last import's summary (imported, skipped, rejected)
 * is still there after a reload, until dismissed. Light and dark screenshots at 1280×800, axe on both; at 900 px the
 * grouped table still fits its window.
 */
import type { Locator, Page } from '@playwright/test';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, expectNoSeriousA11yViolations, newCase, screenshot, test } from './fixtures';
import { realFixture } from '../fixtures/real-fixtures';

const dir = mkdtempSync(join(tmpdir(), 'li-sources-organize-e2e-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The picked folder's files, by their path inside it, and the fixture each is copied from. */
const FILES = {
  'openlineage/marquez_docker_metadata.json': ['openlineage', 'marquez_docker_metadata.json'],
  'openlineage/ol_dbt_postgres_run_events.json': ['openlineage', 'ol_dbt_postgres_run_events.json'],
  'openlineage/invalid/event_no_run_id.json': ['openlineage', 'proxy_invalid_events', 'event_no_run_id.json'],
  'openlineage/invalid/event_invalid_job_facet.json': [
    'openlineage',
    'proxy_invalid_events',
    'event_invalid_job_facet.json',
  ],
  'audit/cloudtrail/elastic_test-console-login-json.ndjson': [
    'audit',
    'aws_cloudtrail',
    'elastic_test-console-login-json.ndjson',
  ],
  'audit/cloudtrail/elastic_test-delete-bucket-json.ndjson': [
    'audit',
    'aws_cloudtrail',
    'elastic_test-delete-bucket-json.ndjson',
  ],
  'audit/github/elastic_github_test-audit-json_first_page.ndjson': [
    'audit',
    'github_audit',
    'elastic_github_test-audit-json_first_page.ndjson',
  ],
} as const;
/** A copy of a real CloudTrail log cut short in its second line: that line rejected, the others imported. */
const CUT = 'audit/cloudtrail/console-login-cut-short.ndjson';
/** The OpenLineage JSON Schema: not evidence, skipped. */
const SKIPPED = 'openlineage/spec/OpenLineage.json';
const FOLDER = 'evidence';

function pickedFolder(): string {
  const root = join(dir, FOLDER);
  for (const [path, from] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    copyFileSync(realFixture(...from), join(root, path));
  }
  const lines = readFileSync(realFixture(...FILES['audit/cloudtrail/elastic_test-console-login-json.ndjson']), 'utf8')
    .trimEnd()
    .split('\n');
  lines[1] = lines[1]!.slice(0, lines[1]!.length / 2);
  writeFileSync(join(root, CUT), `${lines.join('\n')}\n`);
  mkdirSync(dirname(join(root, SKIPPED)), { recursive: true });
  copyFileSync(realFixture('openlineage', 'spec', 'OpenLineage.json'), join(root, SKIPPED));
  return root;
}

const number = (text: string) => Number(text.replace(/,/g, ''));

/** A source row's records (the sum of its counts by type), warnings and rejected, as the table shows them. */
async function rowFigures(row: Locator): Promise<[number, number, number]> {
  const counts = await row.locator('td[data-label="Records"] li:not(.muted)').allInnerTexts();
  const records = counts.reduce((n, text) => n + number(/([\d,]+)\s*$/.exec(text)?.[1] ?? '0'), 0);
  const warnings = number(await row.locator('td[data-label="Warnings"]').innerText());
  const rejected = number(await row.locator('td[data-label="Rejected"]').innerText());
  return [records, warnings, rejected];
}

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${n === 1 ? word : `${word}s`}`;

async function openSources(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Many files', exact: true }).click();
  await page.getByRole('button', { name: 'Open the sources of this case' }).click();
  await expect(page.getByRole('heading', { name: 'Sources of “Many files”' })).toBeVisible();
}

test('a folder of many files: grouped by folder, filtered, sorted, its import summarized after a reload', async ({
  page,
  webApp,
}) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(webApp.url);
  await newCase(page, 'Many files');
  await page.getByTestId('import-folder').setInputFiles(pickedFolder());
  const picked = Object.keys(FILES).length + 2;
  await expect(page.locator('.import-job')).toHaveCount(picked, { timeout: 30_000 });
  await expect(page.locator('.import-job:not(.ended)')).toHaveCount(0, { timeout: 60_000 });

  // One row per imported file, under the header of its folder.
  const rows = page.getByTestId('source-row');
  const imported = [...Object.keys(FILES), CUT];
  await expect(rows).toHaveCount(imported.length);
  await expect(rows.filter({ hasText: CUT.split('/').pop()! }).locator('td[data-label="Rejected"]')).toHaveText('1');
  const folders = [...new Set(imported.map((path) => `${FOLDER}/${dirname(path)}`))];
  const headers = page.getByTestId('source-group');
  await expect(headers).toHaveCount(folders.length);
  const totals = { records: 0, warnings: 0, rejected: 0 };
  for (const folder of folders) {
    // Exactly this folder's header, not one of its subfolders'.
    const header = headers.filter({ has: page.getByRole('button', { name: folder, exact: true }) });
    await expect(header).toHaveCount(1);
    const group = page.locator('tbody').filter({ has: header });
    const files = imported.filter((path) => `${FOLDER}/${dirname(path)}` === folder).length;
    const groupRows = group.getByTestId('source-row');
    await expect(groupRows).toHaveCount(files);
    const sum = [0, 0, 0];
    for (const row of await groupRows.all()) (await rowFigures(row)).forEach((n, i) => (sum[i]! += n));
    const [records, warnings, rejected] = sum as [number, number, number];
    await expect(header).toContainText(
      `${plural(files, 'file')} · ${plural(records, 'record')} · ${plural(warnings, 'warning')} · ` +
        `${rejected.toLocaleString('en')} rejected`,
    );
    totals.records += records;
    totals.warnings += warnings;
    totals.rejected += rejected;
  }

  // The import's summary: every picked file counted, the schema skipped, the records of the rows.
  const summary = page.getByTestId('last-import');
  const summaryText = new RegExp(
    `${picked} files: ${imported.length} imported, 1 skipped \\(not evidence\\)\\. Imported ` +
      `${plural(totals.records, 'record')}.*, ${totals.rejected} rejected\\.`,
  );
  await expect(summary).toContainText(summaryText);
  await summary.getByText('The files not imported, and why').click();
  await expect(summary.getByRole('listitem')).toHaveText([/OpenLineage\.json: skipped — .*not/]);

  // A folder folds away and back.
  const firstGroup = page.locator('tbody.source-group').first();
  const first = firstGroup.getByTestId('source-group').getByRole('button');
  const firstFolder = (await first.innerText()).replace(/^\W+/, '').trim();
  const firstRows = firstGroup.getByTestId('source-row');
  const shownBefore = await firstRows.count();
  await first.click();
  await expect(first).toHaveAttribute('aria-expanded', 'false');
  await expect(firstRows).toHaveCount(0);
  await expect(rows).toHaveCount(imported.length - shownBefore);
  await first.click();
  await expect(first).toHaveAttribute('aria-expanded', 'true');
  await expect(firstRows).toHaveCount(shownBefore);
  expect(folders).toContain(firstFolder);

  // The filter keeps one file: a plain list of one, counted against all.
  const filter = page.getByRole('searchbox', { name: 'Filter' });
  const one = imported[2]!
    .split('/')
    .pop()!
    .replace(/\.json$/, '');
  await filter.fill(one);
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(one);
  await expect(headers).toHaveCount(0);
  await expect(page.getByText(`1 of ${imported.length} sources`)).toBeVisible();
  await filter.fill('no source is named like this');
  await expect(rows).toHaveCount(0);
  await page.getByRole('button', { name: 'Clear the filter' }).click();
  await expect(rows).toHaveCount(imported.length);

  // Sorted by records, each folder's rows go from the most to the fewest; by name, A to Z.
  const sortBy = page.getByLabel('Sort by');
  await sortBy.selectOption({ label: 'Records (most first)' });
  for (const group of await page.locator('tbody.source-group').all()) {
    const groupRows = group.getByTestId('source-row');
    const records = await Promise.all((await groupRows.all()).map(async (row) => (await rowFigures(row))[0]));
    expect(records, 'the records of a folder’s rows, sorted by records').toEqual([...records].sort((a, b) => b - a));
  }
  await sortBy.selectOption({ label: 'Name (A–Z)' });
  for (const group of await page.locator('tbody.source-group').all()) {
    const groupRows = group.getByTestId('source-row');
    const shown = (await groupRows.locator('th[scope="row"]').allInnerTexts()).map((t) => t.trim());
    expect(shown, 'a folder’s rows, sorted by name').toEqual([...shown].sort((a, b) => a.localeCompare(b, 'en')));
  }

  await expectNoSeriousA11yViolations(page, 'the Sources screen grouped by folder (light)');
  await screenshot(page, 'sources-organize-1-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expectNoSeriousA11yViolations(page, 'the Sources screen grouped by folder (dark)');
  await screenshot(page, 'sources-organize-2-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  // In a window narrower than the columns, each source is a card under its folder's header: nothing scrolls sideways.
  await page.setViewportSize({ width: 900, height: 800 });
  const table = page.getByRole('table', { name: 'Imported sources' });
  const [tableWidth, boxWidth] = await table.evaluate((t) => [t.scrollWidth, t.parentElement!.clientWidth]);
  expect(tableWidth, 'the grouped sources table at 900 px, beside its box').toBeLessThanOrEqual(boxWidth!);
  await headers.first().scrollIntoViewIfNeeded();
  await screenshot(page, 'sources-organize-900');
  await page.setViewportSize({ width: 1280, height: 800 });

  // After a reload the import rows are gone; its summary is not, until dismissed.
  await page.reload();
  await openSources(page);
  await expect(page.locator('.import-job')).toHaveCount(0);
  await expect(summary).toContainText(summaryText);
  await screenshot(page, 'sources-organize-3-reloaded');
  await summary.getByRole('button', { name: 'Dismiss the last import’s summary' }).click();
  await expect(summary).toHaveCount(0);
  await page.reload();
  await openSources(page);
  await expect(rows).toHaveCount(imported.length);
  await expect(summary).toHaveCount(0);
  expect(errors).toEqual([]);
});
