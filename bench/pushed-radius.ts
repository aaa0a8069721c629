/**
 * The blast radius, the change-point interval and the onset's series by run, counted where the log lives
 * (electron/warehouse/pushed-radius.ts), at scale: the sample's decisions as flat Parquet rows repeated `COPIES` times
 * (default 300: about a million rows; each copy's ids and subjects suffixed, times kept, so the sample's lineage places
 * every copy as it places the sample). The cause, trace and onset are the in-memory engine's on the sample itself.
 * Prints each step's median of 3 runs (DuckDB), the decisions counted (a copy's radius × COPIES) and the process's
 * peak resident memory. `npx tsx bench/pushed-radius.ts [COPIES]`; not run by the tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { FLAT_MAPPING, otherEvidence, truth, writeFlatFiles } from '../electron/warehouse/flat-sample.fixture';
import { loadSources } from '../electron/warehouse/load-sources';
import { pushedInterval } from '../electron/warehouse/pushed-interval';
import { pushedBlastRadius } from '../electron/warehouse/pushed-radius';
import { placedReads, versionSeries } from '../electron/warehouse/pushed-reads';
import { createGitRunner } from '../electron/services/git-runner';
import { runEngine } from '../shared/analysis/engine';

const COPIES = Number(process.argv[2] ?? 300);

async function median(f: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[1] as number;
}

const dir = mkdtempSync(join(tmpdir(), 'bench-pushed-radius-'));
try {
  const one = join(dir, 'sample.parquet');
  const many = join(dir, 'many.parquet');
  await writeFlatFiles(join(dir, 'sample.jsonl'), one);
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(
    `COPY (SELECT * REPLACE (CASE WHEN k = 0 THEN id ELSE id || '-' || k END AS id, customer || '-' || k AS customer) ` +
      `FROM read_parquet('${one}'), range(${COPIES}) AS r(k)) TO '${many}' (FORMAT parquet)`,
  );
  c.closeSync();
  db.closeSync();
  const options = { git: createGitRunner(), cacheDir: join(dir, 'cache'), mapping: FLAT_MAPPING };
  const whole = await loadSources([...otherEvidence(), one], truth.caseDecisionId, options);
  const decision = whole.set.decisions.find((d) => d.decisionId === truth.caseDecisionId);
  if (!decision) throw new Error('the case decision is not in the sample');
  const feature = truth.feature.name as string;
  const result = runEngine(whole.set, decision, feature);
  const cause = result.suspects.suspects[0];
  if (!cause) throw new Error('no suspect on the sample');
  const onset = result.suspects.onset;
  const lone = await loadSources([...otherEvidence(), many], truth.caseDecisionId, { ...options, pushDown: true });
  if (!lone.pushDown) throw new Error('not read in place');
  const own = lone.set.decisions[0]!;
  const reads = placedReads(lone.pushDown.source, lone.set, own, feature);
  let counted = 0;
  const radius = await median(async () => {
    const r = await pushedBlastRadius(reads, lone.set, own, feature, cause, result.trace, onset);
    counted = r.decisions;
  });
  const from = Date.parse(onset.onset) - 30 * 86_400_000;
  const interval = await median(() => pushedInterval(reads, lone.set, own, feature, from));
  const series = await median(() => versionSeries(reads, { until: own.timestamp }, onset.outcome, false));
  await lone.pushDown.close();
  const rows = COPIES * whole.set.decisions.length;
  console.log(
    `${rows.toLocaleString('en-US')} rows (${COPIES} copies of the sample), DuckDB over one Parquet file: ` +
      `blast radius ${(radius / 1000).toFixed(2)} s (${counted.toLocaleString('en-US')} decisions), ` +
      `change-point interval ${(interval / 1000).toFixed(2)} s, series by run ${(series / 1000).toFixed(2)} s; ` +
      `peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
