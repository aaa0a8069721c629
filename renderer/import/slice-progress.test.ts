import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { singleLineExport } from '../../fixtures/single-line-export';
import { LineageDb } from '../db/lineage-db';
import { runImport } from './run-import';
import type { ImportProgress } from './worker-protocol';

let db: LineageDb;
let n = 0;
beforeEach(() => {
  n += 1;
  db = new LineageDb(`slice-progress-test-${n}`);
});
afterEach(async () => {
  await db.delete();
});

describe('progress while one long line is imported', () => {
  it('moves with the bytes parsed inside one piece read, and every event is still imported', async () => {
    const { text, events } = singleLineExport(2_500_000);
    const file = new File([text], 'lineage-export.json');
    let clock = 0;
    const progress: ImportProgress[] = [];
    const end = await runImport(
      db,
      { file, name: file.name },
      {
        cancelled: () => false,
        onProgress: (p) => progress.push(p),
        // the whole file is one piece read; time passes as the import works
        pieceSize: file.size,
        now: () => (clock += 20),
      },
    );
    if (end.status !== 'imported') throw new Error(JSON.stringify(end));
    expect(end.source.counts['lineage-run']).toBe(events);
    const bytes = progress.filter((p) => p.phase === 'importing').map((p) => p.bytes);
    const inside = new Set(bytes.filter((b) => b > 0 && b < file.size));
    expect(inside.size).toBeGreaterThanOrEqual(3);
    expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
    expect(bytes.at(-1)).toBe(file.size);
  });
});
