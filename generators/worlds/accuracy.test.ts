/**
 * The app on independently generated worlds, as a user runs it (evaluate.ts: import, diffs from Git, one engine
 * call, the lineage card), on seeds the bench (1–200) does not use. Every world: the version at inference is the
 * deployed one and the planted cause is among the top three; over the worlds, the cause is first and the scope
 * within 15% of the generated blast radius in most. `npx tsx bench/world-accuracy.ts` measures 200 worlds against
 * the targets.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateWorld, worldFigures, worldLine, type WorldScore } from './evaluate.js';
import { removeTempWorlds, tempWorld } from './test-support.js';

const SEEDS = Array.from({ length: 12 }, (_, i) => 2001 + i);
const cache = mkdtempSync(join(tmpdir(), 'world-accuracy-cache-'));
const scores: WorldScore[] = [];

afterAll(() => {
  removeTempWorlds();
  rmSync(cache, { recursive: true, force: true });
});

describe('investigations of generated worlds', () => {
  it.each(SEEDS)(
    'world %i: the version at inference is the deployed one and the cause is in the top three',
    async (seed) => {
      const { dir, truth } = await tempWorld(seed);
      const score = await evaluateWorld(dir, truth, cache);
      scores.push(score);
      expect(score.rejected, worldLine(score)).toBe(0);
      expect(score.version.right, worldLine(score)).toBe(true);
      expect(score.rank, worldLine(score)).toBeGreaterThanOrEqual(1);
      expect(score.rank, worldLine(score)).toBeLessThanOrEqual(3);
    },
    60_000,
  );

  it('ranks the cause first and scopes the blast radius within 15% in most worlds', () => {
    const f = worldFigures(scores);
    expect(f.worlds).toBe(SEEDS.length);
    const lines = scores.map(worldLine).join('\n');
    expect(f.first, lines).toBeGreaterThanOrEqual(Math.ceil(0.85 * f.worlds));
    expect(f.scope, lines).toBeGreaterThanOrEqual(Math.ceil(0.85 * f.worlds));
    expect(f.governance, lines).toBeGreaterThanOrEqual(Math.ceil(0.9 * f.worlds));
  });
});
