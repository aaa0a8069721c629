/**
 * Every step of the sample case at 560 px wide (the step navigator above the step): no element wider than its box
 * in the page, the step or its panels (scroll containers aside), and two screenshots of each, its top and a screen
 * further down (`step-560-<step>.png`, `step-560-<step>-2.png`), to be looked at.
 */
import { expect, screenshot, test } from './fixtures';

const STEPS = ['Identify', 'Scope', 'Trace', 'Changes', 'Governance', 'Remediate', 'Document'] as const;

test('each of the seven steps fits a window 560 px wide', async ({ page, webApp }) => {
  test.slow(); // seven steps of the sample's analysis on a shared machine
  await page.setViewportSize({ width: 560, height: 900 });
  await page.goto(webApp.url);
  await page.getByRole('button', { name: 'Open the sample investigation' }).click();
  await expect(page.getByRole('heading', { name: 'Identify', exact: true })).toBeVisible();
  const found: string[] = [];
  for (const [i, step] of STEPS.entries()) {
    await page.keyboard.press(`Alt+${i + 1}`);
    await expect(page.getByRole('heading', { name: step, exact: true })).toBeVisible();
    if (step === 'Trace') await expect(page.locator('.react-flow__node').first()).toBeVisible();
    await page.waitForTimeout(500);
    const wide = await page
      .locator('html, body, main, .step-panel, .step-panel .card')
      .evaluateAll((elements) =>
        elements
          .filter((e) => e.scrollWidth > e.clientWidth + 1)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${e.scrollWidth} > ${e.clientWidth}`),
      );
    found.push(...wide.map((w) => `${step}: ${w}`));
    // The step's own top, and a screen further down (the navigator is above it at this width).
    await page.getByRole('heading', { name: step, exact: true }).scrollIntoViewIfNeeded();
    await page.getByRole('heading', { name: step, exact: true }).evaluate((h) => h.scrollIntoView());
    await screenshot(page, `step-560-${step.toLowerCase()}`);
    await page.mouse.move(280, 850);
    await page.mouse.wheel(0, 800);
    await page.waitForTimeout(300);
    await screenshot(page, `step-560-${step.toLowerCase()}-2`);
  }
  expect(found).toEqual([]);
});
