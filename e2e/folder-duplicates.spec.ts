/**
 * A folder picked in the app ("Import a folder…") that holds the sample's decision log, a byte-identical copy of it
 * under another name and a symbolic link to it (issue 13: such a folder multiplied the counts): the decisions are
 * read once — one source, the log's decisions counted once in the case — and what repeats the log is named as
 * already imported, nothing changed. Chromium itself lists the picked folder, as for the user's own pick, and leaves
 * the symbolic link out of it; the link picked as a file (Chromium reads the file it leads to) is named the same way.
 * The main process's own reading of such a folder (the CLI) is tested in cli/investigate-command.test.ts.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, newCase, screenshot, test } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'li-folder-duplicates-e2e-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a folder with a decision log, its copy and a link to it counts the decisions once', async ({ page, webApp }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const text = readFileSync('assets/sample/decisions.jsonl', 'utf8');
  const decisions = text.trimEnd().split('\n').length;
  const folder = join(mkdtempSync(join(dir, 'pick-')), 'evidence');
  mkdirSync(folder);
  const [log, copy, link] = ['decisions.jsonl', 'decisions-copy.jsonl', 'decisions-link.jsonl'];
  writeFileSync(join(folder, log), text);
  copyFileSync(join(folder, log), join(folder, copy));
  symlinkSync(log, join(folder, link));

  await page.goto(webApp.url);
  await newCase(page, 'One log given three times');
  await page.getByTestId('import-folder').setInputFiles(folder);

  // One import per file Chromium gave; the first read is imported, each other one changes nothing.
  const jobs = page.locator('.import-job');
  await expect(jobs.filter({ hasText: `evidence/${copy}` })).toHaveCount(1, { timeout: 30_000 });
  await expect(page.locator('.import-job:not(.ended)')).toHaveCount(0, { timeout: 60_000 });
  const given = await jobs.locator('.import-name').allInnerTexts();
  expect(given.every((name) => [log, copy, link].map((f) => `evidence/${f}`).includes(name))).toBe(true);
  const summaries = jobs.locator('.import-summary');
  await expect(summaries.filter({ hasText: /^Imported/ })).toHaveCount(1);
  await expect(summaries.filter({ hasText: /^Already imported .*: nothing changed$/ })).toHaveCount(given.length - 1);
  await expect(jobs.filter({ hasText: `evidence/${copy}` })).toContainText('Already imported');

  // The link picked on its own: the file it leads to, already imported.
  await page.getByTestId('import-files').setInputFiles([join(folder, link)]);
  await expect(jobs.filter({ hasText: link }).locator('.import-summary')).toContainText(
    /^Already imported .*: nothing changed$/,
    { timeout: 30_000 },
  );

  // One source, its decisions counted once: in the Sources and in the case.
  const rows = page.getByTestId('source-row');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(`decision ${decisions.toLocaleString('en')}`);
  await screenshot(page, 'folder-duplicates');
  await page.getByRole('button', { name: /^Investigate/ }).click();
  await expect(page.getByRole('heading', { name: 'Identify', exact: true })).toBeVisible();
  await expect(page.getByText(` of ${decisions.toLocaleString('en')} decisions`)).toBeVisible({ timeout: 30_000 });
  expect(errors).toEqual([]);
});
