/**
 * Importing 100k OpenLineage events (NDJSON, from the large sample) in real Chromium through web mode: the
 * file picked on the Sources screen, parsed and stored by the import worker. Printed beside the floor measured
 * in the same page — JSON.parse of the same bytes plus the same chunked bulk write — and the longest
 * main-thread task during the import (PerformanceObserver 'longtask'). Medians of `runs` fresh browser contexts.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Page } from 'playwright-core';
import { startWebApp } from '../e2e/web-app';
import { summarize } from './stats';

const CACHE = join('node_modules', '.cache', 'lineage-bench');
const SAMPLE = join(CACHE, 'large-seed7');
const EVENTS = 100_000;
const TARGET_MS = 8000;
const TARGET_RATIO = 3;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];

/** The first 100k lines of the large sample's OpenLineage NDJSON (generating the sample once if missing). */
async function eventsFile(): Promise<string> {
  const out = join(CACHE, `openlineage-${EVENTS / 1000}k.ndjson`);
  if (existsSync(out)) return out;
  const source = join(SAMPLE, 'openlineage-events.ndjson');
  if (!existsSync(source)) {
    console.log(`Generating the large sample into ${SAMPLE} (about 40 s, once)…`);
    execFileSync('npx', ['tsx', 'electron/cli/main.ts', 'sample', '--seed', '7', '--scale', 'large', '--out', SAMPLE], {
      stdio: 'inherit',
    });
  }
  const writer = createWriteStream(out);
  let count = 0;
  for await (const line of createInterface({ input: createReadStream(source) })) {
    if (count === EVENTS) break;
    if (!writer.write(`${line}\n`)) await new Promise<void>((r) => writer.once('drain', () => r()));
    count += 1;
  }
  await new Promise<void>((r) => writer.end(() => r()));
  return out;
}

/**
 * In the page (plain JavaScript: this file is type-checked for Node): JSON.parse of the picked file's lines and
 * a bulk write of the rows as chunks of 1,000 (8 per transaction, as the import worker writes them).
 */
const FLOOR_SCRIPT = `(async () => {
  const file = document.getElementById('bench-floor').files[0];
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('bench-floor', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('chunks', { keyPath: ['sourceId', 'kind', 'seq'] });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const write = (chunks) =>
    new Promise((resolve, reject) => {
      const tx = db.transaction('chunks', 'readwrite');
      for (const chunk of chunks) tx.objectStore('chunks').put(chunk);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  const t0 = performance.now();
  const text = await file.text();
  let rows = [];
  const batch = [];
  let seq = 0;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\\n', start);
    if (end === -1) end = text.length;
    if (end > start) rows.push(JSON.parse(text.slice(start, end)));
    start = end + 1;
    if (rows.length === 1000) {
      batch.push({ sourceId: 'floor', kind: 'lineage-run', seq: seq++, rows });
      rows = [];
      if (batch.length === 8) await write(batch.splice(0));
    }
  }
  if (rows.length) batch.push({ sourceId: 'floor', kind: 'lineage-run', seq: seq++, rows });
  await write(batch);
  const elapsed = performance.now() - t0;
  db.close();
  return elapsed;
})()`;

const ADD_FLOOR_INPUT = `(() => {
  const input = document.createElement('input');
  input.type = 'file';
  input.id = 'bench-floor';
  input.hidden = true;
  document.body.append(input);
})()`;

/** Every long task's duration is kept in window.longest (the longest so far). */
const OBSERVE_LONG_TASKS = `(() => {
  window.longest = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.longest = Math.max(window.longest, entry.duration);
  }).observe({ type: 'longtask' });
})()`;

/** The floor: JSON.parse of the same bytes plus the chunked bulk write, in the same page. */
async function measureFloor(page: Page, path: string): Promise<number> {
  await page.evaluate(ADD_FLOOR_INPUT);
  await page.setInputFiles('#bench-floor', path);
  return (await page.evaluate(FLOOR_SCRIPT)) as number;
}

/** Imports the file through the Sources screen; returns the time to "Imported …" and the longest task. */
async function measureImport(page: Page, path: string): Promise<{ ms: number; longestTask: number }> {
  await page.getByRole('button', { name: 'Sources', exact: true }).click();
  await page.evaluate(OBSERVE_LONG_TASKS);
  const t0 = performance.now();
  await page.getByTestId('import-files').setInputFiles(path);
  await page
    .locator('.import-summary')
    .filter({ hasText: /^Imported/ })
    .waitFor({ timeout: 900_000 });
  const ms = performance.now() - t0;
  const longestTask = (await page.evaluate('window.longest')) as number;
  return { ms, longestTask };
}

/** Runs the benchmark `runs` times; prints medians; true when within the targets. */
export async function benchImportBrowser(runs: number): Promise<boolean> {
  const path = await eventsFile();
  const size = statSync(path).size;
  const app = await startWebApp();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const imports: number[] = [];
  const floors: number[] = [];
  const tasks: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      try {
        await page.goto(app.url);
        const result = await measureImport(page, path);
        imports.push(result.ms);
        tasks.push(result.longestTask);
        floors.push(await measureFloor(page, path));
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await app.stop();
  }
  const imp = summarize(imports).median;
  const floor = summarize(floors).median;
  const task = summarize(tasks).median;
  const ratio = imp / floor;
  const ok = imp < TARGET_MS && ratio <= TARGET_RATIO && task <= 200;
  console.log(
    `${ok ? 'PASS' : 'FAIL'}  import ${EVENTS.toLocaleString('en')} OpenLineage events (${(size / 1e6).toFixed(0)} MB NDJSON) ` +
      `in Chromium: median ${imp.toFixed(0)} ms (runs ${imports.map((x) => x.toFixed(0)).join(', ')}); ` +
      `floor (JSON.parse + chunked bulk write) median ${floor.toFixed(0)} ms; ratio ${ratio.toFixed(2)}×; ` +
      `longest main-thread task median ${task.toFixed(0)} ms (max ${Math.max(...tasks).toFixed(0)}); ` +
      `targets < ${TARGET_MS} ms, ≤ ${TARGET_RATIO}×, ≤ 200 ms, n=${runs}`,
  );
  return ok;
}
