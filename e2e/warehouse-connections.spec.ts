/**
 * Saved warehouse connections in web mode: the Sources screen says plainly that passwords are not stored, a Parquet
 * decision log (the sample's decisions as a warehouse keeps them) is added and tested — its decisions per model and
 * the engine's answer time — and a PostgreSQL connection nobody answers is named unreachable without its password.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FLAT_MAPPING, writeFlatFiles } from '../electron/warehouse/flat-sample.fixture';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'li-e2e-connections-'));
const parquet = join(dir, 'decisions.parquet');
const PASSWORD = 'never-shown-Pw-42';

test.beforeAll(async () => {
  await writeFlatFiles(join(dir, 'flat.jsonl'), parquet);
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('adds and tests warehouse connections; in web mode no password is stored', async ({ page, webApp }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(webApp.url);
  await page.getByRole('button', { name: 'Sources', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Warehouse connections' });
  await expect(panel).toContainText('Web mode: passwords are not stored.');
  // Other specs of the run may have saved connections on the same server: this one counts only its own.

  const add = panel.getByRole('form', { name: 'Add a connection' });
  await add.getByLabel('Name').fill('Sample decisions');
  await add.getByLabel('PostgreSQL URL or Parquet path').fill(parquet);
  await add.getByRole('button', { name: 'Add the connection' }).click();
  const row = panel.getByTestId('connection-row').filter({ hasText: 'Sample decisions' });
  await expect(row).toContainText('no password');
  await row.getByRole('button', { name: 'Test Sample decisions' }).click();
  await expect(row).toContainText(/3,465 decisions \(offer-eligibility 3,465\), answered in [\d,]+ ms by DuckDB/);

  // The same log read through its own column mapping (as `--mapping FILE.json` holds it); a wrong one is named.
  await add.getByLabel('Name').fill('Mapped decisions');
  await add.getByLabel('PostgreSQL URL or Parquet path').fill(parquet);
  await add.getByLabel('Column mapping (optional)').fill(JSON.stringify({ ...FLAT_MAPPING, kind: 'recipe' }));
  await add.getByRole('button', { name: 'Add the connection' }).click();
  await expect(panel).toContainText('the column mapping is not one: kind:');
  await add.getByLabel('Column mapping (optional)').fill(JSON.stringify(FLAT_MAPPING, null, 2));
  await add.getByRole('button', { name: 'Add the connection' }).click();
  const mapped = panel.getByTestId('connection-row').filter({ hasText: 'Mapped decisions' });
  await expect(mapped).toContainText('its column mapping');
  await expect(row).toContainText('mapping suggested from the column names');
  await mapped.getByRole('button', { name: 'Test Mapped decisions' }).click();
  await expect(mapped).toContainText(/3,465 decisions \(offer-eligibility 3,465\)/);
  await expect(mapped).toContainText(/read through decision ← id, ts, .*; features ← eligibility_flag$/);

  await add.getByLabel('Name').fill('Nobody answers');
  await add.getByLabel('PostgreSQL URL or Parquet path').fill('postgresql://reader@127.0.0.1:1/ml?table=decisions');
  await add.getByLabel('Password').fill(PASSWORD);
  await add.getByRole('button', { name: 'Add the connection' }).click();
  const pg = panel.getByTestId('connection-row').filter({ hasText: 'Nobody answers' });
  await expect(pg).toContainText('password kept');
  await expect(pg).toContainText('postgresql://reader@127.0.0.1:1/ml?table=decisions');
  await pg.getByRole('button', { name: 'Test Nobody answers' }).click();
  await expect(pg).toContainText('Not reachable: postgresql://reader@127.0.0.1:1/ml?table=decisions');
  await expect(page.locator('body')).not.toContainText(PASSWORD);
  await expectNoSeriousA11yViolations(page, 'warehouse connections');

  await pg.getByRole('button', { name: 'Remove Nobody answers' }).click();
  await expect(pg).toHaveCount(0);
  await expect(row).toHaveCount(1);
  await expect(mapped).toHaveCount(1);
  expect(errors).toEqual([]);
});
