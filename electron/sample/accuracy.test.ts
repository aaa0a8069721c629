/**
 * A small subset of the accuracy suite (the whole suite is `bench/accuracy.ts`): one seed of two scenario kinds
 * (about 5 s each), generated small, the engine run headless as the CLI runs it, asserting where the planted cause ranks
 * today (the whole suite, 30 scenarios over ten kinds, runs in `bench/accuracy.ts`).
 */
import { describe, expect, it } from 'vitest';
import { accuracyFigures, accuracyTable, runScenario, type AccuracyRow } from './accuracy.js';

const SEED = 11; // not the built-in sample's seed
const TIMEOUT = 60_000;

const ranked = async (kind: Parameters<typeof runScenario>[0]['kind']): Promise<AccuracyRow> => {
  const row = await runScenario({ kind, seed: SEED });
  console.log(accuracyTable([row]).join('\n'));
  return row;
};

describe('the engine on seeded scenarios', () => {
  it(
    'ranks first the branch commit production ran while staging ran the approved merge',
    async () => {
      const row = await ranked('environment-parity');
      expect(row.rank).toBe(1);
      expect(accuracyFigures([row]).first).toBe(1);
    },
    TIMEOUT,
  );

  // A UI-only edit of the staging transformation: generated and searched here, ranked below.
  let ui: AccuracyRow | undefined;
  it(
    'generates a UI-only transformation edit and searches it without error',
    async () => {
      ui = await ranked('ui-transformation');
      expect(ui.plantedIds).toEqual([expect.stringMatching(/^a-\d+$/)]);
      expect(ui.suspects).toBeGreaterThan(0);
    },
    TIMEOUT,
  );

  // Found since the onset is estimated from a change-point in the outcome rates (shared/analysis/onset.ts).
  it('ranks first a UI-only edit of the staging transformation (audit entry, channel ui)', () => {
    expect(ui?.rank).toBe(1);
  });
});
