/**
 * Two models' decision logs imported into one case, numbered alike: every id of one log is an id of the other. The
 * investigator picks the second model's decision of a shared id; the decision card shows that model, and the case
 * reopens on it, not on the first model's decision of that id.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, newCase, screenshot, test } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'li-two-models-e2e-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

const START = Date.parse('2026-04-01T08:00:00Z');

/** A model's decision log: ids `k-1`… `k-12`, one decision an hour, offset by `minutes`. */
function decisionLog(model: string, feature: string, action: string, minutes: number): string {
  const path = join(dir, `${model}.jsonl`);
  const lines = Array.from({ length: 12 }, (_, i) =>
    JSON.stringify({
      decision_id: `k-${i + 1}`,
      timestamp: new Date(START + i * 3_600_000 + minutes * 60_000).toISOString(),
      subject_id: `p-${i % 4}`,
      model: { name: model, version: '1.0.0' },
      environment: 'production',
      action,
      features: [{ name: feature, value: i, dataset: { namespace: 'wh', name: `${model}.inputs` } }],
    }),
  );
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

test('picking the second model’s decision of a shared id shows that model and keeps it', async ({ page, webApp }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The second model decides a few minutes before the first: a lookup by id alone that keeps the latest decision of
  // an id would show the first model's.
  const first = decisionLog('loan-approval', 'debt_ratio', 'loan_declined', 5);
  const second = decisionLog('churn-score', 'days_inactive', 'retention_offer', 0);

  await page.goto(webApp.url);
  await newCase(page, 'Two models, one id');
  await page.getByTestId('import-files').setInputFiles([first, second]);
  await expect(page.getByTestId('source-row')).toHaveCount(2);
  await page.getByRole('button', { name: 'Investigate: choose the decision →' }).click();

  await page.getByLabel('Search decisions').fill('k-7');
  const rows = page.getByRole('option').filter({ hasText: 'k-7' });
  await expect(rows).toHaveCount(2);
  // Where two listed decisions share an id, the id is followed by its model.
  await expect(rows.filter({ hasText: 'k-7 (churn-score)' })).toHaveCount(1);
  await rows.filter({ hasText: 'churn-score' }).click();

  const card = page.getByRole('region', { name: 'Decision k-7' });
  await expect(card).toContainText('churn-score@1.0.0');
  await expect(card).not.toContainText('loan-approval');
  await expect(card).toContainText('days_inactive');
  await screenshot(page, 'two-models-identify');

  // Reopened, the case is on the churn model's k-7.
  await page.reload();
  await page.getByRole('button', { name: 'Two models, one id', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Decision k-7' })).toContainText('churn-score@1.0.0');
  expect(errors).toEqual([]);
});
