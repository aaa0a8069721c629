import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles, removeTempWorlds, tempWorld } from './test-support.js';

afterAll(removeTempWorlds);

describe('writeWorld is deterministic', () => {
  // Seed 1 writes repository folders, seed 2 git bundles.
  it.each([1, 2])(
    'seed %i writes the same bytes twice, .git folders and bundles included',
    async (seed) => {
      const a = await tempWorld(seed);
      const b = await tempWorld(seed);
      const files = listFiles(a.dir);
      expect(files).toEqual(listFiles(b.dir));
      expect(files.some((f) => f.includes('.git/') || f.endsWith('.bundle'))).toBe(true);
      const digest = (dir: string) =>
        files.map(
          (f) =>
            `${f} ${createHash('sha256')
              .update(readFileSync(join(dir, f)))
              .digest('hex')}`,
        );
      expect(digest(a.dir)).toEqual(digest(b.dir));
      expect(a.truth).toEqual(b.truth);
    },
    60_000,
  );

  it('different seeds write different worlds', async () => {
    const a = await tempWorld(3);
    const b = await tempWorld(4);
    expect(readFileSync(join(a.dir, 'decisions.jsonl'), 'utf8')).not.toEqual(
      readFileSync(join(b.dir, 'decisions.jsonl'), 'utf8'),
    );
  }, 60_000);
});
