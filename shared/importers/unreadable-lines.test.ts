import { describe, expect, it } from 'vitest';
import type { InputFile } from '../ipc/contract';
import { importInput } from './index';
import type { ImportMapping } from './mapping';

const file = (text: string, name = 'input.jsonl'): InputFile => ({
  name,
  sha256: 'f'.repeat(64),
  size: text.length,
  text,
});

const decision = (n: number, extra = '') =>
  `{"decision_id":"d-${n}","timestamp":"2026-01-01T00:00:0${n}Z","model":{"name":"m"},` +
  `"features":[{"name":"f","value":${n}}]${extra}}`;

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('a file whose kind was detected is read: a line that cannot be read is rejected with its number', () => {
  it('rejects the one line holding a NUL byte in the first 8 KB, and imports the others', () => {
    const lines = [1, 2, 3, 4].map((n) => decision(n));
    lines[2] = lines[2]!.replace('"m"', '"m\0"');
    const result = importInput(file(`${lines.join('\n')}\n`));
    expect(result.detected).toBe('decision-log');
    expect(result.records.map((r) => (r.kind === 'decision' ? r.decisionId : ''))).toEqual(['d-1', 'd-2', 'd-4']);
    expect(result.rejections).toEqual([
      { sourceName: 'input.jsonl', line: 3, reason: expect.stringMatching(/^invalid JSON: Bad control character/) },
    ]);
  });

  it('rejects a value nested deeper than the limit, with its line or JSON pointer, and keeps the rest', () => {
    const lines = [decision(1), decision(2, `,"extra":${nested(100_000)}`), decision(3, `,"ok":${nested(20)}`)];
    const result = importInput(file(lines.join('\n')));
    expect(result.records).toHaveLength(2);
    expect(result.rejections).toEqual([
      { sourceName: 'input.jsonl', line: 2, reason: 'nested deeper than 256 levels: not read' },
    ]);
    const array = importInput(file(`[\n${lines.join(',\n')}\n]`, 'decisions.json'));
    expect(array.records).toHaveLength(2);
    expect(array.rejections).toEqual([
      { sourceName: 'decisions.json', pointer: '/1', reason: 'nested deeper than 256 levels: not read' },
    ]);
  });

  it('warns of invalid UTF-8 (decoded as U+FFFD) with its line, and imports the line', () => {
    const result = importInput(file([decision(1), decision(2).replace('"m"', '"m\uFFFD"'), decision(3)].join('\n')));
    expect(result.records).toHaveLength(3);
    expect(result.warnings).toEqual([
      {
        sourceName: 'input.jsonl',
        line: 2,
        message: 'invalid UTF-8: 1 byte sequence replaced with U+FFFD (line 2)',
      },
    ]);
  });
});

describe('a CSV with one ragged row among its first rows', () => {
  const csv = [
    'decision_id,timestamp,model,score',
    'd-1,2026-01-01T00:00:01Z,m,0.1',
    'd-2,2026-01-01T00:00:02Z,m',
    'd-3,2026-01-01T00:00:03Z,m,0.3',
  ].join('\n');
  const mapping: ImportMapping = {
    kind: 'decision-log',
    fields: { decision_id: 'decision_id', timestamp: 'timestamp', 'model.name': 'model' },
    features: ['score'],
  };

  it('is a CSV, not "not evidence"', () => {
    expect(importInput(file(csv, 'export.csv')).detected).toBe('csv');
  });

  it('read through a mapping, rejects the ragged row with its line and imports the others', () => {
    const result = importInput(file(csv, 'export.csv'), { mapping });
    expect(result.records.map((r) => (r.kind === 'decision' ? r.decisionId : ''))).toEqual(['d-1', 'd-3']);
    expect(result.rejections).toEqual([
      { sourceName: 'export.csv', line: 3, reason: 'the row has 3 fields, the header has 4' },
    ]);
  });
});
