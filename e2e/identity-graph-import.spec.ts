/**
 * Identity graphs dropped into a case like any export: Segment Profiles Sync's `id_graph_updates` (a Snowflake CSV,
 * upper-case headers, one row with a time Segment would never write) and `external_id_mapping_updates` (JSON lines),
 * their rows those of the case study on https://segment.com/docs/unify/profiles-sync/tables/. No column mapping is
 * asked for; the Sources screen lists each as an identity graph with its links counted and the bad row by its line.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, newCase, screenshot, test } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'li-identity-graph-e2e-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const ID_GRAPH_UPDATES = [
  'SEGMENT_ID,CANONICAL_SEGMENT_ID,TRIGGERING_EVENT_TYPE,TRIGGERING_EVENT_ID,TIMESTAMP',
  'profile_1,profile_1,page,event_1,2022-05-02 14:01:00',
  'profile_2,profile_2,page,event_3,2022-06-22 10:47:15',
  'profile_2,profile_1,identify,event_4,2022-06-22 10:48:00',
  'profile_3,profile_1,identify,event_9,June 22 11:00',
].join('\n');

const EXTERNAL_IDS = [
  ['profile_1', 'anonymous_id', '5285bc35-05ef-4d21', '2022-05-02 14:01:00'],
  ['profile_1', 'email', 'jane.kim@segment.com', '2022-05-02 14:01:47'],
  ['profile_2', 'anonymous_id', 'b50e18a5-1b8d-451c', '2022-06-22 10:48:00'],
]
  .map(([segment_id, external_id_type, external_id_value, timestamp]) =>
    JSON.stringify({ segment_id, external_id_type, external_id_value, timestamp }),
  )
  .join('\n');

test('imports identity graphs and lists them with their links and rejected rows', async ({ page, webApp }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(webApp.url);
  await newCase(page, 'Merged profiles');

  await page
    .getByTestId('import-files')
    .setInputFiles([
      write('id_graph_updates.csv', ID_GRAPH_UPDATES),
      write('external_id_mapping_updates.jsonl', EXTERNAL_IDS),
    ]);
  const summaries = page.locator('.import-summary');
  await expect(summaries).toHaveCount(2);
  await expect(summaries.filter({ hasText: 'Imported 1 record, 1 rejected' })).toHaveCount(1);
  await expect(summaries.filter({ hasText: 'Imported 3 records' })).toHaveCount(1);
  await expect(page.getByRole('dialog')).toHaveCount(0);

  const rows = page.getByTestId('source-row');
  await expect(rows).toHaveCount(2);
  const merges = rows.filter({ hasText: 'id_graph_updates.csv' });
  await expect(merges).toContainText('identity-graph');
  await expect(merges).toContainText('identity-link 1');
  await expect(rows.filter({ hasText: 'external_id_mapping_updates.jsonl' })).toContainText('identity-link 3');

  await merges.getByRole('button', { name: 'Details' }).click();
  await expect(page.getByText('Rejected records: 1')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'id_graph_updates.csv, line 5' })).toBeVisible();
  await expect(
    page.getByText('field "TIMESTAMP" is invalid: "June 22 11:00" is not an RFC 3339 timestamp'),
  ).toBeVisible();
  await screenshot(page, 'identity-graph-import');
  expect(errors).toEqual([]);
});
