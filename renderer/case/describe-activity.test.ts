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

  it('names the decision a case is opened on by its id and its model, where the log records the model', () => {
    const opened = { id: 'case-1', title: 'Refused offer', severity: 'high', owner: 'maria' };
    expect(
      describeActivity(entry('case.opened', { ...opened, decisionIds: ['d-7'], decisionModel: 'payment-fraud' })),
    ).toBe('Opened the case “Refused offer” at decision d-7 of model payment-fraud (severity high, owner maria)');
    // A case saved before the model was recorded: the id alone, as the log holds it.
    expect(describeActivity(entry('case.opened', { ...opened, decisionIds: ['d-7'] }))).toBe(
      'Opened the case “Refused offer” at decision d-7 (severity high, owner maria)',
    );
    expect(describeActivity(entry('case.opened', { ...opened, decisionIds: [] }))).toBe(
      'Opened the case “Refused offer” (severity high, owner maria)',
    );
    const connection = { name: 'Scored customers', location: '/logs/scored.parquet' };
    expect(
      describeActivity(entry('case.opened', { ...opened, decisionIds: ['d-7'], decisionModel: 'offers', connection })),
    ).toBe(
      'Opened the case “Refused offer” at decision d-7 of model offers ' +
        '(severity high, owner maria, its decisions read in Scored customers (/logs/scored.parquet))',
    );
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
