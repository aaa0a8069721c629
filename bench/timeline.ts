/**
 * The evidence timeline on the large sample (bench/large-sample.ts): the import and one engine run (the onset, the
 * suspects, the recovery the timeline marks) once, then five times each, medians printed beside their targets with
 * the ratio to them: building the timeline of the whole evidence (196k entries; the issue gives opening a timeline of
 * 100k entries 1 s), and a change of the view's filter (filter and the axis's marks at 1,200 px). The CPU times are
 * printed too, and the kinds' counts the view makes once on opening. `npx tsx bench/timeline.ts` runs it alone.
 */
import { pathToFileURL } from 'node:url';
import { runEngine } from '../shared/analysis/engine';
import { buildTimeline, filterTimeline, TIMELINE_KINDS, timelineFacets } from '../shared/timeline/evidence-timeline';
import { timelineAxis } from '../renderer/timeline/timeline-axis';
import { loadLargeSample } from './large-sample';
import { summarize } from './stats';

/** The 1 s to open a timeline of 100k entries, for the large sample's 196k. */
const BUILD_TARGET_MS = 1000;
const VIEW_TARGET_MS = 100;

/** One benchmark line: the median and its range, the target, and the median as a share of the target. */
function line(name: string, samples: ReadonlyArray<number>, targetMs: number): boolean {
  const s = summarize(samples);
  const ok = s.median <= targetMs;
  console.log(
    `${ok ? 'PASS' : 'FAIL'}  ${name}: median ${s.median.toFixed(0)} ms (min ${s.min.toFixed(0)}, max ${s.max.toFixed(0)}, ` +
      `n=${s.n}); target < ${targetMs} ms; ratio ${(s.median / targetMs).toFixed(2)}× the target`,
  );
  return ok;
}

/** Imports the large sample once, then builds and views its timeline `runs` times; true when both meet their targets. */
export async function benchTimeline(runs = 5): Promise<boolean> {
  const t0 = performance.now();
  const { set, decision, featureName } = await loadLargeSample();
  const engine = runEngine(set, decision, featureName);
  console.log(`      import and one engine run: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const analysis = {
    decision,
    onset: engine.suspects.onset,
    suspects: engine.suspects.suspects,
    recovery: engine.scope.recovery,
  };

  // Wall and CPU time of each piece: on a shared machine the wall time also counts the other processes' turns.
  const wall = { build: [] as number[], counts: [] as number[], filter: [] as number[] };
  const cpu = { build: [] as number[], counts: [] as number[], filter: [] as number[] };
  const timed = <T>(piece: keyof typeof wall, run: () => T): T => {
    const c = process.cpuUsage();
    const s = performance.now();
    const out = run();
    wall[piece].push(performance.now() - s);
    const used = process.cpuUsage(c);
    cpu[piece].push((used.user + used.system) / 1000);
    return out;
  };
  for (let i = 0; i < runs; i++) {
    const built = timed('build', () => buildTimeline(set, analysis));
    const counts = timed('counts', () => timelineFacets(built.entries).kinds);
    // A filter change: every kind but the runs, then the axis's marks at 1,200 px.
    const shown = timed('filter', () => {
      const kept = filterTimeline(built.entries, { kinds: new Set(TIMELINE_KINDS.filter((k) => k !== 'run')) });
      return { kept, axis: timelineAxis(kept, TIMELINE_KINDS, 1200) };
    });
    if (i === 0) {
      const marks = shown.axis.lanes.reduce((n, l) => n + l.marks.length, 0);
      const kinds = [...counts].map(([k, n]) => `${k} ${n.toLocaleString('en-US')}`).join(', ');
      console.log(
        `      ${built.entries.length.toLocaleString('en-US')} entries (${kinds}); ` +
          `${built.undated.length.toLocaleString('en-US')} undated; runs hidden: ${shown.kept.length.toLocaleString('en-US')} ` +
          `shown as ${marks.toLocaleString('en-US')} marks`,
      );
    }
  }
  const med = (xs: number[]) => summarize(xs).median.toFixed(0);
  console.log(
    `      median CPU time: build ${med(cpu.build)} ms, kinds counted ${med(cpu.counts)} ms (wall ${med(wall.counts)} ms), ` +
      `filter change ${med(cpu.filter)} ms; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
  const a = line(
    `evidence timeline: building it for the large sample (median of ${runs})`,
    wall.build,
    BUILD_TARGET_MS,
  );
  const b = line(
    `evidence timeline: a filter change — filter and axis marks (median of ${runs})`,
    wall.filter,
    VIEW_TARGET_MS,
  );
  return a && b;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = (await benchTimeline()) ? 0 : 1;
}
