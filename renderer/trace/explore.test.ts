import { describe, expect, it } from 'vitest';
import { traceDecision } from '../../shared/analysis/trace';
import { toEvidenceSet } from '../../shared/model/evidence-set';
import { columnView } from './column-fields';
import { initialExploreState, openGroup, setDownstream, setFieldsShown, setUpstream } from './explore-state';
import { graphToJson } from './graph-json';
import { MARQUEZ_NAME, marquezDecision, marquezRecords, marquezSourceName } from './marquez-seed.fixture';
import { downstreamOf, lineageIndex, upstreamOf } from './lineage-index';
import { syntheticTrace } from './synthetic-trace';
import { buildView, type ViewLineageNode } from './view-graph';

// Marquez's food-delivery seed and a decision that read it (marquez-seed.fixture.ts).
const decision = marquezDecision;
const set = toEvidenceSet([...marquezRecords, decision]);
const trace = traceDecision(set, decision, 'customer_email');
const index = lineageIndex(set);
const asOf = Date.parse(decision.timestamp);
const neighbours = {
  upstream: (n: never) => upstreamOf(index, n, asOf),
  downstream: (n: never) => downstreamOf(index, n, asOf),
};
const ids = (view: ReturnType<typeof buildView>) => view.nodes.map((n) => n.id).sort();
const JOB = 'food_delivery:etl_delivery_7_days';

describe('buildView on a real OpenLineage export', () => {
  it('shows the whole trace at first, the traced path marked, upstream shown where there is one', () => {
    const view = buildView(trace, initialExploreState, neighbours);
    expect(ids(view)).toEqual(trace.nodes.map((n) => n.id).sort());
    expect(ids(view)).toContain('food_delivery:public.orders_7_days');
    const job = view.nodes.find((n) => n.id === JOB) as ViewLineageNode;
    expect(job).toMatchObject({ traced: true, upstream: 'shown' });
    expect(view.edges.every((e) => e.traced)).toBe(true);
  });

  it('collapsing a job hides what only it reads; expanding brings it back', () => {
    const collapsed = buildView(trace, setUpstream(initialExploreState, JOB, false), neighbours);
    expect(ids(collapsed)).toContain(JOB);
    expect(ids(collapsed)).not.toContain('food_delivery:public.orders_7_days');
    expect(ids(collapsed)).not.toContain('food_delivery:etl_orders_7_days');
    expect((collapsed.nodes.find((n) => n.id === JOB) as ViewLineageNode).upstream).toBe('hidden');
    const again = buildView(trace, setUpstream(setUpstream(initialExploreState, JOB, false), JOB, true), neighbours);
    expect(ids(again)).toEqual(ids(buildView(trace, initialExploreState, neighbours)));
  });

  it('a node drawn alone with its upstream expanded (the Lineage view) collapses and expands again', () => {
    const dataset = 'food_delivery:public.delivery_7_days';
    const alone = { ...trace, nodes: trace.nodes.filter((n) => n.id === dataset), edges: [] };
    const upstreamOfIt = (state: typeof initialExploreState) =>
      (buildView(alone, state, neighbours).nodes.find((n) => n.id === dataset) as ViewLineageNode).upstream;
    const open = setUpstream(initialExploreState, dataset, true);
    expect(upstreamOfIt(open)).toBe('shown');
    expect(ids(buildView(alone, open, neighbours))).toContain(JOB);
    const closed = setUpstream(open, dataset, false);
    expect(ids(buildView(alone, closed, neighbours))).toEqual([dataset]);
    // Collapsed, its upstream is still there to expand again.
    expect(upstreamOfIt(closed)).toBe('hidden');
    expect(ids(buildView(alone, setUpstream(closed, dataset, true), neighbours))).toEqual(
      ids(buildView(alone, open, neighbours)),
    );
  });

  it('expanding downstream adds the consumers the evidence records, as context off the traced path', () => {
    const dataset = 'food_delivery:public.delivery_7_days';
    const before = buildView(trace, initialExploreState, neighbours);
    expect((before.nodes.find((n) => n.id === dataset) as ViewLineageNode).downstream).toBe('hidden');
    let state = setDownstream(initialExploreState, dataset, true);
    state = setDownstream(state, 'food_delivery:delivery_times_7_days', true);
    const view = buildView(trace, state, neighbours);
    expect(ids(view)).toContain('food_delivery:delivery_times_7_days');
    expect(ids(view)).toContain('food_delivery:public.top_delivery_times');
    expect(ids(view)).toContain('food_delivery:public.discounts');
    const consumer = view.nodes.find((n) => n.id === 'food_delivery:delivery_times_7_days') as ViewLineageNode;
    expect(consumer.traced).toBe(false);
    expect(view.edges.find((e) => e.source === dataset && e.target === consumer.id)?.traced).toBe(false);
  });

  it('draws fields inside opened datasets and the column edges between them', () => {
    const shown = new Set(['food_delivery:public.delivery_7_days', 'food_delivery:public.orders_7_days']);
    const view = buildView(trace, initialExploreState, neighbours);
    const visible = new Map(view.nodes.flatMap((n) => (n.type === 'lineage' ? [[n.id, n.node] as const] : [])));
    const columns = columnView(index, trace, visible, shown);
    const target = columns.fields.get('food_delivery:public.delivery_7_days')!.map((f) => f.name);
    expect(target).toContain('customer_email');
    expect(columns.fields.get('food_delivery:public.orders_7_days')!.length).toBeGreaterThan(0);
    const fromOrders = columns.edges.filter((e) => e.source === 'food_delivery:public.orders_7_days');
    expect(fromOrders.length).toBeGreaterThan(0);
    for (const e of columns.edges) expect(visible.has(e.source)).toBe(true);
    expect(setFieldsShown(initialExploreState, 'x', true).fieldsShown.has('x')).toBe(true);
  });

  it('exports nodes with versions and the file and line of their evidence', () => {
    const view = buildView(trace, initialExploreState, neighbours);
    const doc = graphToJson(view, {
      kind: 'trace',
      decisionId: 'd-1',
      featureName: 'customer_email',
      asOf: decision.timestamp,
      decisionTime: decision.timestamp,
      sourceName: marquezSourceName,
    });
    const job = doc.nodes.find((n) => n.id === JOB)!;
    expect(job.kind).toBe('job');
    expect(job.evidence).toMatchObject({ source: MARQUEZ_NAME, sourceId: 'marquez' });
    expect(doc.edges.length).toBe(view.edges.length);
    expect(doc.comparedWith).toBeUndefined();
  });
});

describe('grouping past 50 neighbours', () => {
  // A job reading 60 datasets: the generated trace's shape is irrelevant here, only the count.
  const base = syntheticTrace(3);
  const wide = {
    ...base,
    nodes: [
      ...base.nodes,
      { id: 'j', kind: 'job' as const, label: 'j', depth: 3, details: {} },
      ...Array.from({ length: 60 }, (_, i) => ({
        id: `in${i}`,
        kind: 'dataset' as const,
        label: `in${String(i).padStart(2, '0')}`,
        depth: 4,
        details: {},
      })),
    ],
    edges: [
      ...base.edges,
      { id: 'j->bench:dataset_0_0', source: 'j', target: 'bench:dataset_0_0', kind: 'produced' as const },
      ...Array.from({ length: 60 }, (_, i) => ({
        id: `in${i}->j`,
        source: `in${i}`,
        target: 'j',
        kind: 'input-of' as const,
      })),
    ],
  };
  const none = { upstream: () => [], downstream: () => [] };

  it('shows 50 and one supernode for the other 10; opening it shows all 60', () => {
    const view = buildView(wide, initialExploreState, none);
    const group = view.nodes.find((n) => n.type === 'supernode');
    expect(group && group.type === 'supernode' && group.members.length).toBe(10);
    expect(view.nodes.filter((n) => n.id.startsWith('in')).length).toBe(50);
    expect(view.edges.some((e) => e.source === group!.id && e.target === 'j')).toBe(true);
    const open = buildView(wide, openGroup(initialExploreState, group!.id), none);
    expect(open.nodes.filter((n) => n.id.startsWith('in')).length).toBe(60);
    expect(open.nodes.some((n) => n.type === 'supernode')).toBe(false);
  });
});
