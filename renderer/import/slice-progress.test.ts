/* eslint-disable no-restricted-imports -- a Node-side unit test reads a real public fixture from disk */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { LineageDb } from '../db/lineage-db';
import { runImport } from './run-import';
import type { ImportProgress } from './worker-protocol';

/** Marquez's real seed events, `copies` times with a new run id per copy, as one JSON array on one line. */
function singleLineExport(copies: number): { file: File; events: number } {
  const path = realFixture('openlineage/marquez_docker_metadata.json');
  const events = (JSON.parse(readFileSync(path, 'utf8')) as Array<{ run?: { runId?: string } }>).filter(
    (e) => e.run?.runId,
  );
  const parts: string[] = [];
  for (let copy = 0; copy < copies; copy++) {
    const suffix = copy.toString(16).padStart(12, '0');
    for (const e of events)
      parts.push(JSON.stringify({ ...e, run: { ...e.run, runId: `${e.run?.runId?.slice(0, 24)}${suffix}` } }));
  }
  return { file: new File([`[${parts.join(',')}]`], 'lineage-export.json'), events: copies * events.length };
}

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
    const { file, events } = singleLineExport(60);
    expect(file.size).toBeGreaterThan(2_000_000);
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
