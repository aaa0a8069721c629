/**
 * The import lock where the desktop app runs: pages and workers loaded from `file://`. Electron loads the app with
 * `loadFile`, and its import worker is a file:// script — as in Chromium with file access from files, where this
 * test runs the real import-lock.ts (bundled into a worker) in two windows of one file:// page. The lock is held
 * across the windows, the waiting one names who holds it, and it goes on when the holder's window is closed.
 * (Electron itself is not run here: its binary cannot be downloaded on the build machines.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { chromium, expect, test, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

const dir = mkdtempSync(join(tmpdir(), 'li-file-lock-e2e-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A worker that takes the import lock of database `db` for a file and reports what happens, by message. */
const WORKER = `
import { browserLocks, withImportLock } from './renderer/import/import-lock';
let release = () => undefined;
self.onmessage = async (event) => {
  if (event.data.type === 'release') return release();
  const holder = { token: crypto.randomUUID(), file: event.data.file, since: new Date().toISOString() };
  const locks = browserLocks();
  postMessage({ type: 'origin', origin: self.origin, locks: locks !== undefined });
  await withImportLock(locks, 'lineage-investigator', holder, async () => {
    postMessage({ type: 'holding', file: holder.file });
    await new Promise((resolve) => (release = resolve));
  }, { onWait: (other) => postMessage({ type: 'waiting', heldBy: other ? other.file : null }) })
    .catch((error) => postMessage({ type: 'refused', reason: String(error) }));
};
`;

/** The page of one window: its worker's messages kept in `window.said`. */
const PAGE = `<!doctype html><meta charset="utf-8"><title>import lock</title><script>
  window.said = [];
  window.worker = new Worker('lock-worker.js');
  window.worker.onmessage = (event) => window.said.push(event.data);
</script>`;

function writeApp(): string {
  const bundle = buildSync({
    stdin: { contents: WORKER, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    format: 'iife',
    write: false,
  });
  writeFileSync(join(dir, 'lock-worker.js'), bundle.outputFiles[0]?.text ?? '');
  writeFileSync(join(dir, 'index.html'), PAGE);
  return pathToFileURL(join(dir, 'index.html')).href;
}

const said = (page: Page) => page.evaluate(() => (globalThis as unknown as { said: unknown[] }).said);
const importFile = (page: Page, file: string) =>
  page.evaluate(
    (f) =>
      (globalThis as unknown as { worker: { postMessage(m: unknown): void } }).worker.postMessage({
        type: 'import',
        file: f,
      }),
    file,
  );

test('two file:// windows import one at a time; the second names the first and goes on when it is closed', async () => {
  const url = writeApp();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--allow-file-access-from-files'],
  });
  try {
    const context = await browser.newContext();
    const first = await context.newPage();
    await first.goto(url);
    await importFile(first, 'big-export.json');
    await expect
      .poll(() => said(first))
      .toEqual([
        { type: 'origin', origin: 'file://', locks: true },
        { type: 'holding', file: 'big-export.json' },
      ]);

    const second = await context.newPage();
    await second.goto(url);
    await importFile(second, 'decisions.jsonl');
    await expect
      .poll(() => said(second))
      .toEqual([
        { type: 'origin', origin: 'file://', locks: true },
        { type: 'waiting', heldBy: 'big-export.json' },
      ]);

    await first.close(); // the holder's window closed (or crashed): its lock goes with it
    await expect.poll(() => said(second)).toContainEqual({ type: 'holding', file: 'decisions.jsonl' });
    expect(await said(second)).not.toContainEqual(expect.objectContaining({ type: 'refused' }));
  } finally {
    await browser.close();
  }
});
