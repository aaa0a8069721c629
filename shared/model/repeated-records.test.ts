import { describe, expect, it } from 'vitest';
import { dayDecision } from '../analysis/test-evidence';
import type { Decision } from './records';
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
});
