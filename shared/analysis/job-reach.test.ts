import { describe, expect, it } from 'vitest';
import { toEvidenceSet } from '../model/evidence-set';
import type { LineageRunEvent } from '../model/records';
import { jobReach } from './job-reach';
import type { TraceResult } from './types';

const job = { namespace: 'scheduler', name: 'stg_orders' };
const out = { namespace: 'wh', name: 'staging.stg_orders', facets: {} };
let line = 0;
const event = (runId: string, eventType: string, eventTime: string): LineageRunEvent => ({
  kind: 'lineage-run',
  eventType,
  eventTime,
  runId,
  job,
  inputs: [],
  outputs: eventType === 'COMPLETE' ? [out] : [],
  provenance: { sourceId: 'events.ndjson', line: ++line },
});
const trace = {
  nodes: [{ id: 'wh:staging.stg_orders' }, { id: 'scheduler:stg_orders' }],
} as unknown as TraceResult;
const ms = (iso: string) => Date.parse(iso);

describe('when a change of a job reached the data', () => {
  // A daily job; a deployment at 16:51 lands while the afternoon run (started 16:50) is under way.
  const set = toEvidenceSet([
    event('r1', 'START', '2025-04-30T04:49:00Z'),
    event('r1', 'COMPLETE', '2025-04-30T04:57:25Z'),
    event('r2', 'START', '2025-04-30T16:50:00Z'),
    event('r2', 'COMPLETE', '2025-04-30T17:12:00Z'),
    event('r3', 'START', '2025-05-01T04:49:00Z'),
    event('r3', 'COMPLETE', '2025-05-01T05:06:52Z'),
    // A run its producer reported only on completion.
    event('r4', 'COMPLETE', '2025-05-02T05:00:00Z'),
  ]);
  const reach = jobReach(set, trace);
  const id = 'scheduler:stg_orders';

  it('is the next run that started after the change: a run under way kept the code it started with', () => {
    expect(reach(id, ms('2025-04-30T16:51:00Z'))).toBe(ms('2025-05-01T05:06:52Z'));
  });

  it('is the run itself when the change came before it started', () => {
    expect(reach(id, ms('2025-04-30T16:00:00Z'))).toBe(ms('2025-04-30T17:12:00Z'));
  });

  it('takes a run known only by its completion as starting then', () => {
    expect(reach(id, ms('2025-05-01T12:00:00Z'))).toBe(ms('2025-05-02T05:00:00Z'));
    expect(reach(id, ms('2025-05-03T00:00:00Z'))).toBeUndefined();
  });
});
