import { describe, expect, it } from 'vitest';
import type { Decision } from '../model/records';
import type { OnsetEstimate } from './engine-types';
import { recoveryOf, type Read, type RecoveryCandidate } from './recovery';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-01T00:00:00Z');

/** One read per hour from T0, rejected where `pattern` has an `x` (a `.` is approved). */
function reads(pattern: string): Read[] {
  return [...pattern].map((c, i) => ({
    written: T0 + i * HOUR,
    decision: {
      kind: 'decision',
      decisionId: `d-${i}`,
      timestamp: new Date(T0 + i * HOUR + 60_000).toISOString(),
      model: { name: 'm' },
      action: c === 'x' ? 'reject' : 'approve',
      features: [{ name: 'f' }],
      provenance: { sourceId: 'log', line: i + 1 },
    } satisfies Decision,
  }));
}

const onset = (rateBefore?: number, rateAfter?: number) =>
  ({ outcome: 'reject', rateBefore, rateAfter }) as OnsetEstimate;

const at = (hour: number, id: string, restores = false): RecoveryCandidate => ({
  effective: T0 + hour * HOUR - 600_000,
  time: T0 + hour * HOUR,
  changeId: id,
  note: `${id} changed it`,
  restores,
});

// The bad rate 0.7, the good rate 0.1: 7 in 10 rejected while the cause holds, 1 in 10 after a recovery.
const BAD = 'xxx.xx.xx.';
const GOOD = '.....x....';

describe('the recovery that ends a blast radius', () => {
  it('is the later change after which the decisions follow the good rate', () => {
    const data = reads(BAD.repeat(3) + BAD + GOOD.repeat(4));
    const r = recoveryOf(data, [at(10, 'early'), at(40, 'fix'), at(60, 'later')], onset(0.1, 0.7));
    expect(r?.changeId).toBe('fix');
    expect(r?.time).toBe(new Date(T0 + 40 * HOUR).toISOString());
    expect(r?.note).toContain('rate of the 40 decisions after it: 0.100');
  });

  it('is not a change followed by a few approvals and then the bad rate again', () => {
    const data = reads(BAD.repeat(2) + '.....' + BAD.repeat(4));
    expect(recoveryOf(data, [at(20, 'brief')], onset(0.1, 0.7))).toBeUndefined();
  });

  it('needs more than a handful of decisions after the change', () => {
    const data = reads(BAD.repeat(4) + '...');
    expect(recoveryOf(data, [at(40, 'late')], onset(0.1, 0.7))).toBeUndefined();
  });

  it('takes an edit that restored the prior state even when few decisions follow it, unless they are clearly bad', () => {
    const few = reads(BAD.repeat(4) + '...');
    expect(recoveryOf(few, [at(40, 'unmerge', true)], onset(0.1, 0.7))?.changeId).toBe('unmerge');
    const stillBad = reads(BAD.repeat(2) + BAD.repeat(3));
    expect(recoveryOf(stillBad, [at(20, 'unmerge', true)], onset(0.1, 0.7))).toBeUndefined();
  });

  it('is never claimed without the rates on both sides of the onset', () => {
    const data = reads(BAD + GOOD.repeat(4));
    expect(recoveryOf(data, [at(10, 'fix')], onset(undefined, 0.7))).toBeUndefined();
    expect(recoveryOf(data, [at(10, 'fix')], onset(0.1, 0.7))?.changeId).toBe('fix');
  });
});
