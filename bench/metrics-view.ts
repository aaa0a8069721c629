/**
 * What the lineage-maturity dashboard costs on the large sample (seed 7: about 1M decisions, 100k lineage events,
 * 20k commits): the import is timed once, then — three times each, medians printed — the dashboard's computation
 * (the five metrics with drill-downs of up to 100,000 records, which runs in a worker) and the structured clone
 * of its result (what posting it to the UI thread copies; the UI thread pays the deserializing half of it).
 * `LARGE_SAMPLE_DIR` as for bench/investigate.ts. `npx tsx bench/metrics-view.ts` runs it alone.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serialize, deserialize } from 'node:v8';
import { createGitRunner } from '../electron/services/git-runner';
import { generateSample } from '../electron/sample/write-sample';
import { loadEvidence } from '../electron/sources/load-evidence';
import { computeMetrics } from '../shared/metrics/metrics';
import { VIEW_DRILL_DOWN_LIMIT } from '../renderer/metrics/metrics-view';
import { report } from './stats';

const DIR = process.env.LARGE_SAMPLE_DIR ?? join('node_modules', '.cache', 'lineage-bench', 'large-7');

/** Imports the large sample once, then times the dashboard's computation and its transfer; true when both meet their targets. */
export async function benchMetricsView(runs = 3): Promise<boolean> {
  if (!existsSync(join(DIR, 'case.json'))) {
    console.log(`      generating the large sample into ${DIR} (once; a few minutes)…`);
    await generateSample({ seed: 7, scale: 'large', outDir: DIR });
  }
  const t0 = performance.now();
  const { set } = await loadEvidence([DIR], { git: createGitRunner(), cacheDir: join(DIR, '..', 'repositories') });
  console.log(
    `      import: ${((performance.now() - t0) / 1000).toFixed(1)} s (${set.decisions.length.toLocaleString('en-US')} decisions)`,
  );
  const compute: number[] = [];
  const toUi: number[] = [];
  let summary = '';
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    const metrics = computeMetrics(set, [], { drillDownLimit: VIEW_DRILL_DOWN_LIMIT });
    compute.push(performance.now() - s);
    const bytes = serialize(metrics);
    const d = performance.now();
    deserialize(bytes);
    toUi.push(performance.now() - d);
    summary =
      metrics.map((m) => `${m.id} ${m.value ?? 'n/a'} (${m.drillDown.total} against)`).join('; ') +
      `; ${String(metrics[1]?.details.distinctInputs)} distinct inputs traced; view ${(bytes.length / 1e6).toFixed(1)} MB`;
  }
  console.log(`      ${summary}; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  const a = report(
    `metrics dashboard: the five metrics on the large sample, in the worker (median of ${runs})`,
    compute,
    15_000,
  );
  const b = report(`metrics dashboard: deserializing the view on the UI thread (median of ${runs})`, toUi, 100);
  return a && b;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = (await benchMetricsView()) ? 0 : 1;
}
