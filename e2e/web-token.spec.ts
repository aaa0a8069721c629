/**
 * Web mode: the token leaves the address after the first load. The bridge exchanges it for an HttpOnly,
 * SameSite=Strict session cookie, the app works from the cookie, and a browser with neither is refused.
 */
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
