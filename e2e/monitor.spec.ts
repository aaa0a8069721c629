/**
 * The Monitor screen in web mode: after the sample is imported, the outcome-rate shift of the sample's incident is an
 * alert starting on the day the sample's first wrong decision was made, and "Open a case" opens a case at a decision
 * of that shift, the onset preset.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, expectNoSeriousA11yViolations, screenshot, test } from './fixtures';

interface SampleDecision {
  readonly decision_id: string;
  readonly timestamp: string;
  readonly model: { readonly name: string };
}
const truth = JSON.parse(readFileSync('assets/sample/ground-truth.json', 'utf8')) as { firstWrongDecision: string };
const decisions = readFileSync('assets/sample/decisions.jsonl', 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as SampleDecision);
const byId = new Map(decisions.map((d) => [d.decision_id, d]));
const firstWrong = byId.get(truth.firstWrongDecision)!;
const wrongDay = new Date(firstWrong.timestamp).toISOString().slice(0, 10);
// What `watch` prints for the same files (exit 1: it found shifts): the screen shows the same alerts.
const cliAlerts = (
  JSON.parse(
    spawnSync('npx', ['tsx', 'electron/cli/main.ts', 'watch', '--source', 'assets/sample', '--json'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }).stdout,
  ) as { alerts: Array<{ start: string; version?: string; decisions: number; subjects: number }> }
).alerts;

test('flags the sample incident from the day its wrong decisions start and opens a case in that shift', async ({
  page,
  webApp,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(webApp.url);
  await page.getByRole('button', { name: 'Open the sample investigation' }).click();
  await expect(page.getByRole('navigation', { name: 'Investigation steps' })).toBeVisible();

  // Reached from the palette as a registered action.
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await page.keyboard.press('Control+k');
  await expect(palette.getByRole('combobox')).toBeFocused();
  await palette.getByRole('combobox').fill('monitor');
  await expect(palette.getByRole('option', { selected: true })).toContainText('Monitor');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Monitor', level: 1 })).toBeVisible();

  const alert = page.locator(`section.monitor-alert[data-start^="${wrongDay}"]`);
  await expect(alert.first()).toBeVisible();
  const flagged = alert.first();
  await expect(flagged.getByRole('img')).toBeVisible();
  const cli = cliAlerts.find((a) => a.start.startsWith(wrongDay) && a.version === undefined)!;
  expect(cli, 'watch flags the same day').toBeDefined();
  await expect(flagged.getByTestId('alert-counts')).toHaveText(
    `${cli.decisions} decisions and ${cli.subjects} subjects`,
  );
  await expectNoSeriousA11yViolations(page, 'the Monitor');
  await screenshot(page, 'monitor');

  const hint = (await flagged.getByText(/^at decision /).textContent())!;
  const decisionId = /^at decision (\S+),/.exec(hint)![1]!;
  const picked = byId.get(decisionId);
  expect(picked, `decision ${decisionId} is in the sample`).toBeDefined();
  expect(picked!.model.name).toBe(firstWrong.model.name);
  expect(Date.parse(picked!.timestamp)).toBeGreaterThanOrEqual(Date.parse(`${wrongDay}T00:00:00Z`));

  await flagged.getByRole('button', { name: 'Open a case' }).click();
  await expect(page.getByRole('navigation', { name: 'Investigation steps' })).toBeVisible();
  await expect(page.getByText(decisionId).first()).toBeVisible();
  await screenshot(page, 'monitor-case');
  // The onset is preset (the Changes step says the investigator set it) and the choice is in the activity log.
  const tabs = page.getByRole('navigation', { name: 'Investigation steps' }).getByRole('tab');
  await expect(tabs.filter({ hasText: 'Document' })).toContainText('1 annotation');
  await tabs.filter({ hasText: 'Changes' }).click();
  await expect(page.getByText('set by the investigator').first()).toBeVisible();
  expect(errors).toEqual([]);
});
