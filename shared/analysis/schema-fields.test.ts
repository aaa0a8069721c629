import { describe, expect, it } from 'vitest';
import { toEvidenceSet } from '../model/evidence-set';
import type { EvidenceRecord, LineageRunEvent } from '../model/records';
import { findSuspects } from './changes';
import { jobSchemaFields } from './schema-fields';
import { SHA, testEvidence } from './test-evidence';
import { traceDecision } from './trace';

// The test world without field-level lineage: the runs only record the schemas of what they wrote.
const base = testEvidence();
const runs: LineageRunEvent[] = base.runs.map((r) => ({
  ...r,
  outputs: r.outputs.map(({ columnLineage: _dropped, ...o }) => ({
    ...o,
    fields: r.job.name === 'features' ? [{ name: 'flag' }] : [{ name: 'ltv' }, { name: 'segment' }],
  })),
}));
const records: EvidenceRecord[] = [
  ...base.commits,
  ...base.pullRequests,
  ...base.deployments,
  ...runs,
  ...base.decisions,
];
const set = toEvidenceSet(records);
const wrong = set.decisions.find((d) => d.decisionId === 'd-23')!;
// The upstream job (it cleans the profiles the feature reads): nothing names which of its fields reach the feature.
const upstream = traceDecision(set, wrong, 'flag').jobs.find((j) => j.id.endsWith('clean'))?.id ?? 'not traced';

/** The touched-field term of the commit that changed the upstream job, when its diff is `diff`. */
function touchedField(diff: string) {
  const { suspects } = findSuspects(set, traceDecision(set, wrong, 'flag'), {
    diffOf: (commit, path) => (commit === SHA.transform && path === 'transform/clean.sql' ? diff : undefined),
  });
  return suspects.find((s) => s.id === SHA.transform)?.reasons.find((r) => r.term === 'touched field');
}

describe("a changed line naming a field of the job's data, without field-level lineage", () => {
  it("lists the fields the job's runs recorded in their schemas", () => {
    expect([...jobSchemaFields(set, upstream)].sort()).toEqual(['ltv', 'segment']);
  });

  it('counts more than an unknown when the changed lines compute a field of the data', () => {
    const computes = touchedField('-  coalesce(ltv, 0) as ltv\n+  nullif(ltv, 0) as ltv');
    const runs = touchedField('-  retries: 3\n+  retries: 5');
    expect(computes?.value).toBeGreaterThan(runs?.value ?? 1);
    expect(computes?.note).toContain('name fields of the data');
    expect(runs?.note).toContain('unknown');
  });
});
