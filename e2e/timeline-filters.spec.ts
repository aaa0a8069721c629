/**
 * The evidence timeline's filters by source file, job and environment, and the zoom of its time axis, on the sample
 * case: the counts a reviewer can check against the sample's own deployment log, and the zoom by buttons and keys.
 */
import { readFileSync } from 'node:fs';
import { expect, expectNoSeriousA11yViolations, screenshot, test } from './fixtures';

/** The sample's deployment log, one record per line. */
const deployments = readFileSync('assets/sample/deployments.jsonl', 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { environment: string; component?: string });

test('the timeline filters by source, job and environment, and zooms its time axis', async ({ page, webApp }) => {
  test.setTimeout(150_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(webApp.url);
  await page.getByRole('button', { name: 'Open the sample investigation' }).click();
  await expect(page.getByRole('heading', { name: 'Identify', exact: true })).toBeVisible();
  await page.keyboard.press('Alt+t');
  const view = page.getByRole('region', { name: 'Evidence timeline' });
  await expect(view.getByRole('checkbox', { name: /Onset/ })).toBeVisible({ timeout: 60_000 });
  const list = view.getByRole('listbox', { name: 'Evidence timeline' });
  const rows = list.getByRole('option');
  const shown = async () => Number((await rows.first().getAttribute('aria-setsize')) ?? 0);
  const all = await shown();

  // The deployment log as the source: every one of its records, and only deployments.
  const source = view.getByRole('combobox', { name: 'Source' });
  const deploymentLog = (await source.locator('option').allTextContents()).find((t) => t.startsWith('deployments'));
  expect(deploymentLog, 'the deployment log among the sources').toBeDefined();
  await source.selectOption({ label: deploymentLog! });
  await expect(rows.first()).toHaveAttribute('aria-setsize', String(deployments.length));
  await expect(rows.first()).toContainText('Deployment');

  // And production only: the deployments the log sends to production.
  const environment = view.getByRole('combobox', { name: 'Environment' });
  await environment.selectOption('production');
  const toProduction = deployments.filter((d) => d.environment === 'production').length;
  await expect(rows.first()).toHaveAttribute('aria-setsize', String(toProduction));
  for (const row of await rows.all()) await expect(row).toContainText('production');
  await source.selectOption('');
  await environment.selectOption('');
  await expect(rows.first()).toHaveAttribute('aria-setsize', String(all));

  // One job: each entry shown names it, fewer than all.
  const component = deployments[0]!.component!;
  await view.getByRole('combobox', { name: 'Job' }).selectOption(component);
  await expect.poll(shown).toBeLessThan(all); // the worker answers after the selection
  for (const row of (await rows.all()).slice(0, 10)) await expect(row).toContainText(component);
  await view.getByRole('combobox', { name: 'Job' }).selectOption('');

  // The zoom: in by the button (fewer entries, the range named), out by the key, back to the whole by 0.
  const status = view.getByRole('group', { name: 'Zoom the time axis' }).getByRole('status');
  await expect(status).toHaveText('Showing the whole time of the case');
  await view.getByRole('button', { name: 'Zoom in' }).click();
  await expect(status).toContainText('Showing 20');
  await expect.poll(shown).toBeLessThan(all);
  const zoomed = await shown();
  await list.focus();
  await page.keyboard.press('+');
  await expect.poll(shown).toBeLessThan(zoomed);
  await page.keyboard.press('-');
  await expect.poll(shown).toBe(zoomed);
  await screenshot(page, 'timeline-zoomed');
  await expectNoSeriousA11yViolations(page, 'the evidence timeline zoomed');
  await page.keyboard.press('0');
  await expect(status).toHaveText('Showing the whole time of the case');
  await expect(rows.first()).toHaveAttribute('aria-setsize', String(all));
  expect(errors).toEqual([]);
});
