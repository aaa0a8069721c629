/**
 * A cited source changed on disk after the case was made: the app is started on a temporary copy of the sample
 * folder (LINEAGE_INVESTIGATOR_SAMPLE_DIR), the sample case is opened (every cited source re-checked, none
 * flagged), closed; one cited file of the copy is edited; reopening the case shows an alert naming that file with
 * its expected and actual SHA-256 — apart from the activity chain, which still verifies.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectNoSeriousA11yViolations, newCase, screenshot, test } from './fixtures';
import { startWebApp, type WebApp } from './web-app';

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

let sampleDir: string;
let app: WebApp;

test.beforeAll(async () => {
  sampleDir = join(mkdtempSync(join(tmpdir(), 'li-e2e-sample-')), 'sample');
  cpSync('assets/sample', sampleDir, { recursive: true });
  app = await startWebApp({ sampleDir });
});

test.afterAll(async () => {
  await app?.stop();
  rmSync(join(sampleDir, '..'), { recursive: true, force: true });
});

test('reopening a case whose cited file changed on disk names that file, expected and actual SHA-256', async ({
  page,
}) => {
  test.slow(); // the sample's analysis runs on each opening
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Open the sample investigation' }).click();
  await expect(page.getByRole('navigation', { name: 'Investigation steps' })).toBeVisible();

  // First opening: every cited source is where it was read, unchanged.
  const checked = page.getByRole('region', { name: 'Cited sources re-checked' });
  const summary = checked.locator('summary');
  await expect(summary).toContainText(/Cited sources re-checked on opening: [1-9]\d* unchanged\./);
  await expect(page.getByText('Cited evidence no longer matches')).toHaveCount(0);
  await summary.click();
  const unchanged = await checked.locator('li').filter({ hasText: ': unchanged' }).allInnerTexts();
  // A cited file of the copy (not a Git bundle: its history is checked by commit, not by hash).
  const name = unchanged.map((t) => t.split(': unchanged')[0]!).find((n) => !n.endsWith('.bundle'));
  expect(name, `a cited file among ${unchanged.join(' | ')}`).toBeTruthy();
  const path = join(sampleDir, name!);
  const before = sha256(path);

  await page.getByRole('button', { name: '← Back to cases' }).click();
  appendFileSync(path, '\n');
  const after = sha256(path);
  await page.getByTestId('case-row').first().getByRole('button').first().click();

  const alert = page.getByRole('alert').filter({ hasText: 'Cited evidence no longer matches' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(name!);
  await expect(alert).toContainText(path);
  await expect(alert).toContainText(`expected SHA-256 ${before}, actual ${after}`);
  await expect(alert).toContainText(/Cited: lines? \d/);
  await expect(summary).toContainText('1 no longer matching');
  // The case's own record is intact: no chain alert.
  await expect(page.getByText("This case's activity log has been altered")).toHaveCount(0);
  await screenshot(page, 'citation-check-changed-file');
  await expectNoSeriousA11yViolations(page, 'the case with a changed cited file');
  expect(errors).toEqual([]);
});

test('a file imported in the browser is listed as not re-checked: the browser gives no path', async ({ page }) => {
  const decisions = join(sampleDir, '..', 'browser-decisions.jsonl');
  const line = (i: number) =>
    JSON.stringify({
      decision_id: `d-browser-${i}`,
      timestamp: `2026-02-1${i}T09:00:00Z`,
      subject_id: `u-${i}`,
      model: { name: 'offer-eligibility', version: '3.1.0' },
      action: 'offer_rejected',
      features: [{ name: 'eligibility_flag', value: false }],
    });
  writeFileSync(decisions, [1, 2].map(line).join('\n') + '\n');
  await page.goto(app.url);
  await newCase(page, 'Imported in the browser');
  await page.getByTestId('import-files').setInputFiles([decisions]);
  await expect(page.locator('.import-summary').filter({ hasText: /^Imported/ })).toHaveCount(1);
  await page.getByRole('button', { name: 'Investigate: choose the decision →' }).click();
  await page.getByText('d-browser-2').first().click();
  await page.getByRole('button', { name: '← Back to cases' }).click();
  await page.getByTestId('case-row').filter({ hasText: 'Imported in the browser' }).getByRole('button').first().click();

  const checked = page.getByRole('region', { name: 'Cited sources re-checked' });
  await expect(checked.locator('summary')).toContainText('1 not re-checked');
  await checked.locator('summary').click();
  await expect(checked).toContainText(
    'browser-decisions.jsonl: not re-checked: no path known (imported in the browser)',
  );
  await expect(page.getByText('Cited evidence no longer matches')).toHaveCount(0);
});
