/**
 * A new user's import in web mode: a new investigation, real OpenLineage files, a file with one bad line and a
 * file that is not evidence (the OpenLineage JSON Schema: skipped, not kept) through the file picker, the Sources screen with counts and the rejected line, the same file again (nothing
 * changes), a Git repository by path, removing a source, and choosing the decision in Identify.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, expectNoSeriousA11yViolations, newCase, screenshot, test } from './fixtures';
import { realFixture } from '../fixtures/real-fixtures';

const REAL = realFixture('openlineage');
const MARQUEZ = resolve(REAL, 'marquez_docker_metadata.json');
const DBT = resolve(REAL, 'ol_dbt_postgres_run_events.json');
const SCHEMA = resolve(REAL, 'spec/OpenLineage.json');
const marquezRunEvents = (JSON.parse(readFileSync(MARQUEZ, 'utf8')) as Array<{ eventType?: string }>).filter(
  (e) => e.eventType !== undefined,
).length;

const dir = mkdtempSync(join(tmpdir(), 'li-import-e2e-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Twelve deployment records; line 5 is cut off mid-object. */
function deploymentsWithABadLine(): string {
  const lines = Array.from({ length: 12 }, (_, i) =>
    JSON.stringify({
      id: `dep-${i + 1}`,
      timestamp: `2026-02-0${(i % 9) + 1}T10:00:00Z`,
      environment: 'production',
      commit: 'a91b5aa',
    }),
  );
  lines[4] = '{"id":"dep-5","timestamp":"2026-02-05T10:00:00Z","environment":';
  const path = join(dir, 'deployments-with-a-bad-line.jsonl');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** Three decisions of a model, in the app's decision-log format. */
function decisions(): string {
  const path = join(dir, 'decisions.jsonl');
  const line = (i: number) =>
    JSON.stringify({
      decision_id: `d-e2e-${i}`,
      timestamp: `2026-02-1${i}T09:00:00Z`,
      subject_id: `u-${i}`,
      model: { name: 'offer-eligibility', version: '3.1.0' },
      action: 'offer_rejected',
      features: [{ name: 'eligibility_flag', value: false }],
    });
  writeFileSync(path, [1, 2, 3].map(line).join('\n') + '\n');
  return path;
}

function gitRepository(): string {
  const repo = join(dir, 'pipelines');
  mkdirSync(repo);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo });
  git('init', '-q', '-b', 'main');
  for (const n of [1, 2]) {
    writeFileSync(join(repo, 'flag.sql'), `select ${n}\n`);
    git('add', '.');
    git('-c', 'user.name=Ana', '-c', 'user.email=ana@example.com', 'commit', '-q', '-m', `Change ${n}`);
  }
  return repo;
}

test('imports files into a new investigation and shows what each gave', async ({ page, webApp }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const bad = deploymentsWithABadLine();
  await page.goto(webApp.url);
  await newCase(page, 'Imported evidence');

  await page.getByTestId('import-files').setInputFiles([MARQUEZ, DBT, bad, decisions(), SCHEMA]);
  const summaries = page.locator('.import-summary');
  await expect(summaries).toHaveCount(5);
  await expect(summaries.filter({ hasText: /^Imported/ })).toHaveCount(4);
  const skipped = summaries.filter({ hasText: 'Skipped — not evidence: a JSON Schema of a format, not data' });
  await expect(skipped).toHaveCount(1);
  await expect(skipped).toHaveClass(/muted/);
  await expect(page.locator('.import-job.error')).toHaveCount(0);
  await expect(summaries.filter({ hasText: `Imported ${marquezRunEvents} records with` })).toHaveCount(1);
  await expect(summaries.filter({ hasText: '11 records, 1 rejected' })).toHaveCount(1);

  const rows = page.getByTestId('source-row');
  await expect(rows).toHaveCount(4);
  await expect(rows.filter({ hasText: 'OpenLineage.json' })).toHaveCount(0);
  const marquezRow = rows.filter({ hasText: 'marquez_docker_metadata.json' });
  await expect(marquezRow).toContainText(`lineage-run ${marquezRunEvents}`);
  await expect(marquezRow).toContainText('openlineage');
  const badRow = rows.filter({ hasText: 'deployments-with-a-bad-line.jsonl' });
  await expect(badRow).toContainText('deployment 11');
  await screenshot(page, 'import-1-sources');

  await badRow.getByRole('button', { name: 'Details' }).click();
  await expect(page.getByText('Rejected records: 1')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'deployments-with-a-bad-line.jsonl, line 5' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the Sources screen with a source expanded');
  await screenshot(page, 'import-2-rejections');

  // The same file again changes nothing.
  await page.getByTestId('import-files').setInputFiles([MARQUEZ]);
  await expect(summaries.filter({ hasText: 'Already imported' })).toHaveCount(1);
  await expect(rows).toHaveCount(4);
  await expect(marquezRow).toContainText(`lineage-run ${marquezRunEvents}`);

  // A folder that is not a repository is named as such; a repository's history is imported.
  const pathField = page.getByLabel('Git repository folder (absolute path)');
  await pathField.fill(dir);
  await page.getByRole('button', { name: 'Read repository' }).click();
  await expect(page.getByRole('alert')).toContainText('not a Git repository');
  await pathField.fill(gitRepository());
  await page.getByRole('button', { name: 'Read repository' }).click();
  await expect(rows.filter({ hasText: 'pipelines' })).toContainText('commit 2');

  // Removing a source takes its records away.
  await page.getByRole('button', { name: 'Remove ol_dbt_postgres_run_events.json…' }).click();
  await page.getByRole('button', { name: 'Remove ol_dbt_postgres_run_events.json', exact: true }).click();
  await expect(rows.filter({ hasText: 'ol_dbt_postgres_run_events.json' })).toHaveCount(0);
  await expect(rows).toHaveCount(4);
  await screenshot(page, 'import-3-removed');

  // The investigation's decisions come from its sources.
  await page.getByRole('button', { name: 'Investigate: choose the decision →' }).click();
  await expect(page.getByRole('button', { name: 'Sources (4)' })).toBeVisible();
  await expect(page.getByText('3 of 3 decisions')).toBeVisible();
  await page.getByText('d-e2e-2').first().click();
  await expect(page.getByText('eligibility_flag').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Identify after import');
  await screenshot(page, 'import-4-identify');
  expect(errors).toEqual([]);
});
