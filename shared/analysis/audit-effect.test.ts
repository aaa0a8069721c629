import { describe, expect, it } from 'vitest';
import { auditEffect, changedKeys, restores } from './audit-effect';

describe('what an audit entry did', () => {
  it('reads change nothing: a viewed, listed or exported object, or a CloudTrail read-only call', () => {
    expect(auditEffect({ action: 'identity_rule.viewed' })).toBe('read');
    expect(auditEffect({ action: 'ListBuckets' })).toBe('read');
    expect(auditEffect({ action: 'dataset.export' })).toBe('read');
    expect(auditEffect({ action: 'PutObject', extra: { readOnly: true } })).toBe('read');
  });

  it('an edit of the owner or description only is metadata; one that also changes logic is behaviour', () => {
    expect(auditEffect({ action: 'transformation.updated', before: { owner: 'a' }, after: { owner: 'b' } })).toBe(
      'metadata',
    );
    expect(
      auditEffect({
        action: 'transformation.updated',
        before: { description: 'x', expression: 'a > 1' },
        after: { description: 'y', expression: 'a > 2' },
      }),
    ).toBe('behaviour');
  });

  it('an edit of when or how a job runs only (schedule, retries, timeout) is operational; with logic, behaviour', () => {
    expect(
      auditEffect({
        action: 'dag.updated',
        before: { schedule_interval: '0 2 * * *' },
        after: { schedule_interval: '15 2 * * *' },
      }),
    ).toBe('operational');
    expect(
      auditEffect({ action: 'job.updated', before: { retries: 1, owner: 'a' }, after: { retries: 3, owner: 'b' } }),
    ).toBe('operational');
    expect(
      auditEffect({
        action: 'job.updated',
        before: { cron: '0 2 * * *', sql: 'a' },
        after: { cron: '0 3 * * *', sql: 'b' },
      }),
    ).toBe('behaviour');
  });

  it('an entry that records no state is taken as a change of behaviour', () => {
    expect(auditEffect({ action: 'transformation.updated' })).toBe('behaviour');
    expect(changedKeys(undefined, { a: 1 })).toBeUndefined();
    expect(changedKeys({ a: 1, b: 2 }, { a: 1, b: 3, c: 4 })).toEqual(['b', 'c']);
  });

  it("an edit restores the prior state when its after-state is the earlier edit's before-state, in any key order", () => {
    const merge = { before: { profiles: ['u-1', 'u-2'] }, after: { merged: [['u-1', 'u-2']] } };
    expect(restores(merge, { after: { profiles: ['u-1', 'u-2'] } })).toBe(true);
    expect(restores(merge, { after: { profiles: ['u-2', 'u-1'] } })).toBe(false);
    const rule = {
      before: { match_threshold: 0.92, mode: 'strict' },
      after: { match_threshold: 0.42, mode: 'strict' },
    };
    expect(restores(rule, { after: { mode: 'strict', match_threshold: 0.92 } })).toBe(true);
    expect(restores(rule, { after: { match_threshold: 0.9, mode: 'strict' } })).toBe(false);
    expect(restores({ before: undefined }, { after: { a: 1 } })).toBe(false);
  });
});
