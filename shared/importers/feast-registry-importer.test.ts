/**
 * Real Feast registries (the Feast UI's credit-scoring `registry.json` and its RAG demo registry): feature views,
 * services, entities and data sources become declared lineage a decision's feature is traced through, down to the
 * source file and column, with the registry's timestamps; the UI's column statistics are skipped, not rejected.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { lineageModel } from '../lineage/lineage-model';
import { traceOnModel } from '../lineage/trace-query';
import { toEvidenceSet } from '../model/evidence-set';
import type { DatasetDefinition, Decision, EvidenceRecord, JobDefinition } from '../model/records';
import { HEAD_SIZE, startImport } from './streaming';

function importFeast(name: string) {
  const text = readFileSync(realFixture('inference', 'feast', name), 'utf8');
  const job = startImport(text.slice(0, HEAD_SIZE), { id: name, name });
  job.push(text);
  const summary = job.end();
  return { summary, records: job.take() };
}

const credit = importFeast('feast_ui_registry_credit_scoring_aws.json');
const jobs = (records: ReadonlyArray<EvidenceRecord>) => records.filter((r): r is JobDefinition => r.kind === 'job');
const datasets = (records: ReadonlyArray<EvidenceRecord>) =>
  records.filter((r): r is DatasetDefinition => r.kind === 'dataset');
const jobNamed = (name: string) => jobs(credit.records).find((j) => j.job.name === name);
const datasetNamed = (name: string, origin: string) =>
  datasets(credit.records).find((d) => d.dataset.name === name && d.origin === origin);

describe('a Feast registry is imported as declared lineage', () => {
  it('reads every feature view, service, entity and source of the credit-scoring registry, rejecting nothing', () => {
    expect(credit.summary).toMatchObject({ detected: 'feast-registry', importer: 'feast', rejectedCount: 0 });
    expect(jobs(credit.records).map((j) => `${j.jobType} ${j.job.name}`)).toEqual([
      'feature-view feature_view_credit_history',
      'feature-view feature_view_zipcode_features',
      'feature-view feature_view_zipcode_money_features',
      'stream-feature-view feature_view_transaction_stream_example',
      'on-demand-feature-view feature_view_transaction_gt_last_credit_card_due',
      ...['credit_score_v1', 'credit_score_v2', 'credit_score_v3', 'zipcode_model', 'zipcode_model_v2'].map(
        (s) => `feature-service feature_service_${s}`,
      ),
    ]);
  });

  it('a feature view reads its source file and entity and serves each feature from the column of that name', () => {
    const view = jobNamed('feature_view_credit_history');
    expect(view?.inputs).toEqual([
      { namespace: 'file', name: 'data/credit_history.parquet' },
      { namespace: 'credit_scoring_aws', name: 'dob_ssn' },
    ]);
    expect(view?.outputs).toEqual([{ namespace: 'credit_scoring_aws', name: 'credit_history' }]);
    expect(view?.extra).toMatchObject({
      createdTimestamp: '2022-05-11T19:27:03.171421Z',
      lastUpdatedTimestamp: '2022-05-11T19:28:21.444739Z',
      ttl: '777600000s',
    });
    const features = datasetNamed('credit_history', 'feast-feature-view');
    expect(features?.fields).toContainEqual({ name: 'credit_card_due', type: 'INT64' });
    expect(features?.columnLineage).toContainEqual({
      field: 'credit_card_due',
      inputFields: [{ namespace: 'file', name: 'data/credit_history.parquet', field: 'credit_card_due' }],
    });
    expect(features?.provenance).toEqual({
      sourceId: 'feast_ui_registry_credit_scoring_aws.json',
      pointer: '/featureViews/0',
    });
  });

  it('keeps the function of an on-demand view as its code, and a service reads the views it projects', () => {
    const onDemand = jobNamed('feature_view_transaction_gt_last_credit_card_due');
    expect(onDemand?.code?.text).toMatch(/def transaction_gt_last_credit_card_due\(inputs: pd\.DataFrame\)/);
    expect(onDemand?.inputs.map((i) => i.name)).toEqual(['credit_history', 'transaction']);
    const service = jobNamed('feature_service_credit_score_v1');
    expect(service?.inputs.map((i) => i.name)).toEqual(['credit_history', 'zipcode_features']);
    expect(service?.extra?.tags).toEqual({ owner: 'tony@tecton.ai', stage: 'staging' });
  });

  it("traces a decision's feature through the feature view to the source file's column", () => {
    const decision: Decision = {
      kind: 'decision',
      decisionId: 'd-1',
      timestamp: '2022-06-01T00:00:00Z',
      model: { name: 'credit-score' },
      features: [
        {
          name: 'credit_card_due',
          dataset: { namespace: 'credit_scoring_aws', name: 'credit_history' },
          field: 'credit_card_due',
        },
      ],
      provenance: { sourceId: 'decisions', line: 1 },
    };
    const model = lineageModel(toEvidenceSet([...credit.records, decision]));
    const trace = traceOnModel(model, { decision, featureName: 'credit_card_due' });
    expect(trace.nodes.map((n) => n.id)).toEqual(
      expect.arrayContaining(['credit_scoring_aws:feature_view_credit_history', 'file:data/credit_history.parquet']),
    );
    expect((trace.columns ?? []).map((c) => c.id)).toContain(
      'file:data/credit_history.parquet#credit_card_due->credit_scoring_aws:credit_history#credit_card_due',
    );
  });

  it('reads the RAG registry under its project, and skips the UI column statistics with a reason', () => {
    const rag = importFeast('feast_ui_rag_registry.json');
    expect(rag.summary.rejectedCount).toBe(0);
    expect(jobs(rag.records).map((j) => `${j.job.namespace}:${j.job.name}`)).toEqual([
      'rag_project:feature_view_rag_document_embeddings',
      'rag_project:feature_view_rag_query_embeddings',
      'rag_project:feature_view_rag_document_metadata',
    ]);
    expect(datasets(rag.records).find((d) => d.dataset.name === 'rag_document_embeddings')?.fields).toEqual([
      { name: 'document_embedding', type: 'BYTES_LIST' },
      { name: 'document_id', type: 'STRING' },
    ]);
    const stats = importFeast('feast_ui_featureView_credit_history_metadata.json');
    expect([stats.summary.rejectedCount, stats.records.length]).toEqual([0, 0]);
    expect(stats.summary.skipped).toMatch(/^Feast UI column statistics of a feature view/);
  });
});
