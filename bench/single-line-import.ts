/**
 * A 200 MB input that is one line — one JSON array of OpenLineage events, as an export written without newlines —
 * imported in real Chromium through web mode (the Sources screen, the import worker). It must show real progress
 * (the bar advances with the bytes read, never stalls for long) and stay within memory (the page's renderer process,
 * where the worker runs, never near the file's size as UTF-16). The events are Marquez's real seed events
 * (fixtures/real/openlineage/marquez_docker_metadata.json) repeated with a new run id per copy. Medians of `runs`
 * fresh browser contexts, beside the targets.
 *
 *   npx tsx bench/single-line-import.ts [runs]
 */
import {
  createWriteStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { startWebApp } from '../e2e/web-app';
import { copiesFor, seedEventsCopy } from '../fixtures/single-line-export';
import { summarize } from './stats';

const CACHE = join('node_modules', '.cache', 'lineage-bench');
const SIZE = 200 * 1000 * 1000;
const TARGETS = { ms: 60_000, stallMs: 2000, firstMs: 3000, peakMb: 1024 } as const;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];
const SAMPLE_MS = 100;

/** The 200 MB single-line document, written once into the cache. */
async function singleLineFile(): Promise<{ path: string; events: number }> {
  const { copies, eventsPerCopy } = copiesFor(SIZE);
  const path = join(CACHE, `openlineage-single-line-${copies}x.json`);
  if (existsSync(path)) return { path, events: copies * eventsPerCopy };
  const writer = createWriteStream(`${path}.part`);
  const write = (text: string) =>
    writer.write(text) ? undefined : new Promise<void>((r) => writer.once('drain', () => r()));
  await write('[');
  for (let copy = 0; copy < copies; copy++) {
    const text = seedEventsCopy(copy).join(',');
    await write(copy === 0 ? text : `,${text}`);
  }
  await write(']');
  await new Promise<void>((r) => writer.end(() => r()));
  renameSync(`${path}.part`, path);
  return { path, events: copies * eventsPerCopy };
}

interface Process {
  readonly pid: number;
  readonly parent: number;
  readonly cmdline: string;
}

/** The machine's processes (one that ends while it is read is left out). */
function processes(): Process[] {
  const list: Process[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      list.push({ pid, parent, cmdline: readFileSync(`/proc/${pid}/cmdline`, 'utf8') });
    } catch {
      // it ended
    }
  }
  return list;
}

/** The browser process started with `profile` as its user data folder. */
function browserPid(profile: string): number {
  const browser = processes().find((p) => p.cmdline.includes(profile) && !p.cmdline.includes('--type='));
  if (!browser) throw new Error(`no browser process runs with ${profile}`);
  return browser.pid;
}

/** The resident memory (MB) of the largest renderer process under `root` (the page's, where the worker runs). */
function largestRendererMb(root: number): number {
  const list = processes();
  const parents = new Map(list.map((p) => [p.pid, p.parent]));
  const under = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 20; p = parents.get(p) ?? 0, hops++) if (p === root) return true;
    return false;
  };
  const rss = (pid: number) => {
    try {
      return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    } catch {
      return 0; // it ended
    }
  };
  const renderers = list.filter((p) => p.cmdline.includes('--type=renderer') && under(p.pid));
  return Math.max(0, ...renderers.map((p) => rss(p.pid)));
}

interface Run {
  readonly ms: number;
  /** When the bar first moved, and the longest time it stood still before the import ended. */
  readonly firstMs: number;
  readonly stallMs: number;
  /** How many different positions the bar showed. */
  readonly steps: number;
  readonly peakMb: number;
}

/** Imports the file on the Sources screen, sampling the bar and the renderer's memory every SAMPLE_MS. */
async function measure(page: Page, path: string, browserPid: number): Promise<Run> {
  await page.getByRole('button', { name: 'Sources', exact: true }).click();
  const t0 = performance.now();
  await page.getByTestId('import-files').setInputFiles(path);
  const done = page.locator('.import-summary').filter({ hasText: /^Imported/ });
  let last = -1;
  let lastMove = t0;
  let firstMs = NaN;
  let stallMs = 0;
  let steps = 0;
  let peakMb = 0;
  while ((await done.count()) === 0) {
    const value = Number(
      (await page
        .locator('progress')
        .first()
        .getAttribute('value')
        .catch(() => null)) ?? -1,
    );
    const now = performance.now();
    if (value > last) {
      if (last >= 0 || value > 0) {
        if (Number.isNaN(firstMs) && value > 0) firstMs = now - t0;
        stallMs = Math.max(stallMs, now - lastMove);
        steps += 1;
      }
      last = value;
      lastMove = now;
    }
    peakMb = Math.max(peakMb, largestRendererMb(browserPid));
    if (now - t0 > 900_000) throw new Error('the import did not end in 15 min');
    await new Promise((r) => setTimeout(r, SAMPLE_MS));
  }
  return { ms: performance.now() - t0, firstMs, stallMs, steps, peakMb };
}

/** Runs the benchmark `runs` times; prints medians beside the targets; true when within them. */
export async function benchSingleLineImport(runs: number): Promise<boolean> {
  const { path, events } = await singleLineFile();
  const size = statSync(path).size;
  const app = await startWebApp();
  const results: Run[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      // A fresh profile per run (an empty store), in a folder whose name finds the browser's process.
      const profile = mkdtempSync(join(tmpdir(), 'li-bench-single-line-'));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: CHROMIUM_ARGS,
      });
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        await page.goto(app.url);
        results.push(await measure(page, path, browserPid(profile)));
        // every event of the document was imported, not some of them
        const all = page
          .locator('.import-summary')
          .filter({ hasText: `Imported ${events.toLocaleString('en')} records` });
        await all.waitFor({ timeout: 30_000 });
      } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    }
  } finally {
    await app.stop();
  }
  const median = (pick: (r: Run) => number) => summarize(results.map(pick)).median;
  const row = (name: string, value: number, target: number, unit: string) => {
    const ok = value <= target;
    console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${name}: median ${value.toFixed(0)} ${unit}; target ≤ ${target} ${unit}`);
    return ok;
  };
  console.log(
    `Import of one ${(size / 1e6).toFixed(0)} MB line (a JSON array of ${events.toLocaleString('en')} OpenLineage ` +
      `events) in Chromium, n=${runs} (runs ${results.map((r) => (r.ms / 1000).toFixed(1)).join(', ')} s; ` +
      `bar positions shown: ${results.map((r) => r.steps).join(', ')}):`,
  );
  const checks: ReadonlyArray<readonly [string, (r: Run) => number, number, string]> = [
    ['time to "Imported"', (r) => r.ms, TARGETS.ms, 'ms'],
    ['first progress shown after', (r) => r.firstMs, TARGETS.firstMs, 'ms'],
    ['longest stall of the progress bar', (r) => r.stallMs, TARGETS.stallMs, 'ms'],
    ["peak resident memory of the page's renderer", (r) => r.peakMb, TARGETS.peakMb, 'MB'],
  ];
  return checks.map(([name, pick, target, unit]) => row(name, median(pick), target, unit)).every(Boolean);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = (await benchSingleLineImport(Number(process.argv[2] ?? 3))) ? 0 : 1;
}
