/**
 * The investigation engine runs in its worker in web mode — not silently on the main thread — and when its worker
 * cannot start, the step's header says so (and the analysis still answers).
 */
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

async function openScope(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Open the sample investigation' }).click();
  const nav = page.getByRole('navigation', { name: 'Investigation steps' });
  await expect(nav).toBeVisible({ timeout: 120_000 });
  await nav.getByRole('tab', { name: /Scope/ }).first().click();
  await expect(page.getByRole('heading', { name: 'Scope', exact: true })).toBeVisible();
  // The analysis has answered once the scope's charts are drawn.
  await expect(
    page
      .getByRole('main')
      .getByText(/decisions/i)
      .first(),
  ).toBeVisible();
  await expect(page.locator('.worker-status')).not.toHaveAttribute('data-analysis-thread', 'not yet', {
    timeout: 120_000,
  });
}

test('the sample case’s analysis runs in the engine worker', async ({ page, webApp }) => {
  test.setTimeout(240_000);
  await openScope(page, webApp.url);
  await expect(page.locator('.worker-status')).toHaveAttribute('data-analysis-thread', 'worker');
  await expect(page.getByText('running on the main thread')).toHaveCount(0);
});

test('a worker that cannot start is named in the step header, and the analysis still answers', async ({
  page,
  webApp,
}) => {
  test.setTimeout(240_000);
  await page.route(/engine\.worker[^/]*\.js/, (route) => route.abort());
  await openScope(page, webApp.url);
  await expect(page.locator('.worker-status')).toHaveAttribute('data-analysis-thread', 'main');
  await expect(
    page.getByText('Analysis running on the main thread: the worker could not start: its script could not be loaded'),
  ).toBeVisible();
  await expect(page.getByText('Computing the analysis of this decision')).toHaveCount(0);
  await screenshot(page, 'analysis-on-main-thread');
});
