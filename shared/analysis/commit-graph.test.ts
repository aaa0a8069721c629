import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Commit } from '../model/records';
import { commitGraph } from './commit-graph';
import { SHA, testEvidence } from './test-evidence';

const set = testEvidence();

describe('the commit graph', () => {
  it('answers ancestry through merges, and finds the merge and pull request that brought a branch commit', () => {
    const g = commitGraph(set.commits, set.pullRequests);
    expect(g.isAncestor(SHA.bad, SHA.later)).toBe(true);
    expect(g.isAncestor(SHA.later, SHA.bad)).toBe(false);
    expect(g.isAncestor(SHA.bad, SHA.docs)).toBe(false);
    expect(g.mergeOf(SHA.bad)?.sha).toBe(SHA.badMerge);
    expect(g.mergeOf(SHA.docs)).toBeUndefined();
    expect(g.pullRequestOf(SHA.bad)?.number).toBe(3);
    expect(g.resolve(SHA.bad)).toBe(SHA.bad);
  });

  it('agrees with a plain reachability walk on random histories', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { minLength: 1, maxLength: 60 }), (spec) => {
        const commits: Commit[] = spec.map(([a, b, merge], i) => ({
          ...(set.commits[0] as Commit),
          sha: `c${i}`,
          parents: i === 0 ? [] : merge && i > 1 ? [`c${a % i}`, `c${b % i}`] : [`c${a % i}`],
        }));
        const g = commitGraph(commits, []);
        const reach = (d: string): Set<string> => {
          const seen = new Set<string>();
          const stack = [d];
          while (stack.length) {
            const s = stack.pop() as string;
            if (seen.has(s)) continue;
            seen.add(s);
            stack.push(...(commits.find((c) => c.sha === s)?.parents ?? []));
          }
          return seen;
        };
        for (const d of commits) {
          const all = reach(d.sha);
          for (const a of commits) expect(g.isAncestor(a.sha, d.sha)).toBe(all.has(a.sha));
        }
      }),
      { numRuns: 50 },
    );
  });
});
