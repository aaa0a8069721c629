/**
 * The command palette (Ctrl+K) and the shortcuts list (?) on the sample case: every step reached from the palette
 * by typing its name, a graph node found and selected, the graph exported, another screen opened; axe with the
 * palette open.
 */
import { readFileSync } from 'node:fs';
import { expect, expectNoSeriousA11yViolations, screenshot, test } from './fixtures';

const truth = JSON.parse(readFileSync('assets/sample/ground-truth.json', 'utf8'));
const STEPS = ['Identify', 'Scope', 'Trace', 'Changes', 'Governance', 'Remediate', 'Document'];

test('the command palette reaches every step, a node and an export; ? lists the shortcuts', async ({
  page,
  webApp,
}) => {
  test.slow();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(webApp.url);
  await page.getByRole('button', { name: 'Open the sample investigation' }).click();
  const tabs = page.getByRole('navigation', { name: 'Investigation steps' }).getByRole('tab');
  await expect(tabs).toHaveCount(STEPS.length);
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  const search = palette.getByRole('combobox');

  // Every step, from wherever the previous one left the focus, in an order that is not the navigator's.
  for (const step of [...STEPS].reverse()) {
    await page.keyboard.press('Control+k');
    await expect(search).toBeFocused();
    await search.fill(step.toLowerCase());
    await expect(palette.getByRole('option').first()).toContainText(`Go to ${step}`);
    await page.keyboard.press('Enter');
    await expect(palette).toHaveCount(0);
    await expect(tabs.filter({ hasText: step })).toHaveAttribute('aria-selected', 'true');
  }

  // A node of the traced graph, by its name: the Trace step opens with the node selected and its details shown.
  await page.keyboard.press('Control+k');
  await search.fill(truth.feature.job);
  await expect(palette.getByRole('option', { selected: true })).toContainText(truth.feature.job);
  await expectNoSeriousA11yViolations(page, 'the command palette');
  await screenshot(page, 'palette-1-node');
  await page.keyboard.press('Enter');
  await expect(tabs.filter({ hasText: 'Trace' })).toHaveAttribute('aria-selected', 'true');
  const graph = page.getByRole('region', { name: 'Lineage graph' });
  await expect(graph.locator(`.react-flow__node[data-id="${truth.feature.job}"]`)).toHaveClass(/selected/);
  await expect(page.locator('section.node-details h3')).toContainText(truth.feature.job);

  // An export, from another step: the graph's SVG is downloaded.
  await page.keyboard.press('Alt+1');
  await page.keyboard.press('Control+k');
  await search.fill('export graph svg');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/\.svg$/);

  // The report, from the palette: the Document step opens and the HTML report is downloaded, the traced path drawn
  // in it as a vector figure.
  await page.keyboard.press('Control+k');
  await search.fill('report html');
  const [report] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  await expect(tabs.filter({ hasText: 'Document' })).toHaveAttribute('aria-selected', 'true');
  expect(report.suggestedFilename()).toMatch(/\.html$/);
  const html = readFileSync((await report.path()) as string, 'utf8');
  const figure = html.slice(html.indexOf('<h3>Lineage path</h3>'));
  expect(figure).toContain(`data-id="${truth.feature.job}"`);
  expect(figure.slice(0, figure.indexOf('</figure>'))).not.toMatch(/foreignObject/);

  // Arrow keys choose, Escape closes and gives the focus back.
  await page.keyboard.press('Control+k');
  await search.fill('go to');
  await page.keyboard.press('ArrowDown');
  await expect(palette.getByRole('option', { selected: true })).toContainText('Go to Scope');
  await page.keyboard.press('Escape');
  await expect(palette).toHaveCount(0);

  // ? shows the shortcuts, drawn from the registered actions.
  await page.locator('body').press('?');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts).toBeVisible();
  await expect(shortcuts).toContainText('Alt+3');
  await expect(shortcuts).toContainText('Go to Trace');
  await expect(shortcuts).toContainText('Ctrl+K');
  await expectNoSeriousA11yViolations(page, 'the shortcuts');
  await screenshot(page, 'palette-2-shortcuts');
  await page.keyboard.press('Escape');
  await expect(shortcuts).toHaveCount(0);

  // Another case screen: back to the case list from the palette.
  await page.keyboard.press('Control+k');
  await search.fill('case list');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Open the sample investigation' })).toBeVisible();
  expect(errors).toEqual([]);
});
