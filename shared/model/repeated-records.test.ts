import { describe, expect, it } from 'vitest';
import { dayDecision } from '../analysis/test-evidence';
import { idFromProvenance } from './place-ids';
import type { AuditEntry, Decision, Provenance } from './records';
import { withoutRepeats, type RepeatedRecord } from './repeated-records';

/** `decision` as another model's log (or another file) wrote it. */
const asModel = (d: Decision, model: string, sourceId: string): Decision => ({
  ...d,
  model: { ...d.model, name: model },
  provenance: { ...d.provenance, sourceId },
});

describe('records read again', () => {
  it("counts two models' decisions numbered alike as different decisions", () => {
    const first = [1, 2, 3].map((n) => asModel(dayDecision(String(n), 1, n, `u-${n}`, false, n), 'churn', 'a.csv'));
    const second = [1, 2, 3].map((n) => asModel(dayDecision(String(n), 1, n, `v-${n}`, true, n), 'credit', 'b.csv'));
    const repeats: RepeatedRecord[] = [];
    const kept = withoutRepeats([...first, ...second], (r) => repeats.push(r));
    expect(kept).toHaveLength(6);
    expect(repeats).toEqual([]);
  });

  it("counts one model's decision read from a second file once, and names where it was read first", () => {
    const d = dayDecision('7', 2, 9, 'u-7', true, 4);
    const again = { ...d, provenance: { sourceId: 'copy.jsonl', line: 12 } };
    const repeats: RepeatedRecord[] = [];
    const kept = withoutRepeats([d, again], (r) => repeats.push(r));
    expect(kept).toEqual([d]);
    expect(repeats).toMatchObject([{ identity: 'm 7', differs: false, counted: false, again: { line: 12 } }]);
  });

  it('knows audit entries without ids of their own by their content across files, and keeps twin lines of one file', () => {
    const entry = (provenance: Provenance, actor = 'ana'): AuditEntry => ({
      kind: 'audit',
      id: idFromProvenance('cloudtrail', provenance),
      timestamp: '2026-10-02T09:00:00Z',
      actor,
      action: 'UpdateTable',
      target: { type: 'table', id: 'features' },
      provenance,
    });
    const log = (sourceId: string) => [
      entry({ sourceId, line: 1 }),
      entry({ sourceId, line: 2 }),
      entry({ sourceId, line: 3 }, 'bo'),
    ];
    const original = log('a'.repeat(64));
    const copy = log('b'.repeat(64));
    const repeats: RepeatedRecord[] = [];
    const kept = withoutRepeats([...original, ...copy], (r) => repeats.push(r));
    // The log's two like lines are two entries; its copy in another file adds none.
    expect(kept).toEqual(original);
    expect(repeats.map((r) => [r.identity, r.counted])).toEqual(copy.map((c) => [c.id, false]));
  });
});
