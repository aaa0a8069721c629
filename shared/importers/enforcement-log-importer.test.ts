import { describe, expect, it } from 'vitest';
import { importEnforcementLog } from './enforcement-log-importer';

const source = { id: 'enf-sha', name: 'enforcement.jsonl' };
const entry = {
  id: 'e-1',
  timestamp: '2026-11-18T11:05:00Z',
  event_id: 'evt-991',
  source: 'web',
  rule: 'tracking_plan:checkout',
  rule_version: 12,
  outcome: 'passed',
  violations: [],
  environment: 'production',
};

describe('enforcement log importer', () => {
  it('maps the FORMATS.md example with the rule version as text', () => {
    const result = importEnforcementLog(JSON.stringify(entry), source);
    expect(result.records).toEqual([
      {
        kind: 'enforcement',
        id: 'e-1',
        timestamp: '2026-11-18T11:05:00.000Z',
        eventId: 'evt-991',
        source: 'web',
        rule: 'tracking_plan:checkout',
        ruleVersion: '12',
        outcome: 'passed',
        violations: [],
        environment: 'production',
        provenance: { sourceId: 'enf-sha', line: 1 },
      },
    ]);
  });

  it('rejects violations that are not a list, and warns on an unknown outcome', () => {
    const text = [
      JSON.stringify({ ...entry, violations: 'missing property' }),
      JSON.stringify({ ...entry, id: 'e-2', outcome: 'blocked' }),
    ].join('\n');
    const result = importEnforcementLog(text, source);
    expect(result.rejections[0]).toMatchObject({
      line: 1,
      reason: 'field "violations" must be an array, got a string',
    });
    expect(result.warnings[0]).toMatchObject({ line: 2, message: expect.stringContaining('outcome "blocked"') });
  });
});
