/** Median and spread of repeated measurements (benchmarks quote medians, not one run). */
export function summarize(samples: ReadonlyArray<number>): { median: number; min: number; max: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { median: NaN, min: NaN, max: NaN, n };
  const mid = n >> 1;
  const median = n % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted[n - 1] as number, n };
}

/** Prints one benchmark line: name, median and range in ms, and the target it is checked against. */
export function report(name: string, samples: ReadonlyArray<number>, targetMs: number): boolean {
  const s = summarize(samples);
  const ok = s.median <= targetMs;
  console.log(
    `${ok ? 'PASS' : 'FAIL'}  ${name}: median ${s.median.toFixed(0)} ms (min ${s.min.toFixed(0)}, max ${s.max.toFixed(0)}, n=${s.n}); target < ${targetMs} ms`,
  );
  return ok;
}
