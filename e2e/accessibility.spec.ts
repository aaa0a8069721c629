/**
 * axe on every screen in both themes: the case list, the new-investigation dialog, each of the sample's seven steps,
 * the case's sources, the monitor, the metrics dashboard and the command palette, once under a light system setting
 * and once under a dark one (the theme follows the system by default), with no serious or critical violation (colour
 * contrast included).
 * On each screen at 1280×800 the header keeps to one line inside the window (the case's even with two more actions),
 * and a screenshot of it at 1280×800 and 1920×1080 goes to e2e/screenshots/ to be looked at.
 * Then the header's switch overrides the system and is remembered.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, SCREENSHOT_DIR, screenshot, test } from './fixtures';
import { expectHeaderOnOneLine, headerProblemsWithTwoMoreActions } from './header-fit';

const STEPS = ['Identify', 'Scope', 'Trace', 'Changes', 'Governance', 'Remediate', 'Document'] as const;
const SMALL = { width: 1280, height: 800 };
const LARGE = { width: 1920, height: 1080 };

/** axe, the header at 1280×800, then screenshots at both sizes (back at 1280×800 after). */
async function checkScreen(page: Page, scheme: string, index: number, name: string): Promise<void> {
  await expectNoSeriousA11yViolations(page, `${name} (${scheme})`);
  await expectHeaderOnOneLine(page, `${name} at 1280×800`);
  const file = `${scheme}-${String(index).padStart(2, '0')}-${name.replace(/\W+/g, '-')}`;
  await screenshot(page, `${file}-1280`);
  await page.setViewportSize(LARGE);
  await screenshot(page, `${file}-1920`);
  await page.setViewportSize(SMALL);
}

/** Runs a palette action by typing words of its label. */
async function palette(page: Page, query: string, expected: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Command palette' });
  await page.keyboard.press('Control+k');
  await dialog.getByRole('combobox').fill(query);
  await expect(dialog.getByRole('option', { selected: true })).toContainText(expected);
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
}

async function settled(page: Page): Promise<void> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen has no serious accessibility violation under a ${scheme} system theme`, async ({
    page,
    webApp,
  }) => {
    test.setTimeout(420_000); // a dozen axe runs on a machine shared with other work
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setViewportSize(SMALL);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(webApp.url);
    const html = page.locator('html');
    await expect(html).toHaveAttribute('data-theme', scheme);
    await expect(page.getByRole('group', { name: 'Theme' }).getByRole('button', { name: 'System' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    await expect(page.getByRole('button', { name: 'Open the sample investigation' })).toBeVisible();
    await checkScreen(page, scheme, 0, 'case list');
    await page.getByRole('button', { name: 'New investigation' }).click();
    const newCase = page.getByRole('dialog', { name: 'New investigation' });
    await expect(newCase).toBeVisible();
    await expectNoSeriousA11yViolations(page, `the new-investigation dialog (${scheme})`);
    await screenshot(page, `${scheme}-00-new-investigation-dialog-1280`);
    await newCase.getByRole('button', { name: 'Cancel' }).click();
    await expect(newCase).toHaveCount(0);

    await page.getByRole('button', { name: 'Open the sample investigation' }).click();
    const nav = page.getByRole('navigation', { name: 'Investigation steps' });
    await expect(nav).toBeVisible();
    for (const [i, step] of STEPS.entries()) {
      await nav.getByRole('tab', { name: new RegExp(step) }).click();
      await expect(page.getByRole('heading', { name: step, exact: true })).toBeVisible();
      if (step === 'Trace') {
        await expect(page.locator('.react-flow__node').first()).toBeVisible();
        await expect(page.locator('.react-flow')).toHaveClass(new RegExp(scheme));
      }
      await settled(page);
      await checkScreen(page, scheme, i + 1, step);
      if (step === 'Trace') {
        await page.locator('.react-flow').screenshot({ path: `${SCREENSHOT_DIR}/${scheme}-03-Trace-graph.png` });
      }
      if (step === 'Identify')
        expect(await headerProblemsWithTwoMoreActions(page), 'two more case actions').toEqual([]);
    }

    // The two views below the steps: the evidence timeline, and the lineage browsed from the first node it finds.
    await page.keyboard.press('Alt+t');
    const timeline = page.getByRole('region', { name: 'Evidence timeline' });
    await expect(timeline.getByRole('listbox').getByRole('option').first()).toBeVisible({ timeout: 60_000 });
    await settled(page);
    await checkScreen(page, scheme, 12, 'timeline');
    await page.keyboard.press('Alt+l');
    const lineage = page.getByRole('region', { name: 'Lineage' });
    await lineage.getByLabel('Find a dataset, job or field').fill('a');
    await lineage.getByRole('list', { name: 'Matches' }).getByRole('button').first().click();
    await expect(lineage.locator('.react-flow__node').first()).toBeVisible();
    await settled(page);
    await checkScreen(page, scheme, 13, 'lineage');

    await palette(page, 'open the sources of this case', 'Open the sources of this case');
    await expect(page.getByRole('heading', { level: 1, name: /^Sources/ })).toBeVisible();
    await settled(page);
    await checkScreen(page, scheme, 8, 'sources');

    await palette(page, 'monitor', 'Monitor');
    await expect(page.getByRole('heading', { name: 'Monitor', level: 1 })).toBeVisible();
    await settled(page);
    await checkScreen(page, scheme, 9, 'monitor');

    await palette(page, 'lineage maturity', 'Lineage maturity');
    await expect(page.getByRole('heading', { level: 1, name: 'Lineage maturity' })).toBeVisible();
    await settled(page);
    await checkScreen(page, scheme, 10, 'metrics');

    await page.keyboard.press('Control+k');
    await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
    await checkScreen(page, scheme, 11, 'palette');
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });
}

test('the header switch overrides the system theme, is remembered, and the palette reaches it', async ({
  page,
  webApp,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(webApp.url);
  const html = page.locator('html');
  const themes = page.getByRole('group', { name: 'Theme' });
  await expect(html).toHaveAttribute('data-theme', 'light');
  // The page's background as the eye sees it: --bg of the light palette, then of the dark one (styles.css).
  const body = page.locator('body');
  await expect(body).toHaveCSS('background-color', 'rgb(246, 247, 249)');

  await themes.getByRole('button', { name: 'Dark' }).click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(themes.getByRole('button', { name: 'Dark' })).toHaveAttribute('aria-pressed', 'true');
  await expect(body).toHaveCSS('background-color', 'rgb(15, 19, 24)');

  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  // The theme is applied while the app still starts; the palette listens only once the case list is up.
  await expect(page.getByRole('heading', { name: 'Investigations', level: 1 })).toBeVisible();
  await page.emulateMedia({ colorScheme: 'dark' });
  await palette(page, 'light theme', 'Light theme');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await palette(page, 'system theme', 'System theme');
  await expect(html).toHaveAttribute('data-theme', 'dark');
});
