/**
 * Marquez's food-delivery seed (a real public OpenLineage export: 13 runs, a three-level DAG with column lineage), as
 * the trace's tests import it, and a decision that read its delivery_7_days table one hour after the seed ran.
 */
/* eslint-disable no-restricted-imports -- Node-side unit tests read real public fixtures from disk */
import { readFileSync } from 'node:fs';
import { realFixture } from '../../fixtures/real-fixtures';
import { importInput } from '../../shared/importers';
import type { Decision, EvidenceRecord } from '../../shared/model/records';

export const MARQUEZ_NAME = 'marquez_docker_metadata.json';
const text = readFileSync(realFixture('openlineage', MARQUEZ_NAME), 'utf8');

/** The seed's records, imported as one source whose id is `marquez`. */
export const marquezRecords: ReadonlyArray<EvidenceRecord> = importInput({
  name: MARQUEZ_NAME,
  sha256: 'marquez',
  size: text.length,
  text,
}).records;

/** The source's file name by id, as the app's views name it. */
export const marquezSourceName = (id: string) => (id === 'marquez' ? MARQUEZ_NAME : id);

/** A decision whose feature `customer_email` read public.delivery_7_days at 23:50, after the seed ran. */
export const marquezDecision: Decision = {
  kind: 'decision',
  decisionId: 'd-1',
  timestamp: '2020-02-22T23:50:00Z',
  model: { name: 'eta' },
  features: [
    {
      name: 'customer_email',
      dataset: { namespace: 'food_delivery', name: 'public.delivery_7_days' },
      field: 'customer_email',
    },
  ],
  provenance: { sourceId: 'decisions', line: 1 },
};
