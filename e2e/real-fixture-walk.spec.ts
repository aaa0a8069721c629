/**
 * A new user's walk over the real public fixture folder (fixtures/real: dbt artifacts, OpenLineage events, cloud and
 * GitHub audit logs, Feast registries, NannyML inference logs, tracking plans) at 1280×800: a new investigation, the
 * whole folder imported at once (its two NannyML CSVs left unmapped: Identify then says no source holds a decision
 * and leads back to the Sources), one CSV mapped as the decision log, then every screen a user reaches — the
 * Sources, each step on a decision, the evidence timeline and Lineage maturity. On each, no time is printed raw (an
 * ISO string instead of the zone-switched format), no count reads "(s)" or "1 links", and the page never scrolls
 * sideways; the timeline draws its time axis even when it is opened before the worker has built it. Screenshots go
 * to e2e/screenshots/real-walk-*.png.
 */
import type { Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { expect, expectNoSeriousA11yViolations, newCase, screenshot, test } from './fixtures';
import { REAL_FIXTURES, realFixture } from '../fixtures/real-fixtures';

const RAW_TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d/;
const STEPS = ['Identify', 'Scope', 'Trace', 'Changes', 'Governance', 'Remediate', 'Document'] as const;
/** The CSV the walk maps as a decision log, after Identify said there was none; the other stays unmapped. */
const DECISIONS_CSV = 'nannyml_california_housing_analysis.csv';
const files = readdirSync(REAL_FIXTURES, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).length;

/** What the user reads in the main area: no raw ISO time, no "(s)" count, no page wider than the window. */
async function expectReadable(page: Page, where: string): Promise<void> {
  const widths = await page.locator('html').evaluate((html) => [html.scrollWidth, html.clientWidth]);
  expect(widths[0], `the page scrolls sideways on ${where}`).toBeLessThanOrEqual(widths[1]!);
  const text = await page.locator('main').innerText();
  expect(text.match(RAW_TIME)?.[0], `a raw ISO time on ${where}`).toBeUndefined();
  expect(text.match(/\w+\(s\)/)?.[0], `a "(s)" count on ${where}`).toBeUndefined();
  expect(text.match(/(?<![\d.,:/-])\b1 [a-z-]+s\b/)?.[0], `one of a plural noun on ${where}`).toBeUndefined();
}

test('a new user walks the real fixture folder: every screen readable, the timeline drawn', async ({
  page,
  webApp,
}) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(webApp.url);
  await newCase(page, 'Real fixtures');

  await page.getByTestId('import-folder').setInputFiles(REAL_FIXTURES);
  // Each CSV of an unknown layout asks for its columns in turn: not now, for both.
  for (let asked = 0; asked < 2; asked++) {
    const dialog = page.getByRole('dialog', { name: /^Map the columns of / });
    await expect(dialog).toBeVisible({ timeout: 30_000 });
    const title = (await dialog.getByRole('heading', { level: 2 }).innerText()).trim();
    await dialog.getByRole('button', { name: 'Not now' }).click();
    await expect(dialog.filter({ hasText: title })).toHaveCount(0);
  }
  // One import per file of the folder, all ended.
  await expect(page.locator('.import-job')).toHaveCount(files, { timeout: 30_000 });
  await expect(page.locator('.import-job:not(.ended)')).toHaveCount(0, { timeout: 30_000 });
  await expectReadable(page, 'the Sources screen');
  // At 1280 px every column of the sources, their actions included, is in the window: the table does not scroll.
  const table = page.getByRole('table', { name: 'Imported sources' });
  const [tableWidth, boxWidth] = await table.evaluate((t) => [t.scrollWidth, t.parentElement!.clientWidth]);
  expect(tableWidth, 'the sources table, beside its box').toBeLessThanOrEqual(boxWidth!);
  // The folder's few hundred import rows scroll in their own box: the sources begin within two screens of the top.
  const tableTop = await table.evaluate(
    (t) => t.getBoundingClientRect().top + (globalThis as unknown as { scrollY: number }).scrollY,
  );
  expect(tableTop, 'where the sources table begins').toBeLessThan(2 * 800);
  await expectNoSeriousA11yViolations(page, 'the Sources screen after importing the folder');
  // Files that are not evidence (the folder's SOURCES.md, dbt_project.yml…) are skipped, said once.
  await expect(
    page
      .locator('.import-summary')
      .filter({ hasText: /^Skipped/ })
      .first(),
  ).toBeVisible();
  await expect(page.locator('.import-summary').filter({ hasText: /not evidence.*not evidence/ })).toHaveCount(0);
  await screenshot(page, 'real-walk-0-sources');

  // No decision log among the sources: Identify says so and leads back to them, instead of an empty search.
  await page.getByRole('button', { name: /^Investigate/ }).click();
  await expect(page.getByRole('heading', { name: 'Identify', exact: true })).toBeVisible();
  await expect(page.getByTestId('no-decisions')).toContainText('None of this case’s sources holds a decision');
  await expect(page.getByRole('searchbox')).toHaveCount(0);
  await expect(page.getByText('Select a decision in the list')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Mark step complete' })).toBeDisabled();
  await expect(page.getByText('Choose the decision to complete this step.')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'Identify without a decision log');
  await screenshot(page, 'real-walk-1-no-decisions');
  // Nor does the palette offer what cannot act yet: the graph's actions and exports, the report, the case file, undo.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  for (const query of ['export', 'graph', 'undo']) {
    await palette.getByRole('combobox').fill(query);
    await expect(
      palette.getByRole('option', { name: /lineage graph|the report|evidence bundle|case file…|overview|Undo/ }),
    ).toHaveCount(0);
  }
  await page.keyboard.press('Escape');
  await expect(palette).toHaveCount(0);
  await page.getByRole('button', { name: 'Open the sources of this case' }).click();
  await expect(page.getByRole('heading', { name: 'Sources of “Real fixtures”' })).toBeVisible();

  // The user maps one NannyML CSV as the decision log.
  const decisionLog = page.getByTestId('source-row').filter({ hasText: DECISIONS_CSV });
  const chooser = page.waitForEvent('filechooser');
  await decisionLog.getByRole('button', { name: /^Map columns/ }).click();
  await (await chooser).setFiles([realFixture('inference', 'nannyml', DECISIONS_CSV)]);
  const dialog = page.getByRole('dialog', { name: /^Map the columns of / });
  await dialog.getByLabel('Model name: a fixed value for every row').fill('california-housing');
  await dialog.getByLabel('UTC offset of times written without one').fill('Z');
  await dialog.getByRole('button', { name: 'Import with this mapping' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(decisionLog).toContainText(/decision \d/);

  await page.getByRole('button', { name: /^Investigate/ }).click();
  await expect(page.getByRole('heading', { name: 'Identify', exact: true })).toBeVisible();
  await page.getByRole('listbox').getByRole('option').first().click();
  const nav = page.getByRole('navigation', { name: 'Investigation steps' });
  for (const [i, step] of STEPS.entries()) {
    await nav.getByRole('tab', { name: new RegExp(step) }).click();
    await expect(page.getByRole('heading', { name: step, exact: true })).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    await expectReadable(page, `the ${step} step`);
    if (step === 'Trace') {
      // The decision's details: its evidence (a long path under fixtures/real) wraps inside the panel.
      const decisionNode = page.locator('.react-flow__node').filter({ hasText: 'california-housing' });
      await decisionNode.click();
      const details = page.getByRole('region', { name: /^Decision:/ });
      // The graph's pane narrows beside the details: the selected node stays wholly in sight.
      await expect(details).toBeVisible();
      const pane = page.getByRole('region', { name: 'Lineage graph' });
      await expect
        .poll(async () => {
          const [n, p] = [await decisionNode.boundingBox(), await pane.boundingBox()];
          return Boolean(n && p && n.x >= p.x && n.x + n.width <= p.x + p.width);
        }, 'the selected node within the graph pane')
        .toBe(true);
      await expect(details.locator('.evidence-list summary').first()).toContainText(DECISIONS_CSV.slice(0, 20));
      // The model that made the decision is named as the model, not as a version of the decision.
      await expect(details).not.toContainText(/version california-housing/i);
      await expect(details.locator('.evidence-list summary').first()).toContainText('— model california-housing');
      // One row names the model, under one label (not "Model" and "model").
      await expect(details.locator('dt').filter({ hasText: /^model$/i })).toHaveCount(1);
      const [inner, outer] = await details.evaluate((panel) => [panel.scrollWidth, panel.clientWidth]);
      expect(inner, 'the node details scroll sideways').toBeLessThanOrEqual(outer!);
      // Each gap of the lineage card reads as one sentence: no second one glued on after a colon.
      const gaps = await page.locator('.lineage-card-answers dd.gap').allInnerTexts();
      expect(gaps.length).toBeGreaterThan(0);
      for (const gap of gaps) expect(gap, 'a lineage-card gap').not.toMatch(/: [A-Z][a-z]/);
    }
    if (step === 'Changes') {
      // The look-back window ends at the decision, days after the onset: it is named so, not "to the onset".
      await expect(page.getByText('to the investigated decision', { exact: true })).toBeVisible();
      // The onset's time field gives an example in the case's own period: the estimated onset.
      const title = await page.getByText(/— onset at \d{4}-\d\d-\d\d/).innerText();
      const onsetDay = /onset at (\d{4}-\d\d-\d\d)/.exec(title)![1]!;
      await expect(page.getByLabel('or a time')).toHaveAttribute('placeholder', new RegExp(`^e\\.g\\. ${onsetDay}T`));
      // The outcome is named as one: its values are numbers here, and "Rate of 0 per day" read as a number.
      await expect(page.locator('figcaption').filter({ hasText: /^Rate of/ })).toHaveText(
        /^Rate of outcome “[^”]+” per /,
      );
      await expect(page.locator('dd').filter({ hasText: '→' }).first()).toContainText(/ \(outcome “[^”]+”\)$/);
      // The bin that is already the onset cannot be set again, and says so; another bin can.
      const setBin = page.getByRole('button', { name: 'Set onset to this bin' });
      await expect(setBin).toBeDisabled();
      await expect(page.getByText('This bin is already the onset.')).toBeVisible();
      const bin = page.getByLabel('Onset bin');
      await bin.selectOption((await bin.inputValue()) === '0' ? '1' : '0');
      await expect(setBin).toBeEnabled();
      await expect(page.getByText('This bin is already the onset.')).toHaveCount(0);
    }
    if (step === 'Scope') {
      // The NannyML log records neither subjects nor versions: the step says so rather than "no notification".
      await expect(page.getByTestId('notification-sentence')).toContainText('No affected decision names its subject');
      await expect(page.getByText('The decision log records no version of')).toBeVisible();
      // Nor does it count 0 distinct subjects: it says none is recorded.
      const subjects = page.locator('.stats > div').filter({ hasText: 'Distinct subjects affected' });
      await expect(subjects.locator('dd')).toContainText('no subject id');
    }
    await screenshot(page, `real-walk-${i + 2}-${step}`);
  }

  // The timeline is built in the worker after the view opens: its axis is drawn once it is there.
  await page.keyboard.press('Alt+t');
  const timeline = page.getByRole('region', { name: 'Evidence timeline' });
  const axis = timeline.getByRole('img', { name: /entries, one lane per kind/ });
  await expect(axis).toBeVisible();
  expect((await axis.boundingBox())?.height ?? 0).toBeGreaterThan(40);
  // Each entry's time is whole, its zone offset included.
  const firstTime = timeline.getByRole('listbox').getByRole('option').first().locator('span').first();
  await expect(firstTime).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d ([+-]\d\d:\d\d|UTC)$/);
  const [shown, needed] = await firstTime.evaluate((span) => [span.clientWidth, span.scrollWidth]);
  expect(needed, 'the width the time needs, beside its column').toBeLessThanOrEqual(shown!);
  // At 1280 px a row's columns fit the list, the last one shortened (its whole text in its tooltip).
  const list = timeline.getByRole('listbox');
  const [listNeeds, listHas] = await list.evaluate((l) => [l.scrollWidth, l.clientWidth]);
  expect(listNeeds, 'the width the timeline rows need, beside the list').toBeLessThanOrEqual(listHas!);
  const lastCell = list.getByRole('option').first().locator('> span').last();
  const [cellRight, listRight] = [await lastCell.boundingBox(), await list.boundingBox()];
  expect(cellRight!.x + cellRight!.width).toBeLessThanOrEqual(listRight!.x + listRight!.width);
  await expectReadable(page, 'the evidence timeline');
  await screenshot(page, 'real-walk-9-timeline');

  // The Lineage view on every lineage the folder holds: a dataset found by a letter of its name, then a field.
  await page.keyboard.press('Alt+l');
  const lineage = page.getByRole('region', { name: 'Lineage' });
  await lineage.getByLabel('Find a dataset, job or field').fill('a');
  const matches = lineage.getByRole('list', { name: 'Matches' }).getByRole('button');
  await matches
    .filter({ hasText: /^Dataset / })
    .first()
    .click();
  await expect(lineage.locator('.react-flow__node').first()).toBeVisible();
  await expectReadable(page, 'the Lineage view of a dataset');
  await expectNoSeriousA11yViolations(page, 'the Lineage view of a real dataset');
  await screenshot(page, 'real-walk-9b-lineage');
  await lineage.getByLabel('Find a dataset, job or field').fill('id');
  await matches
    .filter({ hasText: /^Field / })
    .first()
    .click();
  await expect(lineage.getByRole('list', { name: /^Fields of / }).first()).toBeVisible();
  // A field no column lineage names says so, rather than 'computed from 0 fields … their rows are marked'.
  await expect(lineage.getByText(/from 0 fields|Computed from 0 fields upstream; 0 fields/)).toHaveCount(0);
  await expectReadable(page, 'the Lineage view of a field');
  await screenshot(page, 'real-walk-9c-lineage-field');

  await page.keyboard.press('Control+k');
  await page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox').fill('lineage maturity');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Lineage maturity' })).toBeVisible();
  await expect(page.getByText(/^From \d/)).toBeVisible();
  // Time to root cause names the case by its title, not only by its generated id.
  const perCase = page.getByRole('table', { name: 'Per case' });
  await expect(perCase.getByRole('row').filter({ hasText: 'Real fixtures' })).toHaveCount(1);
  await expectReadable(page, 'Lineage maturity');
  await screenshot(page, 'real-walk-10-metrics');
  expect(errors).toEqual([]);
});
