import { describe, expect, it } from 'vitest';
import { importDecisionLog } from '../importers/decision-log-importer';
import type { Decision } from '../model/records';
import { formatTime } from '../time/format-time';
import { recordKeeping } from './record-keeping';

/** Decisions read from decision-log lines (FORMATS.md) by the app's own importer. */
function decisions(lines: ReadonlyArray<object>): Decision[] {
  const result = importDecisionLog(lines.map((l) => JSON.stringify(l)).join('\n'), {
    id: 'a'.repeat(64),
    name: 'decisions.jsonl',
  });
  return result.records.filter((r): r is Decision => r.kind === 'decision');
}

const complete = {
  decision_id: 'x-1',
  timestamp: '2026-03-04T05:06:07Z',
  subject_id: 's-9',
  model: { name: 'm', version: '7.1' },
  output: { label: 'deny' },
  action: 'denied',
  reviewed_by: 'auditor-3',
  features: [{ name: 'f', dataset: { namespace: 'n', name: 'd' }, dataset_version: 'run-5' }],
};
const { version: _dropped, ...modelWithoutVersion } = complete.model;
const { reviewed_by: _reviewer, ...withoutReviewer } = complete;
const incomplete = { ...withoutReviewer, decision_id: 'x-2', model: modelWithoutVersion };

describe('record keeping for one decision', () => {
  it('finds every field in a complete record and cites its line', () => {
    const [d] = decisions([complete]);
    const rows = recordKeeping(d!, (iso) => formatTime(iso, 'UTC'));
    expect(rows.map((r) => r.field)).toEqual([
      'time of use',
      'system and model version',
      'input reference',
      'reference data (dataset versions read)',
      'output',
      'human verifier or override',
    ]);
    expect(rows.every((r) => r.present)).toBe(true);
    expect(rows.every((r) => r.evidence?.line === 1)).toBe(true);
    expect(rows.find((r) => r.field === 'system and model version')?.value).toContain('7.1');
    expect(rows.find((r) => r.field === 'human verifier or override')?.value).toContain('auditor-3');
    expect(rows.every((r) => r.basis.includes('Art. 12'))).toBe(true);
  });

  it('names the missing model version and human reviewer, without a citation', () => {
    const [, d] = decisions([complete, incomplete]);
    const rows = recordKeeping(d!, (iso) => formatTime(iso, 'UTC'));
    const missing = rows.filter((r) => !r.present);
    expect(missing.map((r) => r.field)).toEqual(['system and model version', 'human verifier or override']);
    expect(missing.every((r) => r.evidence === undefined)).toBe(true);
    expect(rows.filter((r) => r.present).every((r) => r.evidence?.line === 2)).toBe(true);
  });
});
