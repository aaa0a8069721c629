/**
 * Accuracy on independently generated worlds (issue 11): writes worlds `seed … seed+count-1` with
 * generators/worlds, investigates each world's case as the CLI does, and prints per world the rank of the planted
 * cause, the scope against the generated blast radius, the governance verdict and the version at inference; then
 * the shares against the targets (first ≥ 95%, top three 100%, scope within 15% ≥ 95%, version 100%).
 * `npx tsx bench/world-accuracy.ts [--from N] [--count K] [--keep DIR]`; `BENCH_WORLDS=K` sets the count in
 * `npm run bench`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { evaluateWorld, worldFigures, worldLine, type WorldScore } from '../generators/worlds/evaluate';
import { writeWorld } from '../generators/worlds/write-world';
import { summarize } from './stats';

const percent = (n: number, of: number) => `${((n / Math.max(1, of)) * 100).toFixed(1)}%`;

/** Runs the worlds and prints them; resolves true when every target is met. */
export async function benchWorldAccuracy(from = 1, count = 200, keep?: string): Promise<boolean> {
  const root = keep ?? (await mkdtemp(join(tmpdir(), 'worlds-')));
  const cache = await mkdtemp(join(tmpdir(), 'worlds-cache-'));
  const scores: WorldScore[] = [];
  try {
    for (let seed = from; seed < from + count; seed++) {
      const dir = join(root, `world-${seed}`);
      const truth = await writeWorld(seed, dir);
      const score = await evaluateWorld(dir, truth, cache);
      scores.push(score);
      console.log(worldLine(score));
      if (!keep) await rm(dir, { recursive: true, force: true });
    }
  } finally {
    if (!keep) await rm(root, { recursive: true, force: true });
    await rm(cache, { recursive: true, force: true });
  }
  const f = worldFigures(scores);
  const byKind = new Map<string, WorldScore[]>();
  for (const s of scores) byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), s]);
  for (const [kind, list] of [...byKind].sort()) {
    const k = worldFigures(list);
    console.log(
      `  ${kind.padEnd(26)} ${String(k.worlds).padStart(3)} worlds: first ${k.first}, top-3 ${k.topThree}, ` +
        `scope ${k.scope}, governance ${k.governance}, version ${k.version}`,
    );
  }
  const ok =
    f.first >= 0.95 * f.worlds && f.topThree === f.worlds && f.scope >= 0.95 * f.worlds && f.version === f.worlds;
  const t = summarize(scores.map((s) => s.ms));
  console.log(
    `${ok ? 'PASS' : 'FAIL'}  ${f.worlds} generated worlds: cause first ${f.first} (${percent(f.first, f.worlds)}; ` +
      `target ≥ 95%), top three ${f.topThree} (${percent(f.topThree, f.worlds)}; target 100%), scope within 15% ` +
      `${f.scope} (${percent(f.scope, f.worlds)}; target ≥ 95%), governance right ${f.governance} ` +
      `(${percent(f.governance, f.worlds)}), version at inference ${f.version} (${percent(f.version, f.worlds)}; ` +
      `target 100%); median ${(t.median / 1000).toFixed(2)} s to investigate a world (max ${(t.max / 1000).toFixed(2)})`,
  );
  return ok;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: { from: { type: 'string' }, count: { type: 'string' }, keep: { type: 'string' } },
  });
  const ok = await benchWorldAccuracy(
    Number(values.from ?? 1),
    Number(values.count ?? process.env.BENCH_WORLDS ?? 200),
    values.keep,
  );
  process.exitCode = ok ? 0 : 1;
}
