/**
 * Lineage cards checked by hand: the built-in sample's case (facts from its answer key, ground-truth.json)
 * and decisions placed on the real OpenLineage fixtures (Marquez's seed metadata, dbt on Postgres).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { createGitRunner } from '../../electron/services/git-runner';
import { loadEvidence } from '../../electron/sources/load-evidence';
import { importInput } from '../importers/index';
import { toEvidenceSet, type EvidenceSet } from '../model/evidence-set';
import type { Decision } from '../model/records';
import { isGap, type CardAnswer } from './card-types';
import { diffNode } from './diff';
import { lineageCard } from './lineage-card';
import { lineageModel } from './lineage-model';

const truth = JSON.parse(readFileSync('assets/sample/ground-truth.json', 'utf8'));
const cacheDir = mkdtempSync(join(tmpdir(), 'li-card-'));
let sample: EvidenceSet;
beforeAll(async () => {
  sample = (await loadEvidence(['assets/sample'], { git: createGitRunner(), cacheDir })).set;
}, 60_000);
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

const value = <T>(a: CardAnswer<T>): T => {
  if (isGap(a)) throw new Error(`expected an answer, got the gap ${a.gap}: ${a.explanation}`);
  return a.value;
};

function fixtureWithDecision(file: string, dataset: { namespace: string; name: string }, field: string, at: string) {
  const text = readFileSync(realFixture('openlineage', file), 'utf8');
  const result = importInput({ name: file, sha256: file, size: text.length, text });
  const decision: Decision = {
    kind: 'decision',
    decisionId: 'd-1',
    timestamp: at,
    model: { name: 'm' },
    environment: 'production',
    features: [{ name: 'f', dataset, field }],
    provenance: { sourceId: 'decisions', line: 1 },
  };
  const set = toEvidenceSet([...result.records, decision]);
  return lineageCard(set, set.decisions[0]!, 'f');
}

describe('the lineage card of the sample case', () => {
  it('answers all eight questions with evidence at the decision, naming the planted change', () => {
    const decision = sample.decisions.find((d) => d.decisionId === truth.caseDecisionId)!;
    const card = lineageCard(sample, decision, truth.feature.name);
    const a = card.answers;
    for (const answer of Object.values(a)) expect(isGap(answer as CardAnswer<unknown>)).toBe(false);
    expect(value(a.transformation)).toMatchObject({ job: truth.feature.job, codePath: truth.feature.path });
    expect(value(a.versionAtInference)).toMatchObject({
      commit: truth.plantedCommit,
      deployedCommit: truth.mergeCommit,
    });
    expect(value(a.approvedBy)).toMatchObject({ pullRequest: truth.pullRequest, approvers: [] });
    expect(value(a.deployedAt).deployment).toBe(truth.productionDeploymentId);
    expect(value(a.environment)).toBe('production');
    expect(value(a.environmentMatchesApproval)).toBe(truth.stagingDeploymentIds.length > 0);
    const sources = value(a.sourceEvent);
    expect(sources.some((s) => s.trackingPlan?.path.startsWith('tracking-plans/'))).toBe(true);
    expect(card.path.map((n) => n.id)).toContain(truth.feature.job);
    expect(card.path.find((n) => n.id === truth.feature.job)?.version).toBe(truth.mergeCommit);
    expect(card.path.at(-1)?.kind).toBe('source');
    expect(card.gaps).toEqual([]);
  });

  it('as of before the incident, shows the last good version, approved and staged', () => {
    const decision = sample.decisions.find((d) => d.decisionId === truth.caseDecisionId)!;
    const before = new Date(Date.parse(truth.onset.timestamp) - 7 * 86_400_000).toISOString();
    const card = lineageCard(sample, decision, truth.feature.name, { asOf: before });
    expect(value(card.answers.versionAtInference)).toMatchObject({
      commit: truth.lastGoodCommit,
      deployedCommit: truth.lastGoodProductionCommit,
    });
    expect(value(card.answers.approvedBy).approvers.length).toBeGreaterThan(0);
    expect(value(card.answers.environmentMatchesApproval)).toBe(true);
  });

  it('diffs the feature job across the incident: the code went from the last good commit to the merge', () => {
    const model = lineageModel(sample);
    const onset = Date.parse(truth.onset.timestamp);
    const diff = diffNode(model, truth.feature.job, onset - 7 * 86_400_000, onset + 3_600_000);
    expect(diff.kind).toBe('job');
    expect(diff.code).toMatchObject({
      before: truth.lastGoodProductionCommit,
      after: truth.mergeCommit,
      changed: true,
    });
    expect(diff.code?.path).toBe(truth.feature.path);
  });
});

describe('lineage cards on real OpenLineage fixtures', () => {
  it("Marquez's seed: delivery_7_days.customer_email comes from customers.email via etl_delivery_7_days, code unversioned", () => {
    const card = fixtureWithDecision(
      'marquez_docker_metadata.json',
      { namespace: 'food_delivery', name: 'public.delivery_7_days' },
      'customer_email',
      '2020-02-23T00:00:00Z',
    );
    expect(value(card.answers.transformation).job).toBe('food_delivery:etl_delivery_7_days');
    expect(value(card.answers.origin)).toHaveLength(8);
    expect(value(card.answers.origin)).toContain('food_delivery:public.customers');
    expect(card.trace.columns?.map((c) => c.id)).toContain(
      'food_delivery:public.customers#email->food_delivery:public.delivery_7_days#customer_email',
    );
    // The events carry the SQL but no source code location: a version by hash, no commit, nothing to approve.
    const version = card.answers.versionAtInference;
    expect(isGap(version) && version.gap).toBe('untracked-transformation');
    expect(card.trace.nodes.find((n) => n.id === 'food_delivery:etl_delivery_7_days')?.version).toMatch(/^fnv:/);
    expect(card.gaps.map((g) => g.gap)).toContain('serving-layer-opacity'); // no dataset_version in the decision
  });

  it('dbt on Postgres: orders is built from stg_orders and stg_payments, though every event shares one run id', () => {
    const card = fixtureWithDecision(
      'ol_dbt_postgres_run_events.json',
      { namespace: 'postgres://POSTGRES_HOST:1234', name: 'postgres.public.orders' },
      'amount',
      '2022-12-15T00:00:00Z',
    );
    expect(value(card.answers.transformation).job).toBe('job-namespace:postgres.public.jaffle_shop.orders');
    expect(value(card.answers.origin)).toEqual([
      'postgres://POSTGRES_HOST:1234:postgres.public.stg_orders',
      'postgres://POSTGRES_HOST:1234:postgres.public.stg_payments',
    ]);
    const jobs = card.trace.nodes.filter((n) => n.kind === 'job').map((n) => n.id);
    expect(jobs).toContain('job-namespace:postgres.public.jaffle_shop.stg_payments');
    expect(jobs).not.toContain('job-namespace:postgres.public.jaffle_shop.customers');
  });
});
