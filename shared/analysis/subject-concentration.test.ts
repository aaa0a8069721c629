import { describe, expect, it } from 'vitest';
import { prng as rng } from '../lineage/random-lineage';
import { likelyAffected, subjectConcentration, type SubjectTally } from './subject-concentration';

interface World {
  readonly before: SubjectTally[];
  readonly after: SubjectTally[];
  readonly affected: Set<string>;
  readonly affectedDecisions: number;
}

/**
 * Customers come back several times (a few often, most rarely); each decision is the bad outcome at the customer's
 * rate. Before the cause every customer has `base` (or their own rate, `ownRates`); after it, the customers in
 * `share` have `bad`, the others keep theirs.
 */
function world(seed: number, o: { share: number; base: number; bad: number; ownRates?: boolean }): World {
  const next = rng(seed);
  const customers = Array.from({ length: 400 }, (_, i) => `cust-${i}`);
  const own = new Map(customers.map((c) => [c, o.ownRates ? (next() < 0.3 ? 0.6 : 0.05) : o.base]));
  const affected = new Set(customers.filter(() => next() < o.share));
  const tally = (n: number, rateOf: (c: string) => number) => {
    const by = new Map<string, { decisions: number; outcomes: number }>();
    for (let i = 0; i < n; i++) {
      const c = customers[Math.floor(customers.length * Math.pow(next(), 1.7))] as string;
      const t = by.get(c) ?? { decisions: 0, outcomes: 0 };
      t.decisions++;
      if (next() < rateOf(c)) t.outcomes++;
      by.set(c, t);
    }
    return [...by].map(([subject, t]) => ({ subject, ...t }));
  };
  const before = tally(1500, (c) => own.get(c) as number);
  const after = tally(1200, (c) => (affected.has(c) ? o.bad : (own.get(c) as number)));
  const affectedDecisions = after.filter((t) => affected.has(t.subject)).reduce((s, t) => s + t.decisions, 0);
  return { before, after, affected, affectedDecisions };
}

const rateOf = (ts: ReadonlyArray<SubjectTally>) =>
  ts.reduce((s, t) => s + t.outcomes, 0) / ts.reduce((s, t) => s + t.decisions, 0);

describe('subjects the outcomes after a cause concentrate on', () => {
  it('finds the re-stitched quarter of the customers and counts about their decisions', () => {
    const w = world(11, { share: 0.25, base: 0.1, bad: 0.7 });
    const c = subjectConcentration(w.after, () => w.before, rateOf(w.before));
    expect(c).toBeDefined();
    expect(c!.share).toBeGreaterThan(0.15);
    expect(c!.share).toBeLessThan(0.4);
    expect(Math.abs(c!.expectedDecisions - w.affectedDecisions)).toBeLessThan(0.2 * w.affectedDecisions);
    const likely = likelyAffected(c!);
    const right = likely.filter((s) => w.affected.has(s)).length;
    // Most of those named are affected, far more than the quarter a blind pick would get.
    expect(right / likely.length).toBeGreaterThan(0.7);
    // The subjects taken add up to about the expected number of decisions.
    const counted = w.after.filter((t) => likely.includes(t.subject)).reduce((s, t) => s + t.decisions, 0);
    expect(Math.abs(counted - c!.expectedDecisions)).toBeLessThan(0.1 * c!.expectedDecisions + 10);
  });

  it('keeps every subject when the cause shifted them all alike', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const w = world(seed, { share: 1, base: 0.1, bad: 0.6 });
      expect(subjectConcentration(w.after, () => w.before, rateOf(w.before))).toBeUndefined();
    }
  });

  it('does not mistake customers who always differed for a cause that picked some of them', () => {
    const w = world(7, { share: 0, base: 0.1, bad: 0.1, ownRates: true });
    expect(subjectConcentration(w.after, () => w.before, rateOf(w.before))).toBeUndefined();
  });

  it('says nothing when there are too few decisions to tell the subjects apart', () => {
    const w = world(3, { share: 0.25, base: 0.1, bad: 0.7 });
    const few = w.after.filter((t) => t.decisions === 1).slice(0, 8);
    expect(subjectConcentration(few, () => w.before, rateOf(w.before))).toBeUndefined();
  });
});
