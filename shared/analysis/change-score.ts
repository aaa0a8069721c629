import type { ScoreTerm } from './types';

/**
 * The suspect score: a weighted sum of terms, each shown to the investigator with its value.
 * Deterministic; documented in docs/suspect-ranking.md.
 */
export const SCORE_WEIGHTS = {
  timing: 3,
  distance: 2,
  kind: 2,
  'in running version': 2,
  'touched field': 2,
  'outside workflow': 1,
} as const;

export type ScoreTermName = keyof typeof SCORE_WEIGHTS;

/** Closeness in time before the onset: 1 just before it, 0 at the window's start or after the onset. */
export function timingTerm(effective: number, onset: number, lookbackMs: number): number {
  if (effective > onset) return 0;
  return Math.max(0, 1 - (onset - effective) / lookbackMs);
}

/**
 * Timing against the good→bad interval `(lastGood, firstBad]` (the write times of the data the last good and the
 * first bad decision read): 1 inside it; before it, 0.8 falling linearly to 0 at the window's start; 0 after it.
 * Without a last good reference, the plain `timingTerm` against `firstBad`.
 */
export function intervalTimingTerm(
  effective: number,
  interval: { readonly lastGood?: number; readonly firstBad: number; readonly windowStart: number },
): number {
  const { lastGood, firstBad, windowStart } = interval;
  if (effective > firstBad) return 0;
  if (lastGood === undefined || lastGood >= firstBad) return timingTerm(effective, firstBad, firstBad - windowStart);
  if (effective > lastGood) return 1;
  const span = lastGood - windowStart;
  return span > 0 ? 0.8 * Math.max(0, 1 - (lastGood - effective) / span) : 0;
}

/**
 * Whether text (changed diff lines, a configuration's before/after state, a schema diff) names one of the traced
 * fields, as a whole word: 1 when it does, 0 when it names none, 0.5 when there is no text to look at.
 */
export function fieldTerm(text: string | undefined, fields: ReadonlyArray<string>): number {
  if (text === undefined) return 0.5;
  const names = new Set(fields.flatMap((f) => [f, f.split('.').pop() as string]).filter((f) => f.length > 1));
  for (const name of names) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(^|[^A-Za-z0-9_])${escaped}($|[^A-Za-z0-9_])`).test(text)) return 1;
  }
  return 0;
}

/** 1 for the job that wrote the traced feature's dataset, falling off with each job further upstream. */
export function distanceTerm(jobDepth: number, nearestJobDepth: number): number {
  return 1 / (1 + (jobDepth - nearestJobDepth) / 2);
}

/**
 * What the changed paths are to the jobs they touch: 1 for the file a job runs (its code path itself), 0.5 for
 * another file under a job's code folder. Judged by the job's own code location, never by words in file names.
 */
export function kindTerm(
  paths: ReadonlyArray<string>,
  jobs: ReadonlyArray<{ readonly codePath?: string }> = [],
): number {
  if (jobs.length === 0) return paths.length > 0 ? 1 : 0;
  const strip = (p: string) => p.replace(/^\.?\//, '').replace(/\/+$/, '');
  let best = 0;
  for (const p of paths) {
    const path = strip(p);
    for (const j of jobs) {
      if (!j.codePath) continue;
      const code = strip(j.codePath);
      best = Math.max(best, path === code || code.endsWith(`/${path}`) || path.endsWith(`/${code}`) ? 1 : 0.5);
    }
  }
  return best;
}

/**
 * The changed lines of a diff whose words changed: a removed line and an added line with the same words in the same
 * order (one that only gained a comma, or changed its spacing or quotes) cancel out and touch nothing. Input: changed
 * lines, each starting with `+` or `-` (no file headers: a removed SQL comment starts `---`); output: the text of the
 * lines that remain.
 */
export function changedWords(diff: string): string {
  const words = (line: string) => (line.slice(1).match(/[A-Za-z0-9_.]+/g) ?? []).join(' ');
  const lines = diff.split('\n').filter((l) => /^[+-]/.test(l));
  const pending = new Map<string, number>();
  for (const l of lines) {
    const key = `${l[0]}${words(l)}`;
    pending.set(key, (pending.get(key) ?? 0) + 1);
  }
  const out: string[] = [];
  for (const l of lines) {
    const w = words(l);
    const other = `${l[0] === '+' ? '-' : '+'}${w}`;
    if ((pending.get(other) ?? 0) > 0 && w !== '') {
      pending.set(other, (pending.get(other) ?? 0) - 1);
      continue;
    }
    if (w !== '') out.push(l.slice(1));
  }
  return out.join('\n');
}

/** Rounds to 3 decimals so the figures shown and compared are stable. */
export const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Weighs the terms and returns the score with the terms as shown. */
export function weigh(values: Readonly<Record<ScoreTermName, { value: number; note: string }>>): {
  score: number;
  reasons: ScoreTerm[];
} {
  const reasons = (Object.keys(SCORE_WEIGHTS) as ScoreTermName[]).map((term) => ({
    term,
    value: round3(values[term].value),
    note: `${values[term].note} (weight ${SCORE_WEIGHTS[term]})`,
  }));
  const score = round3(reasons.reduce((sum, r) => sum + r.value * SCORE_WEIGHTS[r.term as ScoreTermName], 0));
  return { score, reasons };
}

/** The score again with one term's value and note replaced (the others as they were). */
export function reweigh(
  reasons: ReadonlyArray<ScoreTerm>,
  term: ScoreTermName,
  value: number,
  note: string,
): { score: number; reasons: ScoreTerm[] } {
  const values = {} as Record<ScoreTermName, { value: number; note: string }>;
  for (const r of reasons) {
    const name = r.term as ScoreTermName;
    values[name] = { value: r.value, note: r.note.replace(/ \(weight \d+\)$/, '') };
  }
  values[term] = { value, note };
  return weigh(values);
}
