/**
 * Imported names that try to mislead the eye — a right-to-left override that makes `fdp.exe` read `exe.pdf`, a
 * zero-width space that makes two ids look the same, bidi marks, a Cyrillic letter in a Latin model name — through
 * the Sources screen, Identify, a decision's inputs and the Trace graph: no bidirectional control or invisible
 * character reaches the page's text or its tooltips and labels (each is shown as `[U+XXXX]`), the look-alike model
 * stays a model of its own, and nothing else in the page changes order.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { realFixture } from '../fixtures/real-fixtures';
import { expect, test } from './fixtures';

const RLO = '\u202E';
const ZWSP = '\u200B';
const RLM = '\u200F';
const LRI = '\u2066';
const PDI = '\u2069';
/** Every character the app must never pass to the page as it is. */
const HIDDEN = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B\u2060-\u2064\uFEFF\u00AD\u180E]/;

const dir = mkdtempSync(join(tmpdir(), 'li-hostile-e2e-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A real dbt OpenLineage run's events, its first job renamed with an override. */
function hostileLineage(): { path: string; job: string } {
  const events = JSON.parse(readFileSync(realFixture('openlineage/ol_dbt_postgres_run_events.json'), 'utf8')) as Array<{
    job: { name: string };
  }>;
  const original = events[0]?.job.name ?? '';
  const job = `invoice_${RLO}fdp.exe`;
  for (const event of events) if (event.job.name === original) event.job.name = job;
  const path = join(dir, `lineage_${RLO}nosj.json`);
  writeFileSync(path, JSON.stringify(events));
  return { path, job };
}

/** Decisions whose subject, model, feature and dataset names carry the characters above. */
function hostileDecisions(): string {
  const decision = (i: number, model: string) =>
    JSON.stringify({
      decision_id: `d-${i}${ZWSP}`,
      timestamp: `2026-02-1${i}T09:00:00Z`,
      subject_id: `u-${RLM}${i}`,
      model: { name: model, version: `3.${LRI}1${PDI}.0` },
      action: `offer_${RLO}detcejer`,
      features: [
        {
          name: `eligibility${ZWSP}_flag`,
          value: `yes${RLO}on`,
          dataset: { namespace: 'postgres://db', name: `public.${RLO}sremotsuc` },
          field: `flag${RLO}`,
        },
      ],
    });
  const path = join(dir, 'decisions.jsonl');
  // the second model's name has a Cyrillic 'е' (U+0435) for the Latin 'e': a look-alike, not the same model
  writeFileSync(path, [decision(1, 'offer-eligibility'), decision(2, 'offer-\u0435ligibility')].join('\n') + '\n');
  return path;
}

/** The text of the page and of every tooltip and accessible label in it (run in the page: plain JavaScript). */
const SHOWN_TEXT = `[
  document.body.innerText,
  ...[...document.querySelectorAll('[title], [aria-label], [alt]')].flatMap((el) =>
    ['title', 'aria-label', 'alt'].map((a) => el.getAttribute(a) ?? ''),
  ),
].join('\\n')`;

async function shownText(page: Page): Promise<string> {
  return (await page.evaluate(SHOWN_TEXT)) as string;
}

async function expectNothingHidden(page: Page, where: string): Promise<void> {
  const text = await shownText(page);
  const found = HIDDEN.exec(text);
  const around = found ? JSON.stringify(text.slice(Math.max(0, found.index - 40), found.index + 40)) : '';
  expect(found, `a hidden or re-ordering character shown raw on ${where}: ${around}`).toBeNull();
}

test('hostile names are shown escaped on every screen they reach, look-alikes kept apart', async ({ page, webApp }) => {
  const lineage = hostileLineage();
  await page.goto(webApp.url);
  await page.getByRole('button', { name: 'New investigation' }).click();
  await page.getByLabel('Title').fill(`Hostile ${RLO}seman`);
  await page.getByRole('button', { name: 'Create investigation' }).click();
  await page.getByTestId('import-files').setInputFiles([lineage.path, hostileDecisions()]);
  await expect(page.locator('.import-summary').filter({ hasText: /^Imported/ })).toHaveCount(2);
  await expect(page.getByTestId('source-row').filter({ hasText: 'lineage_[U+202E]nosj.json' })).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'Sources of “Hostile [U+202E]seman”' })).toBeVisible();
  await expectNothingHidden(page, 'the Sources screen');

  await page.getByRole('button', { name: 'Investigate: choose the decision →' }).click();
  await expect(page.getByText('2 of 2 decisions')).toBeVisible();
  await expectNothingHidden(page, 'Identify');
  // the look-alike model reads differently from the real one: its Cyrillic letter is named
  const rows = page.getByRole('option');
  await expect(rows.filter({ hasText: 'd-1[U+200B]' })).toContainText('offer-eligibility@3.[U+2066]1[U+2069].0');
  await expect(rows.filter({ hasText: 'd-2[U+200B]' })).toContainText('offer-[U+0435]ligibility@3.[U+2066]1[U+2069].0');
  await expect(rows.filter({ hasText: 'd-2[U+200B]' })).toContainText('u-[U+200F]2');
  await page.getByText('d-2[U+200B]').first().click();
  await expect(page.getByText('eligibility[U+200B]_flag').first()).toBeVisible();
  await expectNothingHidden(page, "a decision's inputs");

  const nav = page.getByRole('navigation', { name: 'Investigation steps' });
  await nav
    .getByRole('tab', { name: /Trace/ })
    .or(nav.getByRole('link', { name: /Trace/ }))
    .first()
    .click();
  await expect(page.getByRole('heading', { name: 'Trace', exact: true })).toBeVisible();
  await expect(page.getByText('postgres://db:public.[U+202E]sremotsuc').first()).toBeVisible();
  await expectNothingHidden(page, 'Trace');

  // every record of the case on the evidence timeline: the renamed job's runs among them
  await page.keyboard.press('Alt+T');
  const timelineList = page.getByRole('listbox', { name: 'Evidence timeline' });
  await expect(timelineList.getByText(lineage.job.replace('\u202E', '[U+202E]')).first()).toBeVisible();
  await expectNothingHidden(page, 'the evidence timeline');
});
