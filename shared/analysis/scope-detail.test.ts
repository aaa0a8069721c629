import { describe, expect, it } from 'vitest';
import { affectedDecisionsCsv, affectedSubjectsCsv, csvField } from './csv';
import { impactScope } from './scope-detail';
import { testEvidence } from './test-evidence';

const set = testEvidence();
const wrong = set.decisions.find((d) => d.decisionId === 'd-23')!;

describe('the impact of the suspect version', () => {
  it('counts affected and unaffected decisions, subjects, by day, model version and action', () => {
    const scope = impactScope(set, wrong, 'flag');
    expect([scope.affected, scope.notAffected, scope.subjects]).toEqual([6, 18, 6]);
    expect(scope.byDay.map((b) => b.count)).toEqual([2, 2, 2]);
    expect(scope.byHour).toHaveLength(49);
    expect(scope.byAction).toEqual([{ key: 'reject', count: 6 }]);
    expect(scope.byModelVersion).toEqual([{ key: 'm@1', count: 6 }]);
    expect([scope.first, scope.last]).toEqual(['2026-10-10T12:00:00Z', '2026-10-12T12:00:00Z']);
  });

  it('says whether the window reaches the notification threshold', () => {
    expect(impactScope(set, wrong, 'flag', { notifyThreshold: 5 }).notification.text).toBe(
      '6 subjects ≥ threshold 5: notify',
    );
    expect(impactScope(set, wrong, 'flag').notification.notify).toBe(false);
  });

  it('takes several suspect versions', () => {
    expect(impactScope(set, wrong, 'flag', { versions: ['v1', 'v2'] }).affected).toBe(24);
  });

  it('exports the affected decisions and subjects as CSV, quoting what needs it', () => {
    const scope = impactScope(set, wrong, 'flag');
    const rows = affectedDecisionsCsv(scope).split('\r\n');
    expect(rows[0]).toBe(
      'decision_id,timestamp,subject_id,model,model_version,environment,action,feature,value,feature_version,dataset_version',
    );
    expect(rows[1]).toBe('d-20,2026-10-10T12:00:00Z,u-6,m,1,production,reject,flag,false,v2,features-10');
    expect(rows).toHaveLength(8);
    expect(affectedSubjectsCsv(scope).split('\r\n')[1]).toBe('u-6,1,2026-10-10T12:00:00Z,2026-10-10T12:00:00Z');
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
  });
});
