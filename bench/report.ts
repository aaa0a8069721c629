/**
 * Reports and evidence bundles: the sample case's report (engine + case + HTML and Markdown, sealed; target
 * < 3 s after import), its PDF printed by headless Chromium (< 5 s: cold, Chromium started for the print, and
 * warm, the app's kept-alive Chromium), and the export and verification of a 500 MB
 * bundle (synthetic payload files in a temp folder; < 30 s). Medians. `npx tsx bench/report.ts` runs it alone.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { verifyBag } from '../electron/bundle/bagit-verify';
import { writeBag } from '../electron/bundle/bagit-write';
import { buildReport } from '../electron/bundle/build-report';
import { createChromiumPrinter } from '../electron/bundle/report-pdf';
import { createGitRunner } from '../electron/services/git-runner';
import { loadEvidence } from '../electron/sources/load-evidence';
import { report, summarize } from './stats';

const MB = 1024 * 1024;

/** Writes `count` files of `sizeMb` MB each (distinct bytes per file) into `dir`; returns their paths. */
async function syntheticPayload(dir: string, count: number, sizeMb: number): Promise<string[]> {
  const block = randomBytes(MB);
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const path = join(dir, `events-${i}.ndjson`);
    const file = Buffer.alloc(sizeMb * MB);
    for (let j = 0; j < sizeMb; j++) {
      block.copy(file, j * MB);
      file.writeUInt32LE(i * 100_000 + j, j * MB);
    }
    await writeFile(path, file);
    paths.push(path);
  }
  return paths;
}

/** Runs the three benchmarks; true when every median meets its target. */
export async function benchReport(runs = 5, bundleRuns = 3): Promise<boolean> {
  const work = await mkdtemp(join(tmpdir(), 'li-bench-report-'));
  try {
    const truth = JSON.parse(readFileSync('assets/sample/case.json', 'utf8')) as {
      decisionId: string;
      featureName: string;
    };
    const t0 = performance.now();
    const { set, sourceNames } = await loadEvidence(['assets/sample'], {
      git: createGitRunner(),
      cacheDir: join(work, 'repos'),
    });
    console.log(
      `      sample imported in ${((performance.now() - t0) / 1000).toFixed(2)} s (not part of the report's time)`,
    );
    const options = {
      decisionId: truth.decisionId,
      featureName: truth.featureName,
      sourceNames,
      generator: 'bench',
      timeZone: 'UTC' as const,
    };
    const times: number[] = [];
    let html = '';
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      const built = await buildReport(set, { ...options, now: new Date() });
      times.push(performance.now() - s);
      html = built.html.text;
    }
    const okReport = report('report of the sample case (engine, case, HTML + Markdown, sealed)', times, 3000);
    // Cold: what the CLI does (start Chromium, load and print, close), timed in its parts to show where time goes.
    const coldTimes: number[] = [];
    const parts = { start: [] as number[], print: [] as number[], close: [] as number[] };
    for (let i = 0; i < Math.min(runs, 3); i++) {
      const cold = createChromiumPrinter({ idleMs: 0 });
      const s = performance.now();
      await cold.warm();
      const started = performance.now();
      await cold.print(html);
      const printed = performance.now();
      await cold.close();
      const closed = performance.now();
      parts.start.push(started - s);
      parts.print.push(printed - started);
      parts.close.push(closed - printed);
      coldTimes.push(closed - s);
    }
    const okPdf = report('PDF of the sample report, cold (Chromium started and closed each time)', coldTimes, 5000);
    const median = (xs: number[]) => summarize(xs).median.toFixed(0);
    console.log(
      `      cold PDF parts (medians): Chromium start ${median(parts.start)} ms, load + print ${median(parts.print)} ms, close ${median(parts.close)} ms; report ${(html.length / 1024).toFixed(0)} KB`,
    );
    // Warm: the app keeps one Chromium and one page alive between prints (report:pdf in web mode).
    const printer = createChromiumPrinter();
    const warmTimes: number[] = [];
    try {
      await printer.print(html);
      for (let i = 0; i < Math.max(runs, 3); i++) {
        const s = performance.now();
        await printer.print(html);
        warmTimes.push(performance.now() - s);
      }
    } finally {
      await printer.close();
    }
    const okWarm = report('PDF of the sample report, warm (the app keeps Chromium alive)', warmTimes, 5000);
    const sources = await syntheticPayload(work, 5, 100);
    const bundleTimes: number[] = [];
    for (let i = 0; i < bundleRuns; i++) {
      const dir = join(work, `bag-${i}`);
      const s = performance.now();
      await writeBag(
        dir,
        [
          { path: 'report/report.html', content: html },
          ...sources.map((file, k) => ({ path: `sources/events-${k}.ndjson`, file })),
        ],
        { agent: 'bench' },
      );
      const verdict = await verifyBag(dir);
      bundleTimes.push(performance.now() - s);
      if (verdict.discrepancies.some((d) => !d.file.startsWith('data/case')))
        throw new Error(`bench bag failed: ${verdict.discrepancies[0]?.message}`);
      await rm(dir, { recursive: true, force: true });
    }
    const okBundle = report('export + verify of a 500 MB bundle', bundleTimes, 30_000);
    return okReport && okPdf && okWarm && okBundle;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = (await benchReport(
    Number(process.env.BENCH_RUNS ?? 5),
    Number(process.env.BENCH_BUNDLE_RUNS ?? 3),
  ))
    ? 0
    : 1;
}
