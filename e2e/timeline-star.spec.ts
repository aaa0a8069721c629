/**
 * Starring and tagging on the evidence timeline, as a reviewer uses it on the sample case: the earliest deployment
 * starred and tagged, both in the case's activity log, and the Markdown report's "Starred evidence" naming it with its
 * tag and its citation (the deployment log's file and line); unstarred, it leaves the report.
 */
import { readFileSync } from 'node:fs';
import type { Download, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** The sample's deployment log, each record with its line, earliest first. */
const deployments = readFileSync('assets/sample/deployments.jsonl', 'utf8')
  .split('\n')
  .map((text, i) => ({ text, line: i + 1 }))
  .filter((l) => l.text.trim())
  .map((l) => ({ ...(JSON.parse(l.text) as { id: string; timestamp: string }), line: l.line }))
  .sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));

async function downloaded(page: Page, button: Locator): Promise<string> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return readFileSync((await download.path()) as string, 'utf8');
}

/** The Markdown report's "Starred evidence" section, its escapes (`\.`, `\_`) read as the characters they escape. */
const starredSection = (md: string) => md.split('## Starred evidence')[1]!.split('\n## ')[0]!.replace(/\\(.)/g, '$1');

test('a starred timeline entry is logged and goes into the report with its citation', async ({ page, webApp }) => {
  test.setTimeout(150_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(webApp.url);
  await page.getByRole('button', { name: 'Open the sample investigation' }).click();
  await expect(page.getByRole('heading', { name: 'Identify', exact: true })).toBeVisible();
  await page.keyboard.press('Alt+t');
  const view = page.getByRole('region', { name: 'Evidence timeline' });
  await expect(view.getByRole('checkbox', { name: /Onset/ })).toBeVisible({ timeout: 60_000 });

  // The earliest deployment, starred and tagged.
  await view.getByRole('button', { name: 'No kind' }).click();
  await view.getByRole('checkbox', { name: /Deployment/ }).check();
  const list = view.getByRole('listbox', { name: 'Evidence timeline' });
  await list.getByRole('option').first().click();
  const details = view.getByRole('complementary', { name: 'Selected entry' });
  await expect(details).toContainText(`deployments.jsonl:${deployments[0]!.line}`);
  const title = (await details.locator('.timeline-details-title').textContent())!;
  await details.getByRole('button', { name: '☆ Star' }).click();
  await expect(details.getByRole('button', { name: '★ Starred' })).toHaveAttribute('aria-pressed', 'true');
  await expect(list.getByRole('option').first().getByRole('img', { name: 'Starred' })).toBeVisible();
  await details.getByRole('textbox', { name: 'Tags' }).fill('first release, staging');
  await details.getByRole('button', { name: 'Save tags' }).click();
  await expect(details).toContainText('Tagged: first releasestaging');

  // Both are entries of the case's log.
  await page.keyboard.press('Alt+7');
  await expect(page.getByRole('heading', { name: 'Document', exact: true })).toBeVisible();
  const activity = page.getByRole('list', { name: 'Activity log, newest first' });
  await expect(activity).toContainText(`Starred on the timeline: ${title}`);
  await expect(activity).toContainText('first release, staging');

  // The report: the entry, its tags and its citation.
  const panel = page.getByRole('region', { name: 'Report and evidence bundle' });
  const markdown = panel.getByRole('button', { name: 'Markdown' });
  const starred = starredSection(await downloaded(page, markdown));
  const cited = `deployments.jsonl line ${deployments[0]!.line}`;
  const row = starred.split('\n').find((l) => l.includes(cited));
  expect(row, `the starred deployment in the report:\n${starred}`).toBeDefined();
  expect(row).toContain('first release, staging');
  expect(row).toContain('deployment');
  expect(row).toContain(title.slice(0, 20));

  // Unstarred, it leaves the report.
  await page.keyboard.press('Alt+t');
  await list.getByRole('option').first().click();
  await details.getByRole('button', { name: '★ Starred' }).click();
  await expect(details.getByRole('button', { name: '☆ Star' })).toBeVisible();
  await page.keyboard.press('Alt+7');
  expect(starredSection(await downloaded(page, markdown))).not.toContain(cited);
  expect(errors).toEqual([]);
});
