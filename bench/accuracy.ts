/**
 * The accuracy suite (issue 5): every scenario kind of the sample generator at several seeds, small scale, the
 * engine run headless on each as the CLI runs it; prints the rank of the planted cause and the top suspect per
 * scenario, then the share ranked first (target ≥ 90%) and in the top three (target 100%), and the median time
 * per scenario (generation + import + scope, trace, changes). `npx tsx bench/accuracy.ts` runs it alone;
 * `BENCH_ACCURACY_SEEDS=1,2,3` picks the seeds.
 */
import { pathToFileURL } from 'node:url';
import {
  accuracyFigures,
  accuracyTable,
  runScenario,
  scenarioCases,
  type AccuracyRow,
} from '../electron/sample/accuracy';
import { summarize } from './stats';

const DEFAULT_SEEDS = [7, 11, 23];

const percent = (x: number) => `${(x * 100).toFixed(0)}%`;

/** Runs the suite and prints it; resolves true when both targets are met. */
export async function benchAccuracy(seeds: ReadonlyArray<number> = DEFAULT_SEEDS): Promise<boolean> {
  const rows: AccuracyRow[] = [];
  const times: number[] = [];
  for (const c of scenarioCases(seeds)) {
    const started = performance.now();
    rows.push(await runScenario(c));
    times.push(performance.now() - started);
  }
  for (const line of accuracyTable(rows)) console.log(line);
  const f = accuracyFigures(rows);
  const ok = f.shareFirst >= 0.9 && f.shareTopThree === 1;
  const t = summarize(times);
  console.log(
    `${ok ? 'PASS' : 'FAIL'}  accuracy over ${f.scenarios} scenarios: planted cause first in ${f.first} ` +
      `(${percent(f.shareFirst)}; target ≥ 90%), in the top three in ${f.topThree} (${percent(f.shareTopThree)}; ` +
      `target 100%); median ${(t.median / 1000).toFixed(1)} s a scenario (min ${(t.min / 1000).toFixed(1)}, ` +
      `max ${(t.max / 1000).toFixed(1)})`,
  );
  return ok;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const seeds = process.env.BENCH_ACCURACY_SEEDS?.split(',').map(Number);
  process.exitCode = (await benchAccuracy(seeds)) ? 0 : 1;
}
