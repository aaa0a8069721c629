import { describe, expect, it } from 'vitest';
import { progressPrinter, wantsProgress, type ReadProgress } from './read-progress';

/** Feeds `steps` of one pass over a file of `total` bytes, the clock moving `ms` between them; the lines printed. */
function run(steps: number, ms: number, total = 200e6, pass: ReadProgress['pass'] = 'reading'): string[] {
  const lines: string[] = [];
  let t = 0;
  const print = progressPrinter(
    (line) => lines.push(line),
    () => t,
  );
  for (let i = 1; i <= steps; i++) {
    t += ms;
    print({ path: '/data/exports/lineage.json', pass, bytes: Math.round((total * i) / steps), totalBytes: total });
  }
  return lines;
}

describe('progressPrinter (the CLI’s reading progress on stderr)', () => {
  it('prints bytes read of the total, at most two lines a second, ending at 100 %', () => {
    // 200 MB read in 1 MB steps, 50 ms apart: 10 s; the first line half a second after the first report
    const lines = run(200, 50);
    expect(lines[0]).toBe('reading lineage.json: 11.0 of 200.0 MB (5 %)');
    expect(lines.at(-1)).toBe('reading lineage.json: 200.0 of 200.0 MB (100 %)');
    expect(lines.length).toBeGreaterThanOrEqual(19);
    expect(lines.length).toBeLessThanOrEqual(21);
    const percents = lines.map((l) => Number(/\((\d+) %\)$/.exec(l)?.[1]));
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
  });

  it('prints nothing for an input read in less than half a second', () => {
    expect(run(20, 20, 5e6)).toEqual([]);
  });

  it('names the pass: the SHA-256 is computed in one, the text read in the next', () => {
    expect(run(10, 100, 30e6, 'hashing')[0]).toBe('hashing lineage.json: 18.0 of 30.0 MB (60 %)');
  });
});

describe('wantsProgress', () => {
  it('is on for a terminal or with --progress, off when stderr goes to a file or a pipe', () => {
    expect(wantsProgress(undefined, { isTTY: true })).toBe(true);
    expect(wantsProgress(true, { isTTY: false })).toBe(true);
    expect(wantsProgress(undefined, { isTTY: false })).toBe(false);
    expect(wantsProgress(false, {})).toBe(false);
  });
});
