/**
 * Undoing a removal on the sample case: a note on the case removed and put back with the toast's "Undo", a pin from
 * the evidence timeline unpinned and put back with Ctrl+Z; each removal and each undo is an entry of the activity
 * log, whose chain still holds.
 */
import { expect, expectNoSeriousA11yViolations, screenshot, test } from './fixtures';

test('a removed annotation and an unpinned piece of evidence come back with Undo and Ctrl+Z, each step logged', async ({
  page,
  webApp,
}) => {
  test.slow(); // the sample's analysis, on a shared machine
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(webApp.url);
  await page.getByRole('button', { name: 'Open the sample investigation' }).click();
  await expect(page.getByRole('heading', { name: 'Identify', exact: true })).toBeVisible();

  // A pin from the timeline: the earliest deployment.
  await page.keyboard.press('Alt+t');
  const view = page.getByRole('region', { name: 'Evidence timeline' });
  await view.getByRole('button', { name: 'No kind' }).click();
  await view.getByRole('checkbox', { name: /Deployment/ }).check();
  await view.getByRole('listbox', { name: 'Evidence timeline' }).getByRole('option').first().click();
  const details = view.getByRole('complementary', { name: 'Selected entry' });
  await details.getByRole('button', { name: /^Pin evidence/ }).click();

  // A note on the case, on the Document step.
  await page.keyboard.press('Alt+7');
  const main = page.getByRole('main');
  const note = 'The cents threshold came from the merged config';
  await main.getByLabel('Note on the case').fill(note);
  await main.getByRole('button', { name: 'Add note' }).click();
  const annotations = main.getByRole('list', { name: 'Annotations, newest first' });
  await expect(annotations).toContainText(note);
  const pins = main.getByRole('region', { name: /Pinned evidence/ });
  await expect(pins.getByRole('heading')).toHaveText('Pinned evidence (1)');
  const pinned = (await pins.getByRole('listitem').locator('strong').textContent())!;

  // Removed, then the toast's Undo puts it back.
  await annotations.getByRole('button', { name: `Remove the annotation “${note}”` }).click();
  await expect(main.getByRole('heading', { name: 'Annotations (0)' })).toBeVisible();
  const toast = page.getByRole('status').filter({ hasText: 'Removed the annotation' });
  await expect(toast).toContainText(note);
  // Focus on its Undo keeps the toast while the page is checked (it hides after ten seconds otherwise).
  await toast.getByRole('button', { name: 'Undo' }).focus();
  await screenshot(page, 'undo-toast');
  await expectNoSeriousA11yViolations(page, 'the Document step with the undo toast');
  await page.waitForTimeout(11_000);
  await expect(toast, 'a focused toast outlasts its ten seconds').toBeVisible();
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(annotations).toContainText(note);
  await expect(toast).toHaveCount(0);

  // Unpinned, then Ctrl+Z (outside a text field) pins it back.
  await pins.getByRole('button', { name: `Unpin ${pinned}` }).click();
  await expect(pins.getByRole('heading')).toHaveText('Pinned evidence (0)');
  await expect(page.getByRole('status').filter({ hasText: 'Unpinned' })).toBeVisible();
  await pins.getByRole('heading').click();
  await page.keyboard.press('Control+z');
  await expect(pins.getByRole('heading')).toHaveText('Pinned evidence (1)');
  await expect(pins).toContainText(pinned);

  // Every step is in the activity log, newest first, and the chain holds.
  const activity = main.getByRole('list', { name: 'Activity log, newest first' });
  const entries = activity.getByTestId('activity-entry');
  await expect(entries.nth(0)).toContainText('Undid the unpinning of the evidence');
  await expect(entries.nth(1)).toContainText('Unpinned the evidence');
  await expect(entries.nth(2)).toContainText('Undid the removal of the annotation');
  await expect(entries.nth(3)).toContainText('Removed the annotation');
  await expect(page.getByRole('alert').filter({ hasText: 'altered' })).toHaveCount(0);
  expect(errors).toEqual([]);
});
