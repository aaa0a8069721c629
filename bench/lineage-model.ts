/**
 * The temporal lineage model's build (shared/lineage/lineage-model.ts) and its per-dataset decision index, which
 * is built on first use: medians of `runs` builds of the synthetic warehouse of bench/trace.ts (96k runs, 1M
 * decisions), and — with `BENCH_LINEAGE_SAMPLE=<folder>`, e.g. the large sample — of a sample's OpenLineage events,
 * decisions and audit log read through the CLI's loader (minutes to read). Each build starts from a fresh copy of
 * the run list, so the model's cache does not answer. Times are CPU time (user + system), not wall time, which
 * means little on a shared machine. `npx tsx bench/lineage-model.ts` runs it alone.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGitRunner } from '../electron/services/git-runner';
import { loadEvidence } from '../electron/sources/load-evidence';
import { lineageModel } from '../shared/lineage/lineage-model';
import type { EvidenceSet } from '../shared/model/evidence-set';
import { summarize } from './stats';
import { syntheticWarehouse } from './trace';

const CACHE = join('node_modules', '.cache', 'lineage-bench');

/** CPU milliseconds (user + system) this process spent in `f`. */
function cpuMs(f: () => void): number {
  const before = process.cpuUsage();
  f();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const line = (name: string, samples: ReadonlyArray<number>) => {
  const s = summarize(samples);
  console.log(
    `      ${name}: median ${s.median.toFixed(0)} ms CPU (min ${s.min.toFixed(0)}, max ${s.max.toFixed(0)}, n=${s.n})`,
  );
};

/** Times `runs` builds of the model and, for each, the first question about decisions (the index's build). */
function measure(label: string, set: EvidenceSet, runs: number): void {
  const builds: number[] = [];
  const firstUse: number[] = [];
  let datasets = 0;
  for (let i = 0; i < runs; i++) {
    let model: ReturnType<typeof lineageModel> | undefined;
    builds.push(cpuMs(() => (model = lineageModel({ ...set, runs: [...set.runs] }))));
    firstUse.push(
      cpuMs(() => {
        datasets = model!.datasetIds.length;
        for (const id of model!.datasetIds) model!.decisionReadsOf(id);
      }),
    );
  }
  console.log(
    `lineage model (${label}): ${set.runs.length.toLocaleString('en-US')} run events, ` +
      `${set.decisions.length.toLocaleString('en-US')} decisions, ${datasets.toLocaleString('en-US')} datasets`,
  );
  line('build', builds);
  line('decision index on first use (every dataset asked)', firstUse);
}

/** Prints the build's medians on the synthetic warehouse, and on a sample folder when `BENCH_LINEAGE_SAMPLE` names one. */
export async function benchLineageModel(runs = 3): Promise<void> {
  measure('synthetic warehouse', syntheticWarehouse().set, runs);
  const folder = process.env.BENCH_LINEAGE_SAMPLE;
  if (!folder) return;
  const files = ['openlineage-events.ndjson', 'decisions.jsonl', 'audit-log.jsonl'].map((f) => join(folder, f));
  const t0 = performance.now();
  const { set } = await loadEvidence(files, { git: createGitRunner(), cacheDir: join(CACHE, 'repositories') });
  console.log(`      read ${folder} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  measure(folder, set, runs);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchLineageModel(Number(process.env.BENCH_RUNS ?? 3));
}
