/**
 * `investigate` on the large sample (seed 7: about 1M decisions, 100k lineage events, 20k commits): the import is
 * timed once, then the engine (trace, onset, scope, suspects, governance, remediation) three times on the loaded
 * evidence; prints the warm median (runs after the first) against the 2 s target. The sample is generated once into a cache folder
 * (`LARGE_SAMPLE_DIR`, default node_modules/.cache/lineage-bench/large-7; about 1 GB, a few minutes).
 * `npx tsx bench/investigate.ts` runs it alone.
 */
import { pathToFileURL } from 'node:url';
import { runEngine } from '../shared/analysis/engine';
import { loadLargeSample } from './large-sample';
import { report } from './stats';

/** Imports the large sample once and runs the engine `runs` times; returns whether the warm median met 2 s. */
export async function benchInvestigate(runs = 3): Promise<boolean> {
  const { set, decision, featureName, importMs } = await loadLargeSample();
  console.log(
    `      import: ${(importMs / 1000).toFixed(1)} s (${set.decisions.length.toLocaleString('en-US')} decisions, ` +
      `${set.runs.length.toLocaleString('en-US')} lineage events, ${set.commits.length.toLocaleString('en-US')} commits)`,
  );
  const times: number[] = [];
  let top = '';
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    const result = runEngine(set, decision, featureName);
    times.push(performance.now() - s);
    top = `${result.suspects.suspects[0]?.id ?? 'none'} of ${result.suspects.suspects.length} suspects`;
  }
  console.log(
    `      first run (builds the lineage model and commit graph): ${(times[0]! / 1000).toFixed(1)} s; ` +
      `top suspect ${top}; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
  // Warm: the runs after the first, which builds the lineage model and the commit graph once per evidence set.
  const warm = times.length > 1 ? times.slice(1) : times;
  return report(
    `investigate on the large sample, warm (after import and a first run; median of ${warm.length})`,
    warm,
    2000,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = (await benchInvestigate()) ? 0 : 1;
}
