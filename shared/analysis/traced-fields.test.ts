import { describe, expect, it } from 'vitest';
import { toEvidenceSet } from '../model/evidence-set';
import type { Decision, EvidenceRecord, LineageRunEvent } from '../model/records';
import type { OnsetEstimate } from './engine-types';
import { suspectContext } from './suspect-context';
import { traceDecision } from './trace';

const at = (day: number) => `2026-06-${String(day).padStart(2, '0')}T02:00:00Z`;
const prov = (line: number) => ({ sourceId: 'lineage', line });

/** A run of `job` on `day` writing `output`, whose field `field` is computed from `from` (`dataset#field`). */
function run(job: string, day: number, input: string, output: string, field: string, from: string): LineageRunEvent {
  const [dataset, inputField] = from.split('#') as [string, string];
  return {
    kind: 'lineage-run',
    eventType: 'COMPLETE',
    eventTime: at(day),
    runId: `${job}-${day}`,
    job: { namespace: 'p', name: job },
    inputs: [{ namespace: 'wh', name: input }],
    outputs: [
      {
        namespace: 'wh',
        name: output,
        columnLineage: [{ field, inputFields: [{ namespace: 'wh', name: dataset, field: inputField }] }],
      },
    ],
    provenance: prov(day),
  };
}

const decision = (id: string, day: number): Decision => ({
  kind: 'decision',
  decisionId: id,
  timestamp: `2026-06-${String(day).padStart(2, '0')}T12:00:00Z`,
  model: { name: 'm' },
  action: 'reject',
  features: [{ name: 'score', dataset: { namespace: 'wh', name: 'features' }, field: 'score' }],
  provenance: { sourceId: 'decisions', line: day },
});

describe('the traced fields a change can touch', () => {
  it('are those of the lineage as of the decision and as of the last good data: a renamed field under both names', () => {
    const good = decision('d-good', 3);
    const investigated = decision('d-bad', 7);
    const records: EvidenceRecord[] = [
      // The staging job wrote customer_id until day 5, when it was renamed user_id; the feature job followed.
      run('stage', 1, 'raw', 'stg', 'customer_id', 'raw#cid'),
      run('features', 2, 'stg', 'features', 'score', 'stg#customer_id'),
      run('stage', 5, 'raw', 'stg', 'user_id', 'raw#cid'),
      run('features', 6, 'stg', 'features', 'score', 'stg#user_id'),
      good,
      investigated,
    ];
    const set = toEvidenceSet(records);
    const trace = traceDecision(set, investigated, 'score');
    const onset = {
      featureName: 'score',
      outcome: 'reject',
      method: 'override',
      seriesBy: 'day',
      series: [],
      onset: at(6),
      lastGood: { decisionId: good.decisionId, timestamp: good.timestamp },
      note: 'set by the investigator',
    } as OnsetEstimate;
    const ctx = suspectContext(set, trace, onset, investigated, {});
    expect(ctx.fieldsOf('p:stage')).toEqual(expect.arrayContaining(['customer_id', 'user_id', 'cid']));
    expect(ctx.fieldsOf('p:features')).toEqual(expect.arrayContaining(['score', 'customer_id', 'user_id']));
  });
});
