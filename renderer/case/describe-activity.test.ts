import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../shared/case/case-types';
import { parseIds, parseTags } from './case-labels';
import { describeActivity } from './describe-activity';
import { formatDuration } from './format-duration';

const entry = (action: string, payload: unknown): ActivityEntry => ({
  seq: 1,
  time: '2026-03-02T09:00:00Z',
  actor: 'maria',
  action,
  payload,
  prevHash: '0',
  hash: '1',
});

describe('the activity panel’s words', () => {
  it('says what each action did', () => {
    expect(describeActivity(entry('step.skipped', { step: 'scope', reason: 'one subject only' }))).toBe(
      'Skipped Scope: one subject only',
    );
    expect(
      describeActivity(
        entry('annotation.added', { id: 'a', target: { kind: 'node', id: 'job:x' }, tags: ['suspect'], text: 'here' }),
      ),
    ).toBe('Annotated node job:x: “here” [suspect]');
    expect(describeActivity(entry('case.updated', { severity: 'high', owner: 'tom' }))).toBe(
      'Set severity to high, owner to tom',
    );
    expect(describeActivity(entry('root-cause.confirmed', { statement: 'Cents.', changeIds: ['abc', 'def'] }))).toBe(
      'Confirmed the root cause: “Cents.” (changes abc, def)',
    );
    expect(describeActivity(entry('mystery', { a: 1 }))).toBe('mystery {"a":1}');
  });

  it('reads tags, change ids and durations as a reviewer types and reads them', () => {
    expect(parseTags(' suspect, threshold;suspect ,')).toEqual(['suspect', 'threshold']);
    expect(parseIds('abc123, def456\nabc123')).toEqual(['abc123', 'def456']);
    expect(formatDuration(45 * 60_000)).toBe('45 min');
    expect(formatDuration(2 * 3_600_000 + 15 * 60_000)).toBe('2 h 15 min');
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000)).toBe('3 d 4 h');
    expect(formatDuration(undefined)).toBe('—');
  });
});
