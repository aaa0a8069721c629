/**
 * Web mode: the token leaves the address after the first load. The bridge exchanges it for an HttpOnly,
 * SameSite=Strict session cookie, the app works from the cookie, and a browser with neither is refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeLaunchPage } from '../electron/launcher/launch-page';
import { expect, test } from './fixtures';

test('the first load trades the token for a session cookie; the app then works without it', async ({
  page,
  browser,
  webApp,
}) => {
  await page.goto(webApp.url);
  expect(page.url()).toBe(`${webApp.origin}/`);
  const cookies = await page.context().cookies(webApp.origin);
  expect(cookies).toHaveLength(1);
  expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  expect(cookies[0]?.value).not.toBe(webApp.token);
  // The app reaches the main process through the cookie: the sample opens.
  await page.getByRole('button', { name: 'Open the sample investigation' }).click();
  await expect(page.getByRole('navigation', { name: 'Investigation steps' })).toBeVisible({ timeout: 120_000 });
  expect(page.url()).not.toContain(webApp.token);
  // Another browser with neither the token nor the cookie is refused by the API.
  const stranger = await browser.newContext();
  const refused = await stranger.request.post(`${webApp.origin}/api/app:info`, { data: {} });
  expect(refused.status()).toBe(401);
  await stranger.close();
});

test('Chromium opened on the launch page (not the token: its command line is public) reaches the app', async ({
  browser,
  webApp,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'li-launch-'));
  try {
    const launch = writeLaunchPage(join(dir, 'web-launch'), webApp.url);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(launch.url);
    await expect(page).toHaveURL(`${webApp.origin}/`);
    const cookies = await context.cookies(webApp.origin);
    expect(cookies.map((c) => [c.httpOnly, c.sameSite])).toEqual([[true, 'Strict']]);
    // The app reaches the main process through the cookie alone: it starts and lists investigations.
    await expect(page.getByRole('button', { name: 'New investigation' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Investigations' })).toBeVisible();
    await context.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
