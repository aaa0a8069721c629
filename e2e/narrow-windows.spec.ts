/**
 * Narrow windows on the sample case: the Sources table at 900 px wide fits without a sideways scroll, and the case
 * screen at 560 px wide does not overflow the window; screenshots of both.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, screenshot, test } from './fixtures';

/** The elements wider than their scroll container (or the page): what makes a reader scroll sideways. */
const overflowing = (page: Page, selector: string) =>
  page
    .locator(selector)
    .evaluateAll((elements) =>
      elements
        .filter((e) => e.scrollWidth > e.clientWidth + 1)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${e.scrollWidth} > ${e.clientWidth}`),
    );

test('the Sources table at 900 px and the case screen at 560 px fit their window', async ({ page, webApp }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(webApp.url);
  await page.getByRole('button', { name: 'Open the sample investigation' }).click();
  await expect(page.getByRole('heading', { name: 'Identify', exact: true })).toBeVisible();

  await page.setViewportSize({ width: 560, height: 800 });
  await expect.poll(() => overflowing(page, 'html, body, main, .step-panel')).toEqual([]);
  await expect(page.getByRole('tab', { name: /Document/ })).toBeInViewport();
  await screenshot(page, 'case-560');

  await page.setViewportSize({ width: 900, height: 800 });
  await page.getByRole('button', { name: /^Sources/ }).click();
  const table = page.getByRole('table', { name: 'Imported sources' });
  await expect(table.getByTestId('source-row').first()).toBeVisible();
  expect(await overflowing(page, 'html, body, .table-scroll')).toEqual([]);
  await expect(table.getByRole('button', { name: 'Remove' }).first()).toBeInViewport();
  await screenshot(page, 'sources-900');
  await expectNoSeriousA11yViolations(page, 'the Sources screen at 900 px');
});
