import { describe, expect, it } from 'vitest';
import { toEvidenceSet } from '../model/evidence-set';
import type { EvidenceRecord, LineageRunEvent } from '../model/records';
import { findSuspects } from './changes';
import { schemaDiff } from './schema-changes';
import { testEvidence } from './test-evidence';
import { traceDecision } from './trace';

const base = testEvidence();

describe('schema changes between dataset versions', () => {
  it('lists fields added, removed and retyped', () => {
    expect(
      schemaDiff(
        [{ name: 'id', type: 'int' }, { name: 'ltv', type: 'int' }, { name: 'old' }],
        [
          { name: 'id', type: 'int' },
          { name: 'ltv', type: 'string' },
          { name: 'new', type: 'date' },
        ],
      ),
    ).toEqual(['retyped ltv: int → string', 'added new (date)', 'removed old']);
  });

  it('ranks a retyped traced field among the suspects, with the field term set', () => {
    // The profile's ltv becomes a string from day 9, the day before the first wrong decision.
    const runs: LineageRunEvent[] = base.runs.map((r) => {
      if (r.job.name !== 'clean') return r;
      const day = Number(r.eventTime.slice(8, 10));
      const fields = [{ name: 'ltv', type: day >= 9 ? 'string' : 'int' }];
      return { ...r, outputs: r.outputs.map((o) => ({ ...o, fields })) };
    });
    const records: EvidenceRecord[] = [...runs, ...base.decisions, ...base.commits, ...base.pullRequests];
    const set = toEvidenceSet(records);
    const wrong = set.decisions.find((d) => d.decisionId === 'd-23')!;
    const { suspects } = findSuspects(set, traceDecision(set, wrong, 'flag'));
    const schema = suspects.find((s) => s.kind === 'schema');
    expect(schema?.id).toBe('clean-9'); // the run that first wrote the new schema
    expect(schema?.schemaDiff).toEqual(['retyped ltv: int → string']);
    expect(schema?.reasons.find((r) => r.term === 'touched field')?.value).toBe(1);
  });
});
