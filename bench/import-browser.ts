/**
 * Importing 100k OpenLineage events (NDJSON, from the large sample) in real Chromium through web mode: the
 * file picked on the Sources screen, parsed and stored by the import worker. Printed beside the floor measured
 * in the same page — JSON.parse of the same bytes plus the same chunked bulk write — and the longest
 * main-thread task during the import (PerformanceObserver 'longtask'), the throughput of both, and where the import
 * worker's time went by phase (its `lineage-import-timings` performance mark: read, decode, importer, clone, waiting
 * for IndexedDB, waiting for the hash worker, commit). Medians of `runs` fresh browser contexts.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
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
 * a bulk write of the rows as chunks of 1,000 (2 per transaction, as the import worker writes them: run-import.ts).
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
      if (batch.length === 2) await write(batch.splice(0));
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

/** The import worker's split of the last import by phase (ms), from its performance mark (run-import.ts). */
async function importPhases(page: Page): Promise<Record<string, number> | undefined> {
  for (const worker of page.workers()) {
    if (!worker.url().includes('import-worker')) continue;
    const details = (await worker.evaluate(
      `performance.getEntriesByName('lineage-import-timings').map((e) => e.detail)`,
    )) as Array<Record<string, unknown>>;
    const last = details.at(-1);
    if (!last) return undefined;
    if (last.hashedIn !== 'worker')
      console.log(`  the file was hashed in: ${String(last.hashedIn ?? 'a pass before parsing')}`);
    return Object.fromEntries(Object.entries(last).filter((e): e is [string, number] => typeof e[1] === 'number'));
  }
  return undefined;
}

/** The file's SHA-256 (node:crypto), to check the imported source is named by it. */
async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Imports the file through the Sources screen; returns the time to "Imported …" and the longest task. */
async function measureImport(
  page: Page,
  path: string,
): Promise<{ ms: number; longestTask: number; phases: Record<string, number> | undefined }> {
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
  return { ms, longestTask, phases: await importPhases(page) };
}

/** Runs the benchmark `runs` times; prints medians; true when within the targets. */
export async function benchImportBrowser(runs: number): Promise<boolean> {
  const path = await eventsFile();
  const size = statSync(path).size;
  const sha256 = await sha256Of(path);
  const app = await startWebApp();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const imports: number[] = [];
  const floors: number[] = [];
  const tasks: number[] = [];
  const phases: Array<Record<string, number>> = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      try {
        await page.goto(app.url);
        const result = await measureImport(page, path);
        // The source is listed under the file's real SHA-256 (hashed alongside the parse, not skipped).
        await page.locator(`[title="${sha256}"]`).first().waitFor({ timeout: 30_000 });
        imports.push(result.ms);
        tasks.push(result.longestTask);
        if (result.phases) phases.push(result.phases);
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
  const mbps = (ms: number) => (size / 1e6 / (ms / 1000)).toFixed(1);
  console.log(`  throughput: import ${mbps(imp)} MB/s, floor ${mbps(floor)} MB/s`);
  if (phases.length > 0) {
    const names = [...new Set(phases.flatMap((p) => Object.keys(p)))];
    const split = names.map((n) => `${n} ${summarize(phases.map((p) => p[n] ?? 0)).median.toFixed(0)}`);
    console.log(
      `  import worker, median ms per phase (wall time in the worker, import-timings.ts): ${split.join(', ')}`,
    );
  }
  return ok;
}
