/**
 * A CSV decision log with its own column names (NannyML's California housing inference log, a real file): the
 * import finds it needs a column mapping, the dialog shows its headers and first rows with suggestions, the user
 * completes the mapping, and the Sources screen lists the file as decisions with the mapping saved on it.
 */
import { expect, expectNoSeriousA11yViolations, newCase, screenshot, test } from './fixtures';
import { realFixture } from '../fixtures/real-fixtures';

const CSV = realFixture('inference/nannyml/nannyml_california_housing_analysis.csv');

test('maps the columns of a CSV decision log and imports it', async ({ page, webApp }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(webApp.url);
  await newCase(page, 'Housing model');

  await page.getByTestId('import-files').setInputFiles([CSV]);
  const dialog = page.getByRole('dialog', { name: 'Map the columns of nannyml_california_housing_analysis.csv' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Each row is')).toHaveValue('decision-log');
  await expect(dialog.getByRole('columnheader', { name: 'y_pred_proba' })).toBeVisible();
  await expect(dialog.getByRole('cell', { name: '5832', exact: true })).toBeVisible();
  await expect(dialog.getByLabel('Decision id (required)')).toHaveValue('id');
  await expect(dialog.getByLabel('Output score')).toHaveValue('y_pred_proba');
  await expect(dialog.getByRole('checkbox', { name: 'MedInc' })).toBeChecked();
  await expect(dialog.getByRole('status')).toContainText('Model name ("model.name") needs a column or a fixed value');
  const confirm = dialog.getByRole('button', { name: 'Import with this mapping' });
  await expect(confirm).toBeDisabled();

  await dialog.getByLabel('Model name: a fixed value for every row').fill('california-housing');
  await dialog.getByLabel('UTC offset of times written without one').fill('Z');
  await expect(confirm).toBeEnabled();
  await expectNoSeriousA11yViolations(page, 'the column-mapping dialog');
  await screenshot(page, 'csv-mapping-1-dialog');
  await confirm.click();
  await expect(dialog).toHaveCount(0);

  const rows = page.getByTestId('source-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('decision 8,232');
  await expect(rows.first()).toContainText('mapped: decision ← id, timestamp, y_pred, y_pred_proba; features ← MedInc');
  await screenshot(page, 'csv-mapping-2-sources');
  expect(errors).toEqual([]);
});
