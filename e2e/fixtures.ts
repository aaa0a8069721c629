import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { startWebApp, type WebApp } from './web-app';

export const SCREENSHOT_DIR = 'e2e/screenshots';

/** Playwright test with the app started in web mode (one server per test file). */
export const test = base.extend<object, { webApp: WebApp }>({
  webApp: [
    async ({}, use) => {
      const app = await startWebApp();
      await use(app);
      await app.stop();
    },
    { scope: 'worker' },
  ],
});

export { expect };

/** Fails on serious or critical accessibility violations (axe-core), naming each. */
export async function expectNoSeriousA11yViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = serious.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
  expect(summary, `accessibility violations on ${where}`).toEqual([]);
}

/** Saves a full-page screenshot under e2e/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: false });
}

/** A new, empty investigation titled `title`, from the case list: its Sources screen opens. */
export async function newCase(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'New investigation' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByRole('button', { name: 'Create investigation' }).click();
  await expect(page.getByRole('heading', { name: `Sources of “${title}”` })).toBeVisible();
}

/** Waits until the files picked have started importing and every import has ended. */
export async function importsEnded(page: Page): Promise<void> {
  await expect(page.locator('.import-job').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.import-job:not(.ended)')).toHaveCount(0, { timeout: 30_000 });
}
