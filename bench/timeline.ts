/**
 * The evidence timeline on the large sample (seed 7: about 1M decisions, 100k lineage events, 20k commits): the
 * import and one engine run (the onset, the suspects, the recovery the timeline marks) are timed once, then — five
 * times each, medians printed beside their targets and the ratio to them — building the timeline of the whole
 * evidence, and what the view computes from it on each change of the filter (the kinds' counts, the filter, the
 * axis's marks at 1,200 px). Opening the timeline does both once; the issue gives it 1 s for 100k entries. The CPU
 * time of the build is printed too: on a shared machine the wall time also counts the other processes' turns.
 * `LARGE_SAMPLE_DIR` as for bench/investigate.ts. `npx tsx bench/timeline.ts` runs it alone.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGitRunner } from '../electron/services/git-runner';
import { generateSample } from '../electron/sample/write-sample';
import { loadEvidence } from '../electron/sources/load-evidence';
import { runEngine } from '../shared/analysis/engine';
import {
  buildTimeline,
  filterTimeline,
  TIMELINE_KINDS,
  timelineFacets,
  type Timeline,
} from '../shared/timeline/evidence-timeline';
import { timelineAxis } from '../renderer/timeline/timeline-axis';
import { summarize } from './stats';

const DIR = process.env.LARGE_SAMPLE_DIR ?? join('node_modules', '.cache', 'lineage-bench', 'large-7');
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
  if (!existsSync(join(DIR, 'case.json'))) {
    console.log(`      generating the large sample into ${DIR} (once; a few minutes)…`);
    await generateSample({ seed: 7, scale: 'large', outDir: DIR });
  }
  const c = JSON.parse(await readFile(join(DIR, 'case.json'), 'utf8')) as { decisionId: string; featureName: string };
  const t0 = performance.now();
  const { set } = await loadEvidence([DIR], { git: createGitRunner(), cacheDir: join(DIR, '..', 'repositories') });
  const decision = set.decisions.find((d) => d.decisionId === c.decisionId);
  if (!decision) throw new Error(`${DIR}/case.json names decision ${c.decisionId}, which the decision log lacks.`);
  const engine = runEngine(set, decision, c.featureName);
  console.log(`      import and one engine run: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const analysis = {
    decision,
    onset: engine.suspects.onset,
    suspects: engine.suspects.suspects,
    recovery: engine.scope.recovery,
  };

  const build: number[] = [];
  const buildCpu: number[] = [];
  const view: number[] = [];
  let timeline: Timeline | undefined;
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const s = performance.now();
    timeline = buildTimeline(set, analysis);
    build.push(performance.now() - s);
    const used = process.cpuUsage(cpu);
    buildCpu.push((used.user + used.system) / 1000);
    const v = performance.now();
    const counts = timelineFacets(timeline.entries).kinds;
    const shown = filterTimeline(timeline.entries, { kinds: new Set(TIMELINE_KINDS.filter((k) => k !== 'run')) });
    const axis = timelineAxis(shown, TIMELINE_KINDS, 1200);
    view.push(performance.now() - v);
    if (i === 0) {
      const marks = axis.lanes.reduce((n, l) => n + l.marks.length, 0);
      const kinds = [...counts].map(([k, n]) => `${k} ${n.toLocaleString('en-US')}`).join(', ');
      console.log(
        `      ${timeline.entries.length.toLocaleString('en-US')} entries (${kinds}); ` +
          `${timeline.undated.length.toLocaleString('en-US')} undated; runs hidden: ${shown.length.toLocaleString('en-US')} ` +
          `shown as ${marks.toLocaleString('en-US')} marks`,
      );
    }
  }
  console.log(
    `      building it: median CPU time ${summarize(buildCpu).median.toFixed(0)} ms; ` +
      `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
  const a = line(`evidence timeline: building it for the large sample (median of ${runs})`, build, BUILD_TARGET_MS);
  const b = line(
    `evidence timeline: counts, filter and axis marks of the view (median of ${runs})`,
    view,
    VIEW_TARGET_MS,
  );
  return a && b;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = (await benchTimeline()) ? 0 : 1;
}
