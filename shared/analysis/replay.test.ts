import { describe, expect, it } from 'vitest';
import { toEvidenceSet } from '../model/evidence-set';
import type { EvidenceRecord, LineageRunEvent } from '../model/records';
import { planReplay } from './replay';
import { testEvidence } from './test-evidence';
import { traceDecision } from './trace';

const set = testEvidence();
const wrong = set.decisions.find((d) => d.decisionId === 'd-23')!;

describe('the replay plan', () => {
  it('re-runs the changed job over the window, in the original order, reading the trace’s sources', () => {
    const trace = traceDecision(set, wrong, 'flag');
    const plan = planReplay(
      set,
      trace,
      { touches: ['p:features'], effectiveTime: '2026-10-09T00:00:00Z' },
      '2026-10-12T12:00:00Z',
    );
    expect(plan.sources).toEqual(['src:events']);
    expect(plan.jobs).toEqual(['p:features']);
    expect(plan.runs.map((r) => r.runId)).toEqual(['features-9', 'features-10', 'features-11', 'features-12']);
    expect(plan.hazards).toEqual([]);
  });

  it('names the datasets that received newer writes after the window as the hazard', () => {
    const trace = traceDecision(set, wrong, 'flag');
    const plan = planReplay(
      set,
      trace,
      { touches: ['p:clean'], effectiveTime: '2026-10-07T00:00:00Z' },
      '2026-10-10T12:00:00Z',
    );
    expect(plan.jobs).toEqual(['p:clean', 'p:features']);
    expect(plan.runs[0]?.runId).toBe('clean-7');
    expect(plan.hazards.map((h) => [h.dataset, h.writes])).toEqual([
      ['wh:features', 2],
      ['wh:profile', 2],
    ]);
    expect(plan.hazards[0]?.text).toMatch(/would overwrite them with older data/);
    expect(plan.hazards[0]?.text).toContain('wh:features received 2 newer writes after');
  });

  it('names a downstream dataset a replay would overwrite too', () => {
    const extra: LineageRunEvent = {
      kind: 'lineage-run',
      eventType: 'COMPLETE',
      eventTime: '2026-10-11T05:00:00Z',
      runId: 'export-11',
      job: { namespace: 'p', name: 'export' },
      inputs: [{ namespace: 'wh', name: 'features' }],
      outputs: [{ namespace: 'crm', name: 'audiences' }],
      provenance: { sourceId: 'replay', line: 1 },
    };
    const records: EvidenceRecord[] = [...set.runs, ...set.decisions, extra];
    const withExport = toEvidenceSet(records);
    const trace = traceDecision(
      withExport,
      withExport.decisions.find((d) => d.decisionId === 'd-23')!,
      'flag',
    );
    const plan = planReplay(
      withExport,
      trace,
      { touches: ['p:features'], effectiveTime: '2026-10-09T00:00:00Z' },
      '2026-10-10T12:00:00Z',
    );
    expect(plan.hazards.map((h) => h.dataset)).toEqual(['crm:audiences', 'wh:features']);
  });
});
