/**
 * The evidence timeline's list in a 1280×800 window, beside the selected entry's details: a row shows its whole time
 * with the zone, and a job name long enough to tell the jobs apart (at least 14 characters of it, the whole name in
 * the cell's tooltip); what happened gives way first, and within the cell the job's namespace before its name. A
 * screenshot of the list.
 */
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';

// The e2e project is compiled without the DOM library (tsconfig.node.json): the little of it used in the page.
interface Box {
  readonly left: number;
  readonly right: number;
}
interface Node {
  readonly textContent: string | null;
  readonly parentElement: Cell | null;
}
interface Cell extends Node {
  readonly title: string;
  readonly scrollWidth: number;
  readonly clientWidth: number;
  getBoundingClientRect(): Box;
}
interface Row {
  readonly children: Iterable<Cell>;
}
interface Dom {
  readonly document: {
    createTreeWalker(root: Cell, show: number): { nextNode(): Node | null };
    createRange(): { setStart(node: Node, at: number): void; setEnd(node: Node, at: number): void } & {
      getBoundingClientRect(): Box;
    };
  };
}
const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT

/**
 * Each row's cells as a reader sees them: the whole text, its tooltip, whether it is cut, and how many of its
 * characters are shown (inside the cell and inside the element that holds them; an ellipsis covers the last).
 */
const rows = (page: Page) =>
  page.locator('[role="listbox"] .timeline-row').evaluateAll(
    (elements, show) =>
      elements.map((row) =>
        [...(row as unknown as Row).children].map((cell) => {
          const { document } = globalThis as unknown as Dom;
          const box = cell.getBoundingClientRect();
          let shown = 0;
          const walker = document.createTreeWalker(cell, show);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const holder = node.parentElement?.getBoundingClientRect() ?? box;
            const right = Math.min(box.right, holder.right) + 0.5;
            const left = Math.max(box.left, holder.left) - 0.5;
            for (let i = 0; i < (node.textContent ?? '').length; i++) {
              const range = document.createRange();
              range.setStart(node, i);
              range.setEnd(node, i + 1);
              const r = range.getBoundingClientRect();
              if (r.left >= left && r.right <= right) shown++;
            }
          }
          return {
            text: cell.textContent ?? '',
            title: cell.title,
            cut: cell.scrollWidth > cell.clientWidth + 1,
            shown,
          };
        }),
      ),
    SHOW_TEXT,
  );

test('at 1280×800 the timeline shows 14 characters of each job and 30 of what happened, whole in tooltips', async ({
  page,
  webApp,
}) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(webApp.url);
  await page.getByRole('button', { name: 'Open the sample investigation' }).click();
  await expect(page.getByRole('heading', { name: 'Identify', exact: true })).toBeVisible();
  await page.getByRole('group', { name: 'Time zone' }).getByRole('button', { name: 'UTC' }).click();
  await page.keyboard.press('Alt+t');
  const view = page.getByRole('region', { name: 'Evidence timeline' });
  await expect(view.getByRole('checkbox', { name: /Onset/ })).toBeVisible({ timeout: 60_000 });
  const list = view.getByRole('listbox', { name: 'Evidence timeline' });
  // The job with the longest name: the rows a job column must show enough of.
  const jobs = await view
    .getByRole('combobox', { name: 'Job' })
    .locator('option')
    .evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value).filter(Boolean));
  const longest = jobs.reduce((a, b) => (b.length > a.length ? b : a), '');
  expect(longest.length).toBeGreaterThan(14);
  await view.getByRole('combobox', { name: 'Job' }).selectOption(longest);
  await expect(list.getByRole('option').first()).toBeVisible();
  await list.getByRole('option').first().click();
  await expect(view.getByRole('complementary', { name: 'Selected entry' })).toBeVisible();

  const shown = await rows(page);
  const withJob = shown.filter((cells) => cells[4] && cells[4].text !== '—');
  expect(withJob.length).toBeGreaterThan(0);
  for (const cells of shown) {
    const [time, , what, , where] = cells;
    expect(time?.cut, `the time ${time?.text} is cut`).toBe(false);
    // What happened reads as a phrase, not a word: at least 30 characters of it (the details go under the list).
    if (what)
      expect(what.shown, `"${what.text}" shows ${what.shown} characters`).toBeGreaterThanOrEqual(
        Math.min(30, what.text.length),
      );
    if (!where || where.text === '—') continue;
    // 14 characters of the job readable, and one more under the ellipsis.
    expect(where.shown, `the job cell shows ${where.shown} characters of "${where.text}"`).toBeGreaterThanOrEqual(15);
    expect(where.title).toBe(where.text);
  }
  // The rows fit their list: nothing scrolls sideways.
  expect(await list.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(1);
  await screenshot(page, 'timeline-1280');
});
