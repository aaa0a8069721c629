import { describe, expect, it } from 'vitest';
import type { StoredSource } from '../db/lineage-db';
import { describeEnd, describeInterrupted, formatBytes, formatDuration, formatSeconds } from './format-progress';
import { estimateSeconds } from './worker-protocol';

const source = (counts: Record<string, number>, warnings: number, rejected: number) =>
  ({ counts, warnings, rejected }) as unknown as StoredSource;

describe('import wording', () => {
  it('reads sizes, durations and estimates the way a person says them', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(76 * 1024 * 1024)).toBe('76 MB');
    expect(formatSeconds(83)).toBe('1 min 23 s');
    expect(formatDuration(340)).toBe('340 ms');
    expect(formatDuration(2400)).toBe('2.4 s');
  });

  it('tells warnings apart from rejections', () => {
    expect(describeEnd({ status: 'imported', source: source({ 'lineage-run': 26 }, 26, 0) })).toBe(
      'Imported 26 records with 26 warnings',
    );
    expect(describeEnd({ status: 'imported', source: source({ deployment: 2999 }, 0, 1) })).toBe(
      'Imported 2,999 records, 1 rejected',
    );
    expect(describeEnd({ status: 'already-imported', source: source({ audit: 1 }, 0, 0) })).toMatch(/nothing changed/);
    expect(describeEnd({ status: 'skipped', reason: 'a JSON Schema of a format, not data' })).toBe(
      'Skipped — not evidence: a JSON Schema of a format, not data',
    );
    // A reason that says so itself is not told twice.
    const yaml = 'YAML of a kind not imported (keys: name, version): configuration, not evidence';
    expect(describeEnd({ status: 'skipped', reason: yaml })).toBe(`Skipped — ${yaml}`);
  });

  it('estimates the time left over both passes (hash, then parse)', () => {
    const progress = { records: 0, totalBytes: 100, bytesPerSecond: 10 };
    expect(estimateSeconds({ ...progress, phase: 'hashing', bytes: 50 })).toBe(15);
    expect(estimateSeconds({ ...progress, phase: 'importing', bytes: 50 })).toBe(5);
    expect(estimateSeconds({ ...progress, phase: 'importing', bytes: 0, bytesPerSecond: 0 })).toBeUndefined();
  });

  it('says what an interrupted import had read, or why it failed', () => {
    const MB = 1024 * 1024;
    const item = { sourceId: 'x', name: 'big.json', size: 200 * MB, startedAt: '', updatedAt: '', bytes: 40 * MB };
    const read = '40 MB of 200 MB read, 12,000 records parsed';
    expect(describeInterrupted({ ...item, records: 12_000 })).toBe(
      `Interrupted — the app or its window ended mid-way (${read})`,
    );
    expect(describeInterrupted({ ...item, records: 12_000, failure: 'big.json: NotReadableError' })).toBe(
      `Failed (${read}): big.json: NotReadableError`,
    );
  });
});
