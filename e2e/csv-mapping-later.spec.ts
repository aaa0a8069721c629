/**
 * The column mapping in a later session (a real CSV: NannyML's California housing inference log): the user dropped
 * the file, said "Not now" to the dialog, and reloads the app. The Sources screen still says the file needs a
 * mapping; "Map columns…" asks for the file again (the store keeps records, not bytes), refuses another file by its
 * SHA-256, and maps the same one. Then "Change the mapping…" re-imports it through a new mapping, which replaces
 * the records whole; both mappings are entries in the case's activity log.
 */
import { expect, expectNoSeriousA11yViolations, newCase, screenshot, test } from './fixtures';
import { realFixture } from '../fixtures/real-fixtures';

const CSV = realFixture('inference/nannyml/nannyml_california_housing_analysis.csv');
/** Another real CSV of the same example (the reference period): the wrong file to pick. */
const OTHER_CSV = realFixture('inference/nannyml/nannyml_california_housing_reference.csv');
const NAME = 'nannyml_california_housing_analysis.csv';

test('maps a CSV left unmapped in an earlier session, then changes its mapping', async ({ page, webApp }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(webApp.url);
  await newCase(page, 'Housing model, later');
  await page.getByTestId('import-files').setInputFiles([CSV]);
  const first = page.getByRole('dialog', { name: `Map the columns of ${NAME}` });
  await expect(first).toBeVisible();
  await first.getByRole('button', { name: 'Not now' }).click();
  await expect(first).toHaveCount(0);

  // A later session: the page (and the File it held) is gone; the source is in the store.
  await page.reload();
  await page.getByRole('button', { name: 'Sources', exact: true }).click();
  const row = page.getByTestId('source-row').filter({ hasText: NAME });
  await expect(row).toContainText('needs a column mapping: pick its file again to map its columns');
  await expect(row).toContainText('no records');

  const mapButton = row.getByRole('button', { name: `Map columns… ${NAME}: pick the file again` });
  const chooser = page.waitForEvent('filechooser');
  await mapButton.click();
  await (await chooser).setFiles([OTHER_CSV]);
  await expect(page.getByRole('alert')).toContainText(
    `nannyml_california_housing_reference.csv is not the file ${NAME} was imported from: its SHA-256 is`,
  );
  await screenshot(page, 'csv-mapping-later-1-wrong-file');

  const again = page.waitForEvent('filechooser');
  await mapButton.click();
  await (await again).setFiles([CSV]);
  const dialog = page.getByRole('dialog', { name: `Map the columns of ${NAME}` });
  await expect(dialog).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(dialog.getByLabel('Decision id (required)')).toHaveValue('id');
  await dialog.getByLabel('Model name: a fixed value for every row').fill('california-housing');
  await dialog.getByLabel('UTC offset of times written without one').fill('Z');
  await dialog.getByRole('button', { name: 'Import with this mapping' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row).toContainText('decision 8,232');
  await expect(row).toContainText(
    'mapped: decision ← id, timestamp, y_pred, y_pred_proba; features ← MedInc, HouseAge, AveRooms, AveBedrms, … (8)',
  );
  await expect(page.getByTestId('source-row')).toHaveCount(1);

  // Change the mapping: the dialog starts from the saved one; the new records replace the old ones.
  const change = row.getByRole('button', { name: `Change the mapping… ${NAME}: pick the file again` });
  const third = page.waitForEvent('filechooser');
  await change.click();
  await (await third).setFiles([CSV]);
  const changing = page.getByRole('dialog', { name: `Change the column mapping of ${NAME}` });
  await expect(changing).toBeVisible();
  await expect(changing).toContainText('Its records are replaced by those read through the new mapping');
  await expect(changing.getByLabel('Model name: a fixed value for every row')).toHaveValue('california-housing');
  await expect(changing.getByLabel('UTC offset of times written without one')).toHaveValue('Z');
  await changing.getByRole('checkbox', { name: 'Latitude' }).uncheck();
  await changing.getByRole('checkbox', { name: 'Longitude' }).uncheck();
  await expectNoSeriousA11yViolations(page, 'the change-mapping dialog');
  await screenshot(page, 'csv-mapping-later-2-change');
  await changing.getByRole('button', { name: 'Import with this mapping' }).click();
  await expect(changing).toHaveCount(0);
  await expect(row).toContainText('features ← MedInc, HouseAge, AveRooms, AveBedrms, … (6)');
  await expect(row).toContainText('decision 8,232');
  await expect(page.getByTestId('source-row')).toHaveCount(1);
  await screenshot(page, 'csv-mapping-later-3-sources');

  // Mapped from All sources, each mapping is an entry in the log of the case citing the file: the first, then the
  // change with the columns dropped.
  await page.getByRole('button', { name: '← Back to cases' }).click();
  await page.getByTestId('case-row').filter({ hasText: 'Housing model, later' }).getByRole('button').first().click();
  await page
    .getByRole('navigation', { name: 'Investigation steps' })
    .getByRole('tab', { name: /Document/ })
    .click();
  const activity = page.getByRole('list', { name: 'Activity log, newest first' });
  const latest = activity.getByTestId('activity-entry').first();
  await expect(latest).toContainText(`Changed the column mapping of the source “${NAME}”`);
  await expect(latest).toContainText('features: − Latitude, Longitude');
  await expect(activity).toContainText(`Mapped the columns of the source “${NAME}”`);
  await expect(page.getByText(/✓ Chain verified: \d+ entries/)).toBeVisible();
  await activity.scrollIntoViewIfNeeded();
  await screenshot(page, 'csv-mapping-later-4-activity');
  expect(errors).toEqual([]);
});
