/**
 * The groups by write time read as columns are the groups the Map held, in write-time order, whether the engine
 * returned them ordered (the query's ORDER BY) or not; the interval over them is the one over the Map.
 */
import { describe, expect, it } from 'vitest';
import { intervalOfWriteColumns, intervalOfWrites, writeColumnsOf } from '../../shared/analysis/change-interval.js';
import { writeColumns, writeGroups, type PlacedReads } from './pushed-reads.js';
import type { SqlRow } from './sql-engine.js';

/** Groups a minute apart (some minutes skipped), the outcome's rate rising from 20% to 60% at `shift`, seeded. */
function engineRows(count: number, shift: number, seed: number): SqlRow[] {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const rows: SqlRow[] = [];
  let t = Date.UTC(2026, 2, 1);
  for (let i = 0; i < count; i++) {
    t += 60_000 * (1 + Math.floor(next() * 3));
    const decisions = 1 + Math.floor(next() * 4);
    let outcomes = 0;
    for (let j = 0; j < decisions; j++) if (next() < (i >= shift ? 0.6 : 0.2)) outcomes++;
    // Counts as the engines return them: numbers, or digits (PostgreSQL past 2^53, a string count).
    rows.push({ written_ms: t, decisions: i % 5 === 0 ? String(decisions) : decisions, outcomes });
  }
  return rows;
}

/** Reads whose engine answers every query with `rows`. */
const readsReturning = (rows: ReadonlyArray<SqlRow>) =>
  ({
    source: { engine: { query: async () => rows } },
    sql: { byWrite: () => ({ text: 'SELECT …', params: [] }) },
  }) as unknown as PlacedReads;

describe('writeColumns', () => {
  it('gives the Map of groups as columns in write-time order, the interval unchanged', async () => {
    const rows = engineRows(3000, 1800, 7);
    const reads = readsReturning(rows);
    const groups = await writeGroups(reads, {}, 'reject');
    const columns = await writeColumns(reads, {}, 'reject');
    const expected = writeColumnsOf(groups);
    expect(Array.from(columns.times)).toEqual(Array.from(expected.times));
    expect(Array.from(columns.n)).toEqual(Array.from(expected.n));
    expect(Array.from(columns.k)).toEqual(Array.from(expected.k));
    const own = columns.times[2000] as number;
    const found = intervalOfWriteColumns(columns, own);
    const walked = intervalOfWrites(groups, own);
    expect(found).toBeDefined();
    expect({ ...found, likelihood: undefined }).toEqual({ ...walked, likelihood: undefined });
    expect(found?.likelihood(own)).toBe(walked?.likelihood(own));
  });

  it('sorts rows an engine returned out of order', async () => {
    const rows = engineRows(500, 300, 11);
    const shuffled = rows.map((r, i) => ({ r, key: (i * 7919) % rows.length })).sort((a, b) => a.key - b.key);
    const columns = await writeColumns(readsReturning(shuffled.map((x) => x.r)), {}, 'reject');
    const ordered = await writeColumns(readsReturning(rows), {}, 'reject');
    expect(Array.from(columns.times)).toEqual(Array.from(ordered.times));
    expect(Array.from(columns.n)).toEqual(Array.from(ordered.n));
    expect(Array.from(columns.k)).toEqual(Array.from(ordered.k));
    expect(Array.from(columns.times)).toEqual(Array.from(columns.times).sort((a, b) => a - b));
  });
});
