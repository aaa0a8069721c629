/**
 * The target for the case timeline: 100k entries scroll at 60 fps. The bench page of the web app
 * (`?bench=timeline&entries=100000`: the Timeline step's virtualized list over generated entries, renderer/timeline/
 * TimelineBench.tsx) in Chromium, fresh pages; the list is scrolled by a set distance at every animation frame for
 * three seconds — a steady wheel (30 px a frame, about 50 rows a second) and a fling (240 px a frame) — while
 * requestAnimationFrame records each frame. Printed: frames per second (target ≥ 57, 60 less the timer's jitter), the
 * share of frames longer than 25 ms (a dropped frame at 60 Hz; target ≤ 5%) and the longest frame, with the load
 * average; and, at the end of each scroll, that the rows on screen are the rows at the scroll position (the list kept
 * up). Rows come from the page, not from the worker that holds a real case's timeline (bench/timeline.ts times its
 * answer to a scroll). `npx tsx bench/timeline-scroll.ts` runs it alone (after `npm run build`).
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { startWebApp } from '../e2e/web-app';
import { launchBenchChromium } from './graph-view';
import { summarize } from './stats';

const ENTRIES = 100_000;
const MIN_FPS = 57;
const MAX_DROPPED = 0.05;
const ROW_HEIGHT = 34;

interface Scroll {
  readonly fps: number;
  readonly dropped: number;
  readonly worstMs: number;
}

/** Scrolls the list `pxPerFrame` at each frame for `ms`, in the page; the frames' timing and whether the rows kept up. */
async function scrollOnce(browser: Browser, origin: string, pxPerFrame: number, ms = 3000): Promise<Scroll> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/?bench=timeline&entries=${ENTRIES}`);
    await page.waitForFunction(() => (globalThis as { __timelineBench?: unknown }).__timelineBench !== undefined);
    await page.locator('.timeline-scroll [role="option"]').first().waitFor();
    // A string, not a function: tsx's name helpers do not exist in the page.
    const frames = (await page.evaluate(`new Promise((done) => {
      const list = document.querySelector('.timeline-scroll');
      const frames = [];
      const tick = (t) => {
        frames.push(t);
        if (t - frames[0] >= ${ms}) return done(frames);
        list.scrollTop += ${pxPerFrame};
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })`)) as number[];
    // The rows drawn are those at the scroll position: the list kept up with the scroll.
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    const { top, firstRow } = (await page.evaluate(`(() => {
      const list = document.querySelector('.timeline-scroll');
      const rows = [...list.querySelectorAll('[role="option"]')].map((r) => Number(r.getAttribute('aria-posinset')));
      return { top: list.scrollTop, firstRow: Math.min(...rows) };
    })()`)) as { top: number; firstRow: number };
    const expected = Math.floor(top / ROW_HEIGHT) + 1;
    if (!(firstRow <= expected && firstRow >= expected - 20))
      throw new Error(`after scrolling to ${top} px the first row drawn is ${firstRow}, not about ${expected}`);
    const gaps = frames.slice(1).map((t, i) => t - (frames[i] as number));
    const elapsed = (frames.at(-1) as number) - (frames[0] as number);
    return {
      fps: (gaps.length / elapsed) * 1000,
      dropped: gaps.filter((g) => g > 25).length / gaps.length,
      worstMs: Math.max(...gaps),
    };
  } finally {
    await context.close();
  }
}

/** Scrolls the bench timeline `runs` times at each speed; true when both speeds meet the targets. */
export async function benchTimelineScroll(runs: number): Promise<boolean> {
  const app = await startWebApp();
  const browser = await launchBenchChromium();
  let ok = true;
  try {
    for (const [name, px] of [
      ['a steady wheel, 30 px a frame', 30],
      ['a fling, 240 px a frame', 240],
    ] as const) {
      const all: Scroll[] = [];
      for (let i = 0; i < runs; i++) all.push(await scrollOnce(browser, app.origin, px));
      const fps = summarize(all.map((s) => s.fps));
      const dropped = summarize(all.map((s) => s.dropped));
      const worst = summarize(all.map((s) => s.worstMs));
      const pass = fps.median >= MIN_FPS && dropped.median <= MAX_DROPPED;
      ok &&= pass;
      console.log(
        `${pass ? 'PASS' : 'FAIL'}  timeline: ${ENTRIES.toLocaleString('en')} entries scrolled, ${name}: median ` +
          `${fps.median.toFixed(1)} fps (min ${fps.min.toFixed(1)}, max ${fps.max.toFixed(1)}, n=${fps.n}); ` +
          `frames over 25 ms ${(dropped.median * 100).toFixed(1)}% (max ${(dropped.max * 100).toFixed(1)}%); ` +
          `longest frame median ${worst.median.toFixed(0)} ms; target ≥ ${MIN_FPS} fps and ≤ ${MAX_DROPPED * 100}% ` +
          `dropped; ratio ${(MIN_FPS / fps.median).toFixed(2)}× the frame budget`,
      );
    }
  } finally {
    await browser.close();
    await app.stop();
  }
  console.log(`      load average ${loadavg()[0]!.toFixed(1)} (2 cores shared)`);
  return ok;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = (await benchTimelineScroll(Number(process.env.BENCH_RUNS ?? 5))) ? 0 : 1;
}
