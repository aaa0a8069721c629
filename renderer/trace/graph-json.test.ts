import { describe, expect, it } from 'vitest';
import { traceDecision } from '../../shared/analysis/trace';
import type { TraceResult } from '../../shared/analysis/types';
import { columnPathAt, splitFieldId } from '../../shared/lineage/column-path';
import {
  browseDownstream,
  browseUpstream,
  lineageAround,
  lineageEntries,
  lineageNodeAt,
} from '../../shared/lineage/lineage-browse';
import { toEvidenceSet } from '../../shared/model/evidence-set';
import { emptySeed, initialExploreState, seedExplore } from './explore-state';
import { graphToJson } from './graph-json';
import { MARQUEZ_NAME, marquezDecision, marquezRecords, marquezSourceName } from './marquez-seed.fixture';
import { downstreamOf, lineageIndex, upstreamOf } from './lineage-index';
import { evidenceTimeRange } from './time-range';
import { buildView } from './view-graph';

// Marquez's food-delivery seed (a real public OpenLineage export): lineage, and no decision log.
const sourceName = marquezSourceName;
/** The keys a reader of the written file sees (undefined values are not written). */
const writtenKeys = (doc: object) => Object.keys(JSON.parse(JSON.stringify(doc)) as object);

describe('graphToJson of a graph browsed without a decision (the Lineage view)', () => {
  const set = toEvidenceSet(marquezRecords);
  const index = lineageIndex(set);
  const asOf = evidenceTimeRange(set).to;
  const iso = new Date(asOf).toISOString();
  // The dataset most of the lineage flows into, browsed as the Lineage view browses it: its walk opened.
  const focusId = index.model.datasetIds.find((id) => id.endsWith('delivery_7_days'))!;
  const focus = lineageNodeAt(index.model, focusId, asOf)!;
  const around = lineageAround(index.model, focus, asOf);
  const shown: TraceResult = {
    decisionId: '',
    featureName: '',
    asOf: iso,
    nodes: [focus],
    edges: [],
    jobs: [],
    gaps: [],
  };
  const seed = {
    upstream: new Set([focusId, ...around.upstream.map((n) => n.id)]),
    downstream: new Set([focusId, ...around.downstream.map((n) => n.id)]),
    fields: new Set<string>(),
  };
  const view = buildView(shown, seedExplore(initialExploreState, seed, emptySeed), {
    upstream: (n) => browseUpstream(index.model, n, asOf),
    downstream: (n) => browseDownstream(index.model, n, asOf),
  });
  const doc = graphToJson(view, { kind: 'browse', focusId, asOf: iso, sourceName });

  it('names the node browsed from and the moment, and no decision, feature or compared moment', () => {
    expect(around.upstream.length).toBeGreaterThan(0);
    expect(writtenKeys(doc)).toEqual(['focus', 'asOf', 'nodes', 'edges']);
    expect(doc.focus).toBe(focusId);
    expect(doc.asOf).toBe(iso);
  });

  it('holds every drawn node and edge, each with the file its evidence is in', () => {
    expect(doc.nodes.map((n) => n.id).sort()).toEqual(view.nodes.map((n) => n.id).sort());
    expect(doc.nodes.map((n) => n.id)).toContain(focusId);
    for (const n of around.upstream) expect(doc.nodes.map((d) => d.id)).toContain(n.id);
    expect(doc.edges.length).toBe(view.edges.length);
    const cited = doc.nodes.filter((n) => n.evidence);
    expect(cited.length).toBeGreaterThan(0);
    for (const n of cited) expect(n.evidence?.source).toBe(MARQUEZ_NAME);
    for (const n of doc.nodes) expect(n.change).toBeUndefined();
  });
});

describe('graphToJson of a graph browsed from a field', () => {
  const set = toEvidenceSet(marquezRecords);
  const index = lineageIndex(set);
  const asOf = evidenceTimeRange(set).to;
  const iso = new Date(asOf).toISOString();
  // A field the events give column lineage to, found in the fixture, not named here.
  const path = lineageEntries(index.model)
    .filter((e) => e.kind === 'field')
    .map((e) => columnPathAt(index.model, e.id, asOf))
    .find((p) => p.upstream.length > 0)!;

  it('names the field and its column edges beside the dataset it lies in', () => {
    expect(path).toBeDefined();
    const focusId = splitFieldId(path.field)!.datasetId;
    const view = buildView(
      {
        decisionId: '',
        featureName: '',
        asOf: iso,
        nodes: [lineageNodeAt(index.model, focusId, asOf)!],
        edges: [],
        jobs: [],
        gaps: [],
      },
      initialExploreState,
      {
        upstream: (n) => browseUpstream(index.model, n, asOf),
        downstream: (n) => browseDownstream(index.model, n, asOf),
      },
    );
    const doc = graphToJson(view, { kind: 'browse', focusId, columnPath: path, asOf: iso, sourceName });
    expect(writtenKeys(doc)).toEqual(['focus', 'field', 'columnEdges', 'asOf', 'nodes', 'edges']);
    expect(doc.field).toBe(path.field);
    expect(doc.columnEdges).toEqual(path.edges.map((e) => ({ source: e.source, target: e.target })));
    expect(doc.columnEdges?.some((e) => e.target === path.field)).toBe(true);
  });
});

describe('graphToJson of a decision’s traced graph (the Trace step)', () => {
  const decision = marquezDecision;
  const set = toEvidenceSet([...marquezRecords, decision]);
  const index = lineageIndex(set);
  const asOf = Date.parse(decision.timestamp);
  const trace = traceDecision(set, decision, 'customer_email');
  const view = buildView(trace, initialExploreState, {
    upstream: (n) => upstreamOf(index, n, asOf),
    downstream: (n) => downstreamOf(index, n, asOf),
  });

  it('names the decision, its feature and the moment, as before', () => {
    const doc = graphToJson(view, {
      kind: 'trace',
      decisionId: decision.decisionId,
      featureName: 'customer_email',
      asOf: decision.timestamp,
      decisionTime: decision.timestamp,
      sourceName,
    });
    expect(writtenKeys(doc)).toEqual(['decision', 'feature', 'asOf', 'nodes', 'edges']);
    expect(doc).toMatchObject({ decision: 'd-1', feature: 'customer_email', asOf: decision.timestamp });
    expect(doc.nodes.length).toBe(view.nodes.length);
  });
});
