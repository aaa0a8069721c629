/**
 * The target for the lineage graph: 500 nodes painted under 0.7 s. The bench page of the web app
 * (`?bench=graph&nodes=500&fit=all`, a generated trace with every node on screen) in Chromium, fresh pages, timed
 * from the page's first render with the data in hand to the first painted frame with its edges (layout, React Flow's
 * nodes and edges, paint: bench/graph-view.ts's measure, whose own target is the older 1.5 s). Medians printed
 * against the target, with the load average. `npx tsx bench/graph-paint.ts` runs it alone (after `npm run build`).
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { startWebApp } from '../e2e/web-app';
import { launchBenchChromium, measureGraphOnce } from './graph-view';
import { report } from './stats';

const TARGET_MS = 700;

/** Paints the `nodes`-node bench graph on `runs` fresh pages; true when the median meets the target. */
export async function benchGraphPaint(runs: number, nodes = 500): Promise<boolean> {
  const painted: number[] = [];
  const app = await startWebApp();
  const browser = await launchBenchChromium();
  try {
    for (let i = 0; i < runs; i++) painted.push((await measureGraphOnce(browser, app.origin, nodes, false)).paintedMs);
  } finally {
    await browser.close();
    await app.stop();
  }
  console.log(`      load average ${loadavg()[0]!.toFixed(1)} (2 cores shared)`);
  return report(`graph: ${nodes} nodes painted (from data in hand to the first frame with edges)`, painted, TARGET_MS);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = (await benchGraphPaint(Number(process.env.BENCH_RUNS ?? 5))) ? 0 : 1;
}
