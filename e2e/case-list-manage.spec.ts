/**
 * Managing the case list: a case found by a word of its title or decision, another archived (hidden until "Show
 * archived", marked as archived there, its archiving in its activity log), the sample deleted after a confirmation.
 */
import { readFileSync } from 'node:fs';
import { expect, expectNoSeriousA11yViolations, newCase, screenshot, test } from './fixtures';

const sampleCase = JSON.parse(readFileSync('assets/sample/case.json', 'utf8')) as { decisionId: string };

test('the case list searches, archives and deletes cases, each logged', async ({ page, webApp }) => {
  test.slow(); // the sample's import, on a shared machine
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(webApp.url);
  await page.getByRole('button', { name: 'Open the sample investigation' }).click();
  await expect(page.getByRole('heading', { name: 'Identify', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '← Back to cases' }).click();
  await newCase(page, 'Fraud score jump after the EU release');
  await page.getByRole('button', { name: '← Back to the investigation' }).click();
  await page.getByRole('button', { name: '← Back to cases' }).click();

  const rows = page.getByTestId('case-row');
  await expect(rows).toHaveCount(2);
  const sample = rows.filter({ hasText: sampleCase.decisionId });
  const sampleTitle = (await sample.getByRole('button').first().textContent())!.trim();

  // Search: by the sample's decision, by a word of the other's title; both words must match.
  const search = page.getByRole('searchbox', { name: 'Search investigations' });
  await search.fill(sampleCase.decisionId);
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(sampleTitle);
  await search.fill('eu FRAUD');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Fraud score jump');
  await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText('1 of 2 match');
  await search.fill('');

  // Archive: hidden, then shown marked as archived.
  await page.getByRole('button', { name: 'Archive Fraud score jump after the EU release' }).click();
  await expect(rows).toHaveCount(1);
  await page.getByLabel(/Show archived \(1\)/).check();
  await expect(rows).toHaveCount(2);
  const archived = rows.filter({ hasText: 'Fraud score jump' });
  await expect(archived).toContainText('archived');
  await screenshot(page, 'case-list-manage');
  await expectNoSeriousA11yViolations(page, 'the case list with an archived case');

  // Delete, after confirming: the sample leaves the list.
  await sample.getByRole('button', { name: `Delete ${sampleTitle}…` }).click();
  await sample.getByRole('button', { name: `Delete ${sampleTitle}`, exact: true }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows).not.toContainText(sampleTitle);

  // The archiving is in the archived case's activity log.
  await archived
    .getByRole('button', { name: /Fraud score jump/ })
    .first()
    .click();
  await page.keyboard.press('Alt+7');
  const activity = page.getByRole('list', { name: 'Activity log, newest first' });
  await expect(activity.getByTestId('activity-entry').first()).toContainText('Archived the case');
  expect(errors).toEqual([]);
});
