/**
 * The evidence timeline on the sample case, as an investigator uses it: opened with Alt+T from a step, the planted
 * change found and marked the top suspect, the onset on the first wrong decision of the answer key, the investigated
 * decision; filtered to deployments (as many as the sample's deployment log has), the earliest selected to show its
 * file and line, the next one reached with the arrow key; screenshots and axe in the light and the dark theme. Then,
 * at 900 px, the case header's second row inside the window.
 */
import { readFileSync } from 'node:fs';
import { expect, expectNoSeriousA11yViolations, screenshot, test } from './fixtures';

const truth = JSON.parse(readFileSync('assets/sample/ground-truth.json', 'utf8'));
const sampleCase = JSON.parse(readFileSync('assets/sample/case.json', 'utf8'));
/** The sample's deployment log, each record with its line, earliest first. */
const deployments = readFileSync('assets/sample/deployments.jsonl', 'utf8')
  .split('\n')
  .map((text, i) => ({ text, line: i + 1 }))
  .filter((l) => l.text.trim())
  .map((l) => ({ ...(JSON.parse(l.text) as { id: string; timestamp: string }), line: l.line }))
  .sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));

test('the evidence timeline shows the cause, the onset and the decision, filters by kind and cites each entry', async ({
  page,
  webApp,
}) => {
  test.setTimeout(150_000); // 32 s alone; over a minute while the shared machine is loaded
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(webApp.url);
  await page.getByRole('button', { name: 'Open the sample investigation' }).click();
  await expect(page.getByRole('heading', { name: 'Identify', exact: true })).toBeVisible();
  await page.getByRole('group', { name: 'Time zone' }).getByRole('button', { name: 'UTC' }).click();

  // Alt+T from a step shows the timeline in place of the step; no step tab stays selected.
  await page.keyboard.press('Alt+t');
  const view = page.getByRole('region', { name: 'Evidence timeline' });
  await expect(view).toBeVisible();
  await expect(page.getByRole('button', { name: /Evidence timeline/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('tab', { selected: true })).toHaveCount(0);
  // The analysis has run once the onset is on the axis.
  await expect(view.getByRole('checkbox', { name: /Onset/ })).toBeVisible({ timeout: 60_000 });

  const list = view.getByRole('listbox', { name: 'Evidence timeline' });
  const details = view.getByRole('complementary', { name: 'Selected entry' });
  const find = view.getByRole('searchbox');

  // The cause: the planted commit, ranked the top suspect, cited from the Git history.
  await find.fill(truth.plantedCommit.slice(0, 10));
  const cause = list.getByRole('option').filter({ hasText: 'Top suspect' });
  await expect(cause).toHaveCount(1);
  await cause.click();
  await expect(details).toContainText(truth.plantedCommit.slice(0, 10));
  await expect(details).toContainText('Top suspect');
  await expect(details.getByRole('button', { name: /Pin evidence/ })).toBeEnabled();

  // The onset: the first wrong decision of the answer key, at its time.
  await find.fill(truth.onset.decisionId);
  const onset = list.getByRole('option').filter({ hasText: 'Onset' });
  await expect(onset).toHaveCount(1);
  await expect(onset).toContainText(truth.onset.timestamp.replace('T', ' ').replace('Z', ' UTC'));

  // The investigated decision.
  await find.fill(sampleCase.decisionId);
  await expect(list.getByRole('option').filter({ hasText: 'Investigated decision' })).toHaveCount(1);
  await find.fill('');

  // Only deployments: as many as the deployment log holds, the earliest cited by its file and line.
  await view.getByRole('button', { name: 'No kind' }).click();
  await expect(list.getByRole('option')).toHaveCount(0);
  await view.getByRole('checkbox', { name: /Deployment/ }).check();
  const first = list.getByRole('option').first();
  await expect(first).toHaveAttribute('aria-setsize', String(deployments.length));
  await first.click();
  await expect(details).toContainText(`deployments.jsonl:${deployments[0]!.line}`);
  // The keyboard: the next deployment in time.
  await list.focus();
  await page.keyboard.press('ArrowDown');
  await expect(details).toContainText(`deployments.jsonl:${deployments[1]!.line}`);
  await view.getByRole('button', { name: 'All kinds' }).click();
  await expect(view.getByRole('checkbox', { name: /Commit/ })).toBeChecked();

  // Both themes: looked at, and axe.
  const theme = page.getByRole('group', { name: 'Theme' });
  for (const name of ['Light', 'Dark'] as const) {
    await theme.getByRole('button', { name: `${name} theme` }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', name.toLowerCase());
    await screenshot(page, `timeline-${name.toLowerCase()}`);
    await expectNoSeriousA11yViolations(page, `the evidence timeline (${name.toLowerCase()})`);
  }

  // A step leaves the timeline.
  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('heading', { name: 'Changes', exact: true })).toBeVisible();
  await expect(view).toHaveCount(0);

  // At 900 px the case header's second row wraps inside the window (the record's fields below the description).
  await page.setViewportSize({ width: 900, height: 800 });
  const outside = await page.evaluate(`(() => {
    const bar = document.querySelector('.case-bar');
    const right = Math.min(bar.getBoundingClientRect().right, document.documentElement.clientWidth);
    return [...bar.querySelectorAll('*')]
      .filter((e) => e.getBoundingClientRect().right > right + 0.5)
      .map((e) => e.textContent.trim() || e.tagName);
  })()`);
  expect(outside, 'parts of the case header’s second row beyond the window at 900 px').toEqual([]);
  await expect(page.getByRole('combobox', { name: 'Status' })).toBeInViewport();
  await screenshot(page, 'case-header-900');
  expect(errors).toEqual([]);
});
