import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { importInput } from '../importers';
import { toEvidenceSet } from '../model/evidence-set';
import type { Decision } from '../model/records';
import { lineageModel } from './lineage-model';
import { traceOnModel } from './trace-query';

// OpenLineage's Hive integration test: a query with CTEs and joins, whose column lineage names dataset-wide inputs
// (columnLineage.dataset: the join keys, filters and sort of the query) beside the columns each output field copies.
const NAME = 'hive_cllComplexQueryCTEJoinsComplete.json';
const text = readFileSync(realFixture('openlineage', 'integration_expected_partial', NAME), 'utf8');
const records = [...importInput({ name: NAME, sha256: NAME, size: text.length, text }).records];
const HIVE = 'hive://localhost:9083';

const decision = (field: string): Decision => ({
  kind: 'decision',
  decisionId: `d-${field}`,
  timestamp: '2024-01-01T00:00:00Z',
  model: { name: 'm' },
  features: [{ name: field, dataset: { namespace: HIVE, name: 'test.xxx' }, field }],
  provenance: { sourceId: 'decisions', line: 1 },
});

describe('dataset-wide dependencies (columnLineage.dataset)', () => {
  it('are upstream fields of every output field: the trace follows the filters, joins and sort', () => {
    const facet = JSON.parse(text).outputs[0].facets.columnLineage;
    const wide = (facet.dataset as Array<{ name: string; field: string }>).map((d) => `${HIVE}:${d.name}#${d.field}`);
    expect(wide.length).toBeGreaterThan(1);
    for (const field of Object.keys(facet.fields)) {
      const d = decision(field);
      const trace = traceOnModel(lineageModel(toEvidenceSet([...records, d])), { decision: d, featureName: field });
      const into = (trace.columns ?? [])
        .filter((c) => c.target === `${HIVE}:test.xxx#${field}`)
        .map((c) => c.source)
        .sort();
      const direct = (facet.fields[field].inputFields as Array<{ name: string; field: string }>).map(
        (f) => `${HIVE}:${f.name}#${f.field}`,
      );
      expect(into).toEqual([...new Set([...direct, ...wide])].sort());
    }
  });
});
