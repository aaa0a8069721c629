/* eslint-disable no-restricted-imports -- a Node-side unit test reads real public fixtures from disk */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { importInput } from '../../shared/importers';
import { toEvidenceSet } from '../../shared/model/evidence-set';
import type { TraceNode } from '../../shared/analysis/types';
import { lineageIndex } from './lineage-index';
import { DECLARED, versionTimeline } from './versions';

// Marquez's seed as its template: every eventTime is `{{…}}`, so its datasets are declared, never observed.
const NAME = 'marquez_docker_metadata.template.json';
const text = readFileSync(realFixture('openlineage', NAME), 'utf8');
const set = toEvidenceSet([...importInput({ name: NAME, sha256: 'template', size: text.length, text }).records]);
const index = lineageIndex(set);
const node = { id: 'food_delivery:public.delivery_7_days', kind: 'dataset' } as TraceNode;

describe('the versions timeline of a declared dataset', () => {
  it('lists the declared version, marked active at any moment (no run ever replaced it)', () => {
    const timeline = versionTimeline(set, index, node, Date.parse('2020-02-23T00:00:00Z'));
    expect(timeline).toHaveLength(1);
    expect(timeline[0]?.from).toBe(DECLARED);
    expect(timeline[0]?.active).toBe(true);
    expect(timeline[0]?.evidence.sourceId).toBe('template');
  });
});
