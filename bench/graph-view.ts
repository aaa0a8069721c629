/**
 * The lineage graph in Chromium: a generated 500-node trace (`?bench=graph&nodes=500&fit=all`, every node on screen)
 * laid out and painted, then panned and zoomed by scripted mouse input while requestAnimationFrame counts frames.
 * Medians over fresh page loads.
 */
import { type Browser, chromium, type Page } from 'playwright-core';
import { startWebApp } from '../e2e/web-app';
import { report, summarize } from './stats';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

interface PanZoom {
  readonly fps: number;
  readonly worstFrameMs: number;
}

/** Drags the pane around and zooms in and out with the wheel, counting animation frames meanwhile. */
export async function panAndZoom(page: Page): Promise<PanZoom> {
  const box = await page.locator('.react-flow__pane').boundingBox();
  if (!box) throw new Error('the graph pane is not on screen');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  // A string, not a function: tsx's name helpers do not exist in the page.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__counting = true;
    const tick = (t) => {
      window.__frames.push(t);
      if (window.__counting) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.move(cx, cy);
  for (let round = 0; round < 2; round++) {
    await page.mouse.down();
    await page.mouse.move(cx + 300, cy + 120, { steps: 40 });
    await page.mouse.move(cx - 300, cy - 120, { steps: 60 });
    await page.mouse.move(cx, cy, { steps: 30 });
    await page.mouse.up();
    for (let i = 0; i < 12; i++) await page.mouse.wheel(0, -120);
    for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 120);
  }
  const frames = (await page.evaluate('window.__counting = false, window.__frames')) as number[];
  const elapsed = (frames[frames.length - 1] ?? 0) - (frames[0] ?? 0);
  let worst = 0;
  for (let i = 1; i < frames.length; i++) worst = Math.max(worst, (frames[i] as number) - (frames[i - 1] as number));
  return { fps: ((frames.length - 1) / elapsed) * 1000, worstFrameMs: worst };
}

export interface GraphRun {
  /** From the bench page's first render (data in hand) to the first painted frame with edges. */
  readonly paintedMs: number;
  /** From navigation start to that frame. */
  readonly sinceLoadMs: number;
  readonly fps: number;
  readonly worstFrameMs: number;
}

/** One fresh page of the bench graph at `origin`: time to paint, then (`motion`) pan and zoom. */
export async function measureGraphOnce(
  browser: Browser,
  origin: string,
  nodes: number,
  motion = true,
): Promise<GraphRun> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/?bench=graph&nodes=${nodes}&fit=all`);
    await page.waitForFunction(() => (globalThis as { __graphBench?: unknown }).__graphBench !== undefined, undefined, {
      timeout: 30_000,
    });
    const result = (await page.evaluate('window.__graphBench')) as { paintedMs: number; sinceLoadMs: number };
    const drawn = await page.locator('.react-flow__node').count();
    if (drawn < nodes) throw new Error(`only ${drawn} of ${nodes} nodes are on screen`);
    const moved = motion ? await panAndZoom(page) : { fps: Number.NaN, worstFrameMs: Number.NaN };
    return { paintedMs: result.paintedMs, sinceLoadMs: result.sinceLoadMs, ...moved };
  } finally {
    await context.close();
  }
}

/** The Chromium the benches drive (Debian's, or CHROMIUM_PATH). */
export function launchBenchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export async function benchGraphView(runs: number, nodes = 500): Promise<boolean> {
  const all: GraphRun[] = [];
  const app = await startWebApp();
  const browser = await launchBenchChromium();
  try {
    for (let i = 0; i < runs; i++) all.push(await measureGraphOnce(browser, app.origin, nodes));
  } finally {
    await browser.close();
    await app.stop();
  }
  const a = report(
    `graph: ${nodes} nodes laid out and painted (from data to paint)`,
    all.map((r) => r.paintedMs),
    1500,
  );
  report(
    `graph: ${nodes} nodes painted, from navigation start (page load included)`,
    all.map((r) => r.sinceLoadMs),
    3000,
  );
  const f = summarize(all.map((r) => r.fps));
  const w = summarize(all.map((r) => r.worstFrameMs));
  const ok = f.median >= 50;
  console.log(
    `${ok ? 'PASS' : 'FAIL'}  graph: ${nodes} nodes pan and zoom: median ${f.median.toFixed(1)} fps (min ${f.min.toFixed(1)}, max ${f.max.toFixed(1)}, n=${f.n}), worst frame median ${w.median.toFixed(0)} ms; target ≥ 50 fps`,
  );
  return a && ok;
}
