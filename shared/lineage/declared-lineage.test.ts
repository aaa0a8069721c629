import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { importInput } from '../importers';
import { toEvidenceSet } from '../model/evidence-set';
import type { Decision, EvidenceRecord } from '../model/records';
import { isGap } from './card-types';
import { lineageCard } from './lineage-card';
import { lineageModel } from './lineage-model';
import { downstreamAt, upstreamAt } from './neighbours';
import { traceOnModel } from './trace-query';

// Marquez's food-delivery seed as a real export (times) and as its template (every eventTime `{{…}}`).
const REAL = 'marquez_docker_metadata.json';
const TEMPLATE = 'marquez_docker_metadata.template.json';
const records = (name: string): EvidenceRecord[] => {
  const text = readFileSync(realFixture('openlineage', name), 'utf8');
  return [...importInput({ name, sha256: name, size: text.length, text }).records];
};
const decision: Decision = {
  kind: 'decision',
  decisionId: 'd-1',
  timestamp: '2020-02-23T00:00:00Z',
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
const traceOf = (recs: EvidenceRecord[], asOf?: string) =>
  traceOnModel(lineageModel(toEvidenceSet([...recs, decision])), { decision, featureName: 'customer_email', asOf });
const ofKind = (t: ReturnType<typeof traceOf>, ...kinds: string[]) =>
  t.nodes
    .filter((n) => kinds.includes(n.kind))
    .map((n) => n.id)
    .sort();
const columnIds = (t: ReturnType<typeof traceOf>) => (t.columns ?? []).map((c) => c.id).sort();

const real = traceOf(records(REAL));
const template = traceOf(records(TEMPLATE));

describe('static OpenLineage jobs and datasets as declared lineage', () => {
  it('the template traces to the same datasets and column edges as the real export, and the same jobs at the same code', () => {
    expect(template.nodes.length).toBeGreaterThan(3);
    expect(ofKind(template, 'dataset', 'source')).toEqual(ofKind(real, 'dataset', 'source'));
    expect(columnIds(template)).toEqual(columnIds(real));
    expect(columnIds(template)).toContain(
      'food_delivery:public.customers#email->food_delivery:public.delivery_7_days#customer_email',
    );
    // Every job of the real trace, at the same code version (a hash of the same SQL).
    const versions = (t: ReturnType<typeof traceOf>) =>
      new Map(t.nodes.filter((n) => n.kind === 'job').map((n) => [n.id, n.version] as const));
    const declared = versions(template);
    for (const [id, version] of versions(real)) expect(declared.get(id)).toBe(version);
  });

  it('without times, the writers of what the real export read before they ran are declared upstream too', () => {
    // In the real export etl_orders_7_days finished (22:44:02) before etl_categories, etl_menus, etl_menu_items and
    // etl_orders wrote their tables: there they are sources. The template has no times to order them by.
    const sources = ofKind(real, 'source');
    expect(sources).toEqual(['categories', 'menu_items', 'menus', 'orders'].map((t) => `food_delivery:public.${t}`));
    expect(ofKind(template, 'source')).toEqual([]);
    const extra = ofKind(template, 'job').filter((id) => !ofKind(real, 'job').includes(id));
    const writers = template.edges.filter((e) => e.kind === 'produced' && sources.includes(e.target));
    expect(extra).toEqual(writers.map((e) => e.source).sort());
    expect(extra).toHaveLength(4);
  });

  it("cites the template's events by JSON pointer and says the lineage is declared, not observed", () => {
    const writer = template.nodes.find((n) => n.id === 'food_delivery:etl_delivery_7_days');
    expect(writer?.evidence?.sourceId).toBe(TEMPLATE);
    expect(writer?.evidence?.pointer).toMatch(/^\/\d+$/);
    expect(writer?.details.lineage).toMatch(/declared .* not observed/);
    for (const e of [...template.edges, ...(template.columns ?? [])]) {
      if (e.kind === 'read') continue;
      expect(e.evidence?.sourceId).toBe(TEMPLATE);
      expect(e.evidence?.pointer).toMatch(/^\/\d+$/);
    }
    expect(template.gaps.some((g) => /^Declared, not observed: food_delivery:public.delivery_7_days/.test(g))).toBe(
      true,
    );
    expect(real.gaps.some((g) => /Declared/.test(g))).toBe(false);
  });

  it('the lineage card names the writer as declared and its version as not observed at inference time', () => {
    const set = toEvidenceSet([...records(TEMPLATE), decision]);
    const card = lineageCard(set, decision, 'customer_email');
    const transformation = card.answers.transformation;
    expect(isGap(transformation)).toBe(false);
    if (!isGap(transformation)) {
      expect(transformation.value.job).toBe('food_delivery:etl_delivery_7_days');
      expect(transformation.text).toMatch(/declared .* not observed in a run/);
    }
    expect(card.gaps.some((g) => /Declared, not observed/.test(g.explanation))).toBe(true);
  });

  it('run-observed versions win over declared ones from the first run on', () => {
    const both = lineageModel(toEvidenceSet([...records(TEMPLATE), ...records(REAL), decision]));
    const id = 'food_delivery:public.delivery_7_days';
    const [declared, observed] = both.versionsOf(id);
    expect(declared?.declared).toBe(true);
    expect(declared?.from).toBe(-Infinity);
    expect(observed?.declared).toBeUndefined();
    expect(declared?.to).toBe(observed?.from);
    expect(both.versionAt(id, (observed?.from as number) - 1)?.declared).toBe(true);
    expect(both.versionAt(id, observed?.from as number)).toBe(observed);
    const jobVersions = both.jobVersionsOf('food_delivery:etl_delivery_7_days');
    expect(jobVersions[0]?.declared).toBe(true);
    expect(jobVersions[1]?.declared).toBeUndefined();
    // At the decision, every dataset a run wrote is traced at its run-observed version; only what etl_orders_7_days
    // read before any run wrote it (22:44:02) stays declared, named in the gaps.
    const trace = traceOnModel(both, { decision, featureName: 'customer_email' });
    for (const n of real.nodes.filter((x) => x.kind === 'dataset' || x.kind === 'job')) {
      expect(trace.nodes.find((x) => x.id === n.id)?.version).toBe(n.version);
      expect(trace.nodes.find((x) => x.id === n.id)?.details.lineage).toBeUndefined();
    }
    const declaredIds = trace.nodes.filter((n) => n.details.lineage).map((n) => n.id);
    expect(declaredIds.filter((id) => ofKind(real, 'source').includes(id))).toHaveLength(4);
    // Those are declared because they were read before any run wrote them; as of the decision they are observed.
    const categories = 'food_delivery:public.categories';
    expect(declaredIds).toContain(categories);
    expect(both.versionAt(categories, Date.parse(decision.timestamp))?.declared).toBeUndefined();
    expect(both.versionAt(categories, Date.parse('2020-02-22T22:44:02Z'))?.declared).toBe(true);
  });

  it('the graph steps through declared jobs when no run executed them', () => {
    const model = lineageModel(toEvidenceSet(records(TEMPLATE)));
    const t = Date.parse(decision.timestamp);
    const job = template.nodes.find((n) => n.id === 'food_delivery:etl_delivery_7_days')!;
    const up = upstreamAt(model, job, t).map((s) => s.node.id);
    expect(up).toContain('food_delivery:public.customers');
    const down = downstreamAt(model, job, t).map((s) => s.node.id);
    expect(down).toEqual(['food_delivery:public.delivery_7_days']);
    const dataset = template.nodes.find((n) => n.id === 'food_delivery:public.delivery_7_days')!;
    expect(downstreamAt(model, dataset, t).map((s) => s.node.id)).toContain('food_delivery:delivery_times_7_days');
    expect(model.datasetIds).toContain('food_delivery:public.top_delivery_times');
  });
});
