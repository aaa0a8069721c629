/**
 * Undoing the removal of a source on the sample case: its deployment log removed from the case's Sources screen and
 * put back with the toast's "Undo", then with Ctrl+Z — each time in its place among the sources, with every record
 * (the evidence timeline counts as many entries as before), each removal and undo an entry of the case's activity
 * log. Removed once more and the screen left, the removal is final: the case has one source less and the timeline
 * lacks the log's entries.
 */
import { expect, expectNoSeriousA11yViolations, screenshot, test } from './fixtures';

test('a removed source comes back in its place with its records, by Undo or Ctrl+Z, until the screen is left', async ({
  page,
  webApp,
}) => {
  test.slow(); // the sample's analysis, three times, on a shared machine
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(webApp.url);
  await page.getByRole('button', { name: 'Open the sample investigation' }).click();
  await expect(page.getByRole('heading', { name: 'Identify', exact: true })).toBeVisible();

  // The timeline's entries, and those of the deployment log: what a removal takes away and an undo brings back.
  const view = page.getByRole('region', { name: 'Evidence timeline' });
  const options = view.getByRole('listbox', { name: 'Evidence timeline' }).getByRole('option');
  const entries = async () => Number((await options.first().getAttribute('aria-setsize')) ?? 0);
  const openTimeline = async () => {
    await page.keyboard.press('Alt+t');
    await expect(view.getByRole('checkbox', { name: /Onset/ })).toBeVisible({ timeout: 60_000 });
  };
  await openTimeline();
  await expect.poll(entries).toBeGreaterThan(0);
  const all = await entries();
  await view.getByRole('button', { name: 'No kind' }).click();
  await view.getByRole('checkbox', { name: /Deployment/ }).check();
  await expect.poll(entries).toBeLessThan(all);
  const deployments = await entries();
  await view.getByRole('button', { name: 'All kinds' }).click();
  await expect.poll(entries).toBe(all);

  // The case's sources, and among them the one whose records are deployments.
  const sourcesButton = page.getByRole('button', { name: /^Sources \(\d+\)$/ });
  const count = Number(/\d+/.exec((await sourcesButton.textContent()) ?? '')![0]);
  await sourcesButton.click();
  const rows = page.getByTestId('source-row');
  await expect(rows).toHaveCount(count, { timeout: 60_000 });
  const names = await rows.getByRole('rowheader').allTextContents();
  const records = rows.locator('td[data-label="Records"]');
  const deploymentsAt = async () => (await records.allTextContents()).findIndex((r) => /\bdeployment\b/.test(r));
  await expect.poll(deploymentsAt, 'a source of deployments among the case’s').toBeGreaterThanOrEqual(0);
  const place = await deploymentsAt();
  // Its file's name, as its Remove… button says it.
  const label = await rows
    .nth(place)
    .getByRole('button', { name: /^Remove .+…$/ })
    .getAttribute('aria-label');
  const log = label!.slice('Remove '.length, -1);
  const remove = async () => {
    await page.getByRole('button', { name: `Remove ${log}…` }).click();
    await page.getByRole('button', { name: `Remove ${log}`, exact: true }).click();
    await expect(rows).toHaveCount(count - 1);
    await expect(page.getByRole('button', { name: `Remove ${log}…` })).toHaveCount(0);
  };
  const inPlace = async () => {
    await expect(rows).toHaveCount(count);
    await expect(rows.getByRole('rowheader')).toHaveText(names);
  };

  // Removed, then the toast's Undo puts it back in its place.
  await remove();
  const toast = page.getByRole('status').filter({ hasText: 'Removed the source' });
  await expect(toast).toContainText(`Removed the source “${log}”`);
  await screenshot(page, 'undo-source-toast');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await inPlace();
  await expect(toast).toHaveCount(0);

  // Removed again, then Ctrl+Z (outside a text field), which outlasts the toast's ten seconds.
  await remove();
  await expect(toast).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the Sources screen with the undo toast');
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Control+z');
  await inPlace();

  // The case reads its records again: every entry of the timeline is there.
  await page.getByRole('button', { name: 'Investigate: choose the decision →' }).click();
  await expect(page.getByRole('button', { name: `Sources (${count})` })).toBeVisible();

  // Each removal and each undo is an entry of the case's activity log, newest first, naming the file and its records.
  await page.keyboard.press('Alt+7');
  const activity = page.getByRole('main').getByRole('list', { name: 'Activity log, newest first' });
  const logged = activity.getByTestId('activity-entry');
  for (const [i, what] of ['Undid the removal of the source', 'Removed the source'].entries()) {
    await expect(logged.nth(i)).toContainText(`${what} “${log}” (`);
    await expect(logged.nth(i + 2)).toContainText(`${what} “${log}” (`);
  }
  await expect(logged.nth(1)).toContainText(/\d records, SHA-256 [0-9a-f]{12}\)/);
  await expect(page.getByRole('alert').filter({ hasText: 'altered' })).toHaveCount(0);
  await openTimeline();
  await expect.poll(entries, { timeout: 60_000 }).toBe(all);

  // Removed once more and the screen left: no undo any more; the case lacks the log's records.
  await page.getByRole('button', { name: `Sources (${count})` }).click();
  await expect(rows).toHaveCount(count);
  await remove();
  await page.getByRole('button', { name: '← Back to the investigation' }).click();
  await expect(page.getByRole('button', { name: `Sources (${count - 1})` })).toBeVisible();
  await page.getByRole('heading', { name: 'Identify', exact: true }).click();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('button', { name: `Sources (${count - 1})` })).toBeVisible();
  await openTimeline();
  await expect.poll(entries, { timeout: 60_000 }).toBe(all - deployments);
  expect(errors).toEqual([]);
});
