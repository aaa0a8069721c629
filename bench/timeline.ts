/**
 * The evidence timeline on the large sample (bench/large-sample.ts): the import and one engine run (the onset, the
 * suspects, the recovery the timeline marks) once, then five times each, medians printed beside their targets with
 * the ratio to them. Measured as the app does it (timeline-viewer.ts): the timeline stays in the engine's worker and
 * the window receives only what it shows. Opening it is what the user waits for before the first rows can be drawn:
 * the worker building and indexing the timeline, its summary (the chips' counts) and the first view (every entry
 * kept: the axis's marks at 1,200 px and the first 120 rows, as many as the list asks for) posted on a MessageChannel
 * and received by the window (receiveMessageOnPort: the same structured clone) — against the 1 s to open a
 * timeline of 100k entries (the large sample has 196k); the window's own share is printed apart. A filter change and
 * a scroll are the query posted to the worker, its answer (the filter, the axis, the rows) and the window receiving
 * it, against 100 ms. React's drawing of the ~30 rows in view is not counted. Wall and CPU times are both printed,
 * with the load average: on a shared machine the wall time counts the other processes' turns.
 * `npx tsx bench/timeline.ts` runs it alone.
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { MessageChannel, type MessagePort, receiveMessageOnPort } from 'node:worker_threads';
import { runEngine } from '../shared/analysis/engine';
import { TIMELINE_KINDS } from '../shared/timeline/evidence-timeline';
import { buildIndexedTimeline } from '../shared/timeline/timeline-index';
import { summarizeTimeline, type TimelineQuery, timelineViewer } from '../renderer/timeline/timeline-viewer';
import { loadLargeSample } from './large-sample';
import { summarize } from './stats';

/** The 1 s to open a timeline of 100k entries, for the large sample's 196k. */
const OPEN_TARGET_MS = 1000;
const VIEW_TARGET_MS = 100;
const AXIS_PX = 1200;
/** The rows the list asks for: those in view and 40 each side. */
const ROWS = 120;

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

/** Imports the large sample once, then opens and filters its timeline `runs` times; true when both meet their targets. */
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

  const pieces = ['worker', 'receive', 'open', 'window', 'filter', 'scroll'] as const;
  type Piece = (typeof pieces)[number];
  const wall = Object.fromEntries(pieces.map((p) => [p, [] as number[]])) as Record<Piece, number[]>;
  const cpu = Object.fromEntries(pieces.map((p) => [p, [] as number[]])) as Record<Piece, number[]>;
  const timed = <T>(piece: Piece, run: () => T): T => {
    const c = process.cpuUsage();
    const s = performance.now();
    const out = run();
    wall[piece].push(performance.now() - s);
    const used = process.cpuUsage(c);
    cpu[piece].push((used.user + used.system) / 1000);
    return out;
  };
  const sumOf = (into: Piece, parts: ReadonlyArray<Piece>) => {
    for (const times of [wall, cpu]) times[into].push(parts.reduce((n, p) => n + times[p].at(-1)!, 0));
  };
  const received = <T>(port: MessagePort) => receiveMessageOnPort(port)!.message as T;
  for (let i = 0; i < runs; i++) {
    const { port1: worker, port2: window } = new MessageChannel();
    const first: TimelineQuery = { filter: {}, width: AXIS_PX, start: 0, count: ROWS };
    // In the engine's worker: build, index and keep it; post its summary and the first view.
    const view = timed('worker', () => {
      const timeline = buildIndexedTimeline(set, analysis);
      const view = timelineViewer(timeline);
      worker.postMessage({ summary: summarizeTimeline(timeline), slice: view(first) });
      return view;
    });
    // In the window: receiving them (then React draws the rows in view).
    const opened = timed('receive', () =>
      received<{ summary: ReturnType<typeof summarizeTimeline>; slice: ReturnType<typeof view> }>(window),
    );
    sumOf('open', ['worker', 'receive']);
    sumOf('window', ['receive']);
    // A filter change (every kind but the runs): the query there, the worker's answer, the answer here.
    const ask = (query: TimelineQuery) => {
      window.postMessage(query);
      worker.postMessage(view(received<TimelineQuery>(worker)));
      return received<ReturnType<typeof view>>(window);
    };
    const kinds = new Set(TIMELINE_KINDS.filter((k) => k !== 'run'));
    const filtered = timed('filter', () => ask({ ...first, filter: { kinds }, axisKey: opened.slice.axisKey }));
    // A scroll to the middle of the kept entries: the same filter, other rows (the axis is not sent again).
    const middle = Math.floor(filtered.total / 2);
    const scrolled = timed('scroll', () =>
      ask({ ...first, filter: { kinds }, start: middle, axisKey: filtered.axisKey }),
    );
    worker.close();
    if (i === 0) {
      const marks = filtered.axis!.lanes.reduce((n, l) => n + l.marks.length, 0);
      const counts = [...opened.summary.facets.kinds].map(([k, n]) => `${k} ${n.toLocaleString('en-US')}`).join(', ');
      console.log(
        `      ${opened.summary.entries.toLocaleString('en-US')} entries (${counts}); ` +
          `${opened.summary.undated.count.toLocaleString('en-US')} undated; first view ${opened.slice.rows.length} rows; ` +
          `runs hidden: ${filtered.total.toLocaleString('en-US')} shown as ${marks.toLocaleString('en-US')} marks; ` +
          `scrolled to row ${scrolled.start.toLocaleString('en-US')} (axis sent again: ${scrolled.axis ? 'yes' : 'no'})`,
      );
    }
  }
  const med = (xs: number[]) => summarize(xs).median.toFixed(0);
  const both = (p: (typeof pieces)[number]) => `${med(wall[p])} ms wall, ${med(cpu[p])} ms CPU`;
  console.log(
    `      medians: the worker's build, index, summary and first view ${both('worker')}; ` +
      `the window receiving them ${both('receive')}; a filter change ${both('filter')}; a scroll ${both('scroll')}; ` +
      `load average ${loadavg()[0]!.toFixed(1)}; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
  const a = line(
    `evidence timeline: opening it — worker, message, first rows (median of ${runs})`,
    wall.open,
    OPEN_TARGET_MS,
  );
  line(
    `evidence timeline: opening it, the window's share — summary and first view received (median of ${runs})`,
    wall.window,
    VIEW_TARGET_MS,
  );
  const b = line(
    `evidence timeline: a filter change — query, filter, axis and rows, answer received (median of ${runs})`,
    wall.filter,
    VIEW_TARGET_MS,
  );
  const c = line(
    `evidence timeline: a scroll — the rows in view asked for and received (median of ${runs})`,
    wall.scroll,
    VIEW_TARGET_MS,
  );
  return a && b && c;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = (await benchTimeline()) ? 0 : 1;
}
