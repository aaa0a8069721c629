/**
 * The zone switch on the Trace screen, in a browser whose zone is not UTC (America/New_York, where the sample's
 * months cross a change of offset): with Local chosen every timestamp the screen prints carries the local offset,
 * with UTC chosen every one says UTC, and each instant is the same one written two ways. The lineage card, the
 * findings under it, the graph's time slider and the selected node's details are all read.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.use({ timezoneId: 'America/New_York' });

/** Every whole timestamp the step prints: `yyyy-MM-dd HH:mm:ss` then `UTC` or an offset. */
const STAMP = /\b(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) (UTC|[+-]\d\d:\d\d)/g;
/** An ISO instant as the engine writes it, never to be shown raw. */
const RAW = /\b\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)\b/;

/** The sample case, opened on its first step. */
async function openSample(page: Page, url: string): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(url);
  await page.getByRole('button', { name: 'Open the sample investigation' }).click();
  await expect(page.getByRole('heading', { name: 'Identify', exact: true })).toBeVisible();
}

const instant = ([, wall = '', zone = '']: RegExpMatchArray) =>
  Date.parse(`${wall.replace(' ', 'T')}${zone === 'UTC' ? 'Z' : zone}`);

test('the zone switch rewrites every timestamp of the Trace screen, the same instants in the other zone', async ({
  page,
  webApp,
}) => {
  test.slow();
  await openSample(page, webApp.url);
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { name: 'Trace', exact: true })).toBeVisible();
  const graph = page.getByRole('region', { name: 'Lineage graph' });
  await expect(graph.locator('.react-flow__node').first()).toBeVisible();
  // A job's details too: its run's time.
  await graph.getByTestId('node-job').first().click({ timeout: 15_000 });
  await expect(page.locator('section.node-details')).toBeVisible();

  const zones = page.getByRole('group', { name: 'Time zone' });
  const read = async () => [...(await page.locator('main').innerText()).matchAll(STAMP)];

  await zones.getByRole('button', { name: 'Local' }).click();
  const local = await read();
  expect(local.length, 'timestamps on the Trace screen').toBeGreaterThan(10);
  expect(local.filter((m) => m[2] === 'UTC' || m[2] === '+00:00').map((m) => m[0])).toEqual([]);
  expect(new Set(local.map((m) => m[2])).size, 'both of New York’s offsets over the sample’s months').toBe(2);
  expect((await page.locator('main').innerText()).match(RAW)?.[0]).toBeUndefined();

  await zones.getByRole('button', { name: 'UTC' }).click();
  await expect.poll(async () => (await read()).every((m) => m[2] === 'UTC')).toBe(true);
  const utc = await read();
  expect(utc.length).toBe(local.length);
  // The same instants, each written in the other zone.
  expect(utc.map(instant)).toEqual(local.map(instant));
  expect(utc.map((m) => m[1])).not.toEqual(local.map((m) => m[1]));
});

test('with Local chosen in New York, no step prints a timestamp in UTC or a raw ISO instant', async ({
  page,
  webApp,
}) => {
  test.slow();
  await openSample(page, webApp.url);
  await page.getByRole('group', { name: 'Time zone' }).getByRole('button', { name: 'Local' }).click();
  const steps = ['Identify', 'Scope', 'Trace', 'Changes', 'Governance', 'Remediate', 'Document'];
  for (const [i, step] of steps.entries()) {
    await page.keyboard.press(`Alt+${i + 1}`);
    await expect(page.getByRole('heading', { name: step, exact: true })).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    const text = await page.locator('main').innerText();
    const stamps = [...text.matchAll(STAMP)];
    expect(
      stamps.filter((m) => m[2] === 'UTC' || m[2] === '+00:00').map((m) => m[0]),
      step,
    ).toEqual([]);
    expect(text.match(RAW)?.[0], step).toBeUndefined();
  }
});
