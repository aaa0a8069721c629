/**
 * The large scale (about 1M decisions, 100k lineage events, 20k commits, about 1 GB). Not part of the
 * unit suite: run it with `SAMPLE_LARGE=1 npx vitest run electron/sample/large-sample.test.ts`.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_FILES } from '../../generators/sample/sample.js';
import { generateSample } from './write-sample.js';

let dir = '';
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!process.env.SAMPLE_LARGE)('the large sample', () => {
  it('writes 1M decisions, 100k lineage events and 20k commits in a few minutes', { timeout: 600_000 }, async () => {
    dir = await mkdtemp(join(tmpdir(), 'sample-large-'));
    const s = await generateSample({ seed: 7, scale: 'large', outDir: dir });
    expect(s.decisions).toBeGreaterThan(950_000);
    expect(s.lineageEvents).toBeGreaterThan(95_000);
    expect(s.commits).toBeGreaterThanOrEqual(20_000);
    expect(s.elapsedMs).toBeLessThan(5 * 60_000);
    const count = execFileSync('git', ['bundle', 'list-heads', join(dir, SAMPLE_FILES.bundle)], { encoding: 'utf8' });
    expect(count).toContain('refs/heads/main');
    const truth = JSON.parse(await readFile(join(dir, SAMPLE_FILES.groundTruth), 'utf8')) as {
      onset: { decisionId: string };
      stagingDeploymentIds: string[];
    };
    expect(truth.stagingDeploymentIds).toEqual([]);
    let found = false;
    for await (const line of createInterface({ input: createReadStream(join(dir, SAMPLE_FILES.decisions)) })) {
      if (line.includes(`"${truth.onset.decisionId}"`)) {
        found = true;
        break;
      }
    }
    expect(found).toBe(true);
  });
});
