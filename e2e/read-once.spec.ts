/**
 * The same decisions given twice in other bytes — the sample's decision log and its copy with CRLF line ends, two
 * sources — count once in the case, and the case screen says so as the CLI does on stderr: which file repeats which,
 * how many records, counted once.
 */
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, newCase, screenshot, test } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'li-read-once-e2e-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a re-encoded copy of a decision log is counted once, and the case says so', async ({ page, webApp }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const text = readFileSync('assets/sample/decisions.jsonl', 'utf8');
  const decisions = text.trimEnd().split('\n').length;
  const original = join(dir, 'decisions.jsonl');
  const copy = join(dir, 'decisions-crlf.jsonl');
  writeFileSync(original, text);
  writeFileSync(copy, text.replace(/\n/g, '\r\n'));

  await page.goto(webApp.url);
  await newCase(page, 'Two exports of one log');
  await page.getByTestId('import-files').setInputFiles([original]);
  await expect(page.locator('.import-summary')).toHaveCount(1);
  await page.getByTestId('import-files').setInputFiles([copy]);
  await expect(page.getByTestId('source-row')).toHaveCount(2);
  await page.getByRole('button', { name: '← Back to the investigation' }).click();

  const note = page.getByRole('region', { name: 'Evidence read once' });
  await expect(note).toContainText('Evidence given again in other sources, counted once: 1 note.');
  await note.getByText('Evidence given again').click();
  await expect(note).toContainText(
    `decisions-crlf.jsonl: ${decisions.toLocaleString('en-US')} decisions already read from decisions.jsonl`,
  );
  await screenshot(page, 'read-once');
  expect(errors).toEqual([]);
});
