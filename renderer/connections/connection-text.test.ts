import { describe, expect, it } from 'vitest';
import { testSentence } from './connection-text';

const tested = {
  ok: true,
  engine: 'duckdb' as const,
  decisions: 1200,
  models: [{ model: 'credit-limit', decisions: 1200 }],
  mapping: 'decision ← id',
  latencyMs: 12,
};

describe('a saved connection’s test, in a line', () => {
  it('names each file of the folder that repeats another’s bytes, and the file it repeats', () => {
    const copy = {
      path: '/logs/date=2026-03-02/part-1.parquet',
      duplicateOf: '/logs/date=2026-03-02/part-0.parquet',
      reason: 'the same bytes, SHA-256 ab',
    };
    const line = testSentence({ ...tested, copies: [copy] });
    expect(line).toContain('1,200 decisions');
    expect(line).toContain(
      `1 file not read again (the same bytes as another): ${copy.path} repeats ${copy.duplicateOf}`,
    );
  });

  it('says nothing of copies when the folder holds none', () => {
    expect(testSentence(tested)).not.toContain('not read again');
  });

  it('says how many rows repeat a decision already logged, and says nothing where none does', () => {
    const line = testSentence({ ...tested, repeated: { rows: 1000, decisions: 999 } });
    expect(line).toContain('1,000 rows repeat a decision (model and decision id) already logged (999 decisions)');
    expect(testSentence(tested)).not.toContain('repeat');
  });
});
