/**
 * Web-mode start-up: from launching the app to the case list being interactive, and from clicking
 * "Open the sample investigation" to the Trace graph painted. Each measured over fresh launches.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { startWebApp } from '../e2e/web-app';
import { report } from './stats';

export async function benchStartup(runs: number): Promise<boolean> {
  const launchToList: number[] = [];
  const openToTrace: number[] = [];
  const reopenToTrace: number[] = [];
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  try {
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const app = await startWebApp();
      const context = await browser.newContext();
      const page = await context.newPage();
      try {
        await page.goto(app.url);
        await page.getByRole('button', { name: 'Open the sample investigation' }).waitFor();
        launchToList.push(performance.now() - t0);
        const t1 = performance.now();
        await page.getByRole('button', { name: 'Open the sample investigation' }).click();
        await page
          .getByRole('link', { name: /Trace/ })
          .or(page.getByRole('tab', { name: /Trace/ }))
          .first()
          .click();
        await page.locator('[data-testid="node-job"]').first().waitFor();
        openToTrace.push(performance.now() - t1);
        // Reopen the stored case after a reload: what a user does every day after the first import.
        await page.reload();
        await page.getByRole('button', { name: 'Open the sample investigation' }).waitFor();
        const t2 = performance.now();
        await page.getByRole('button', { name: 'Open the sample investigation' }).click();
        await page.getByRole('tab', { name: /Trace/ }).first().click();
        await page.locator('[data-testid="node-job"]').first().waitFor();
        reopenToTrace.push(performance.now() - t2);
      } finally {
        await context.close();
        await app.stop();
      }
    }
  } finally {
    await browser.close();
  }
  const a = report('web mode: launch → case list interactive', launchToList, 2000);
  report('sample case, first open (imports 4 MB): open → Trace graph painted', openToTrace, 1500);
  const c = report('sample case, stored: open → Trace graph painted', reopenToTrace, 1500);
  return a && c;
}
