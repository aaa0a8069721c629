import { describe, expect, it } from 'vitest';
import { testEvidence } from '../analysis/test-evidence';
import type { Case } from '../case/case-types';
import type { EvidenceSet } from '../model/evidence-set';
import { computeMetrics } from './metrics';
import { weeklySeries, weekStart } from './weeks';

const base = testEvidence();
/** Two decisions lose their serving-layer link: their dataset version is not recorded. */
const opaque = new Set(['d-3', 'd-4']);
const set: EvidenceSet = {
  ...base,
  decisions: base.decisions.map((d) =>
    opaque.has(d.decisionId) ? { ...d, features: d.features.map(({ datasetVersion: _v, ...f }) => f) } : d,
  ),
};
const open = (id: string, openedAt: string, confirmedAt?: string): Case => ({
  id,
  title: id,
  severity: 'high',
  status: confirmedAt ? 'root-cause-confirmed' : 'open',
  owner: 'maria',
  openedAt,
  decisionIds: [],
  steps: [],
  preventiveActions: [],
  annotations: [],
  pinnedEvidence: [],
  ...(confirmedAt && { rootCause: { statement: 's', changeIds: [], author: 'maria', confirmedAt } }),
});

describe('the lineage-maturity metrics', () => {
  const metrics = computeMetrics(set, [
    open('c-1', '2026-10-12T09:00:00Z', '2026-10-12T11:00:00Z'),
    open('c-2', '2026-10-13T09:00:00Z', '2026-10-13T15:00:00Z'),
    open('c-3', '2026-10-14T09:00:00Z'),
  ]);
  const byId = Object.fromEntries(metrics.map((m) => [m.id, m]));

  it('measures time-to-root-cause per case and its median; open cases count against it', () => {
    const m = byId['time-to-root-cause']!;
    expect(m.value).toBe(4); // median of 2 h and 6 h
    expect(m.drillDown.ids).toEqual(['c-3']);
    expect(m.details.perCase).toEqual([
      { id: 'c-1', hours: 2, confirmedAt: '2026-10-12T11:00:00Z' },
      { id: 'c-2', hours: 6, confirmedAt: '2026-10-13T15:00:00Z' },
      { id: 'c-3', hours: null, confirmedAt: undefined },
    ]);
  });

  it('counts inputs without a serving-layer link against audit completeness and traceability coverage', () => {
    const inputs = set.decisions.reduce((n, d) => n + d.features.length, 0);
    const opaqueInputs = set.decisions
      .filter((d) => opaque.has(d.decisionId))
      .reduce((n, d) => n + d.features.length, 0);
    for (const id of ['audit-completeness', 'traceability-coverage']) {
      const m = byId[id]!;
      expect(m.drillDown.ids).toEqual(expect.arrayContaining([...opaque]));
      expect(m.value).toBeLessThanOrEqual(Math.round(((inputs - opaqueInputs) / inputs) * 10_000) / 10_000);
    }
    const stages = byId['audit-completeness']!.details.byStage as Record<string, number>;
    expect(stages.serving).toBe(Math.round(((inputs - opaqueInputs) / inputs) * 10_000) / 10_000);
  });

  it('counts UI edits of pipeline configuration per week, with their ids', () => {
    const m = byId['unauthorized-change-rate']!;
    const ui = set.audit.filter((a) => a.channel === 'ui' || a.channel === 'api').map((a) => a.id);
    expect(m.drillDown.ids).toEqual(expect.arrayContaining(ui));
    expect(m.trend.reduce((n, p) => n + (p.value ?? 0), 0)).toBe(m.drillDown.total);
    expect(m.value).toBe(Math.round((m.drillDown.total / m.trend.length) * 10_000) / 10_000);
  });

  it('drills down to each record with why it counts and where it was read', () => {
    for (const m of metrics) expect(m.drillDown.items.map((i) => i.id)).toEqual(m.drillDown.ids);
    const completeness = byId['audit-completeness']!.drillDown.items.filter((i) => opaque.has(i.id));
    expect(completeness).toHaveLength(opaque.size);
    for (const item of completeness) {
      const decision = set.decisions.find((d) => d.decisionId === item.id)!;
      expect(item.tags).toContain('serving');
      expect(item.evidence).toEqual(decision.provenance);
      for (const f of decision.features) expect(item.reason).toContain(f.name);
    }
    const unauthorized = byId['unauthorized-change-rate']!.drillDown.items;
    for (const item of unauthorized.filter((i) => i.kind === 'audit')) {
      const entry = set.audit.find((a) => a.id === item.id)!;
      expect(item.evidence).toEqual(entry.provenance);
      expect(item.reason).toContain(entry.actor);
    }
    expect(byId['time-to-root-cause']!.drillDown.items).toEqual([
      expect.objectContaining({ id: 'c-3', kind: 'case', time: '2026-10-14T09:00:00Z' }),
    ]);
  });

  it('keeps as many drill-down records as asked, and counts them all', () => {
    const one = computeMetrics(set, [], { drillDownLimit: 1 });
    const unauthorized = one.find((m) => m.id === 'unauthorized-change-rate')!;
    expect(unauthorized.drillDown.items).toHaveLength(1);
    expect(unauthorized.drillDown.total).toBe(byId['unauthorized-change-rate']!.drillDown.total);
  });

  it('weeks start on Monday 00:00 UTC', () => {
    expect(new Date(weekStart(Date.parse('2026-10-14T09:00:00Z'))).toISOString()).toBe('2026-10-12T00:00:00.000Z');
    expect(new Date(weekStart(Date.parse('2026-10-12T00:00:00Z'))).toISOString()).toBe('2026-10-12T00:00:00.000Z');
  });

  it('spans half a million samples without overflowing the call stack', () => {
    const start = Date.parse('2026-10-12T00:00:00Z');
    const samples = Array.from({ length: 500_000 }, (_, i) => ({ time: start + (i % 21) * 86_400_000, item: 1 }));
    const trend = weeklySeries(samples, (items) => items.length);
    expect(trend.map((p) => p.start)).toEqual([
      '2026-10-12T00:00:00.000Z',
      '2026-10-19T00:00:00.000Z',
      '2026-10-26T00:00:00.000Z',
    ]);
    expect(trend.reduce((n, p) => n + (p.value ?? 0), 0)).toBe(500_000);
  });
});
