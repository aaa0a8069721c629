/**
 * Imports that do not complete, in the real app: the window's renderer process killed mid-import (Chromium's
 * `Page.crash`: the import worker dies with it) leaves no half-imported case — the next window names the import,
 * what it had read, and retries or discards it — and two tabs importing into one case at once: the second waits,
 * told who holds the lock, and goes on when the holder's tab is killed (its lock released with it).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, screenshot, test } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'li-interrupted-e2e-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A decision log of `count` decisions in the app's format (about 230 bytes a line). */
function decisionLog(name: string, count: number): string {
  const path = join(dir, name);
  const lines: string[] = [];
  for (let i = 0; i < count; i += 1)
    lines.push(
      JSON.stringify({
        decision_id: `d-${i}`,
        timestamp: new Date(Date.UTC(2026, 1, 1) + i * 1000).toISOString(),
        subject_id: `u-${i % 5000}`,
        model: { name: 'offer-eligibility', version: '3.1.0' },
        action: i % 7 === 0 ? 'offer_rejected' : 'offer_made',
        features: [{ name: 'eligibility_flag', value: i % 7 !== 0 }],
      }),
    );
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

async function newCase(page: Page, url: string, title: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'New investigation' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByRole('button', { name: 'Create investigation' }).click();
  await expect(page.getByRole('heading', { name: `Sources of “${title}”` })).toBeVisible();
}

/**
 * The most bytes any staging row of the app's database says its import has read: the progress saved for the next
 * start (every second or so), which lags the progress bar.
 */
async function savedProgress(page: Page): Promise<number> {
  return page.evaluate(async () => {
    // Minimal IndexedDB shapes: this spec is type-checked without the DOM library.
    interface Request<T> {
      result: T;
      error: unknown;
      onsuccess: (() => void) | null;
      onerror: (() => void) | null;
    }
    type Row = { status?: string; staged?: { bytes?: number } };
    type Db = {
      transaction(name: string): { objectStore(name: string): { getAll(): Request<Row[]> } };
      close(): void;
    };
    const idb = (globalThis as unknown as { indexedDB: { open(name: string): Request<Db> } }).indexedDB;
    const request = <T>(r: Request<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const db = await request(idb.open('lineage-investigator'));
    try {
      const rows = await request(db.transaction('sources').objectStore('sources').getAll());
      return Math.max(0, ...rows.filter((r) => r.status === 'staging').map((r) => r.staged?.bytes ?? 0));
    } finally {
      db.close();
    }
  });
}

/**
 * Waits until the import of `name` has read some of its file and saved that progress for the next start, then kills
 * the tab's renderer process.
 */
async function killMidImport(context: BrowserContext, page: Page, name: string): Promise<void> {
  const bar = page.getByRole('progressbar', { name: `Importing ${name}` });
  await expect
    .poll(async () => Number(await bar.getAttribute('value')) / Number(await bar.getAttribute('max')), {
      timeout: 60_000,
    })
    .toBeGreaterThan(0.05);
  await expect.poll(() => savedProgress(page), { timeout: 30_000 }).toBeGreaterThan(0);
  const crashed = page.waitForEvent('crash');
  const cdp = await context.newCDPSession(page);
  void cdp.send('Page.crash').catch(() => undefined); // answers only when the page is gone
  await crashed;
}

test('an import killed mid-way is named on the next start, counts for nothing, and is retried', async ({
  browser,
  webApp,
}) => {
  const big = decisionLog('decisions-big.jsonl', 300_000);
  const context = await browser.newContext();
  const first = await context.newPage();
  await newCase(first, webApp.url, 'Killed import');
  await first.getByTestId('import-files').setInputFiles([big]);
  await killMidImport(context, first, 'decisions-big.jsonl');

  const next = await context.newPage();
  await next.goto(webApp.origin);
  await next
    .getByTestId('case-row')
    .getByRole('button', { name: /Killed import/ })
    .first()
    .click();
  const alert = next.getByRole('alert').filter({ hasText: 'An import into this case did not complete' });
  await expect(alert).toContainText('nothing of it counts in the analysis');
  await expect(alert).toContainText(/decisions-big\.jsonl: Interrupted — .* MB of .* MB read/);
  await alert.getByRole('button', { name: 'Retry or discard on the Sources screen' }).click();
  const section = next.getByRole('region', { name: 'An import did not complete' });
  const row = section.getByRole('listitem');
  await expect(row).toContainText('decisions-big.jsonl');
  await expect(row).toContainText(/Interrupted — the app or its window ended mid-way \([\d.]+ MB of [\d.]+ MB read/);
  await expect(row).toContainText('None of it counts in the investigation.');
  await expect(next.getByText('No sources yet: import files to start.')).toBeVisible();
  await expectNoSeriousA11yViolations(next, 'the Sources screen with an interrupted import');
  await screenshot(next, 'import-interrupted');

  await row.getByLabel('Pick decisions-big.jsonl again to retry its import').setInputFiles([big]);
  await expect(next.locator('.import-summary').filter({ hasText: 'Imported 300,000 records' })).toBeVisible({
    timeout: 120_000,
  });
  await expect(section).toHaveCount(0);
  await expect(next.getByTestId('source-row')).toHaveCount(1);
  await context.close();
});

test('a second tab importing into the same case waits, told who holds the lock, and goes on when it dies', async ({
  browser,
  webApp,
}) => {
  const big = decisionLog('decisions-holder.jsonl', 500_000);
  const small = decisionLog('decisions-small.jsonl', 20);
  const context = await browser.newContext();
  const holder = await context.newPage();
  await newCase(holder, webApp.url, 'Two tabs');
  await holder.getByTestId('import-files').setInputFiles([big]);
  await expect(holder.getByRole('progressbar', { name: 'Importing decisions-holder.jsonl' })).toBeVisible({
    timeout: 60_000,
  });

  const second = await context.newPage();
  await second.goto(webApp.origin);
  await second
    .getByTestId('case-row')
    .getByRole('button', { name: /Two tabs/ })
    .first()
    .click();
  await second.getByRole('button', { name: 'Sources (0)' }).click();
  await second.getByTestId('import-files').setInputFiles([small]);
  await expect(second.locator('.import-job')).toContainText(
    /Waiting: another window or tab is importing decisions-holder\.jsonl into “Two tabs” since .*; this import starts when that one ends\./,
  );

  await killMidImport(context, holder, 'decisions-holder.jsonl');
  await expect(second.locator('.import-summary').filter({ hasText: 'Imported 20 records' })).toBeVisible({
    timeout: 60_000,
  });
  const interrupted = second.getByRole('region', { name: 'An import did not complete' });
  await expect(interrupted).toContainText('decisions-holder.jsonl');
  await interrupted.getByRole('button', { name: 'Discard the import of decisions-holder.jsonl' }).click();
  await expect(interrupted).toHaveCount(0);
  await expect(second.getByTestId('source-row')).toHaveCount(1);
  await context.close();
});
