/* eslint-disable no-restricted-imports -- a Node-side unit test reads the built-in sample from disk */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { traceDecision } from '../../shared/analysis/trace';
import { importInput } from '../../shared/importers';
import { toEvidenceSet } from '../../shared/model/evidence-set';
import { lineageIndex } from './lineage-index';
import { evidenceTimeRange } from './time-range';
import { compareTraces } from './trace-diff';
import { versionTimeline } from './versions';

// The sample case and its answer key: the feature job ran the last good merge before the incident.
const DIR = 'assets/sample';
const truth = JSON.parse(readFileSync(`${DIR}/ground-truth.json`, 'utf8'));
const FILES = ['openlineage-events.ndjson', 'decisions.jsonl', 'deployments.jsonl', 'audit-log.jsonl'];
const set = toEvidenceSet(
  FILES.flatMap((name) => {
    const text = readFileSync(`${DIR}/${name}`, 'utf8');
    return importInput({ name, sha256: name, size: text.length, text }).records;
  }),
);
const decision = set.decisions.find((d) => d.decisionId === truth.caseDecisionId)!;
const atDecision = traceDecision(set, decision, truth.feature.name);
const before = new Date(Date.parse(truth.onset.timestamp) - 3 * 86_400_000).toISOString();
const atBefore = traceDecision(set, decision, truth.feature.name, { asOf: before });

describe('compareTraces on the sample case', () => {
  const cmp = compareTraces(atDecision, atBefore);

  it('marks the feature job as changed from the last good merge to the planted merge', () => {
    expect(cmp.nodes.get(truth.feature.job)).toEqual({
      status: 'changed',
      earlierVersion: truth.lastGoodMergeCommit,
      laterVersion: truth.mergeCommit,
    });
    expect(cmp.earlier).toBe(before);
    expect(cmp.later).toBe(atDecision.asOf);
  });

  it('draws the chosen moment: the union holds its versions, and the decision is unchanged', () => {
    expect(cmp.trace.nodes.find((n) => n.id === truth.feature.job)?.version).toBe(truth.lastGoodMergeCommit);
    expect(cmp.nodes.has(`decision:${decision.decisionId}`)).toBe(false);
    expect(compareTraces(atDecision, atDecision).nodes.size).toBe(0);
  });

  it('calls nodes only at the later moment added and only at the earlier removed', () => {
    const lonely = {
      ...atBefore,
      nodes: [...atBefore.nodes, { id: 'x', kind: 'source' as const, label: 'x', depth: 9, details: {} }],
    };
    expect(compareTraces(atDecision, lonely).nodes.get('x')?.status).toBe('removed');
    const later = { ...lonely, asOf: '2030-01-01T00:00:00Z' };
    expect(compareTraces(atDecision, later).nodes.get('x')?.status).toBe('added');
  });
});

describe('versionTimeline', () => {
  const index = lineageIndex(set);
  const job = atDecision.nodes.find((n) => n.id === truth.feature.job)!;

  it('lists the job’s code versions in order, the active one per moment', () => {
    const at = versionTimeline(set, index, job, Date.parse(decision.timestamp));
    const versions = at.map((v) => v.version);
    expect(versions.indexOf(truth.lastGoodMergeCommit)).toBeLessThan(versions.indexOf(truth.mergeCommit));
    expect(at.find((v) => v.active)?.version).toBe(truth.mergeCommit);
    expect(versionTimeline(set, index, job, Date.parse(before)).find((v) => v.active)?.version).toBe(
      truth.lastGoodMergeCommit,
    );
    for (const v of at) expect(v.evidence.sourceId).toBe('openlineage-events.ndjson');
  });

  it('lists a feature’s versions from the decision log', () => {
    const feature = atDecision.nodes.find((n) => n.kind === 'feature')!;
    const versions = versionTimeline(set, index, feature, Date.parse(decision.timestamp));
    expect(versions.map((v) => v.version)).toEqual(
      expect.arrayContaining([truth.featureVersion.before, truth.featureVersion.after]),
    );
    expect(versions.find((v) => v.active)?.version).toBe(truth.featureVersion.after);
  });
});

describe('evidenceTimeRange', () => {
  it('spans the evidence and ticks every deployment', () => {
    const range = evidenceTimeRange(set);
    expect(range.ticks.length).toBe(set.deployments.length);
    expect(range.from).toBeLessThanOrEqual(Date.parse(set.runs[0]!.eventTime));
    expect(range.to).toBeGreaterThanOrEqual(Date.parse(decision.timestamp));
    expect(range.ticks.some((t) => t.environment === 'production')).toBe(true);
  });
});
