import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInspectCommand } from '../../electron/cli/inspect-command.js';
import { removeTempWorlds, tempWorld } from './test-support.js';

const cache = mkdtempSync(join(tmpdir(), 'worlds-inspect-cache-'));
afterAll(() => {
  removeTempWorlds();
  rmSync(cache, { recursive: true, force: true });
});

interface InspectJson {
  exitCode: number;
  inputs: Array<{ name: string; detected: string; rejectedCount: number; counts: Record<string, number> }>;
  problems: unknown[];
}

describe('the app imports generated worlds without rejecting a record', () => {
  // Folders and bundles; one, two and three repositories; identity, tracking plan and schema worlds.
  it.each([2, 3, 13, 44, 49])(
    'seed %i',
    async (seed) => {
      const world = await tempWorld(seed);
      const out: string[] = [];
      const code = await runInspectCommand(
        [...world.truth.inputs.map((i) => join(world.dir, i)), '--json'],
        { out: (l) => out.push(l), err: (l) => out.push(l) },
        { cacheDir: cache },
      );
      const report = JSON.parse(out.join('\n')) as InspectJson;
      expect(report.problems).toEqual([]);
      for (const input of report.inputs) expect(input.rejectedCount, input.name).toBe(0);
      expect(code).toBe(0);
      expect(report.inputs).toHaveLength(world.truth.inputs.length);
      const decisions = report.inputs.find((i) => i.name === 'decisions.jsonl')!;
      expect(decisions.detected).toBe('decision-log');
    },
    120_000,
  );
});
