/**
 * Audit completeness and traceability coverage computed by counts per input group equal the first implementation's
 * (kept as the oracle: one object per input, every drill-down line built) — every figure, trend point and drill-down
 * item — on random lineage with random decisions, and on the built-in sample with some of its inputs made opaque.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitRunner } from '../../electron/services/git-runner';
import { loadEvidence } from '../../electron/sources/load-evidence';
import { prng, randomLineage } from '../lineage/random-lineage';
import type { EvidenceSet } from '../model/evidence-set';
import type { Commit, Decision, DecisionFeature } from '../model/records';
import { modelInputMetrics } from './model-inputs';
import { modelInputMetricsOracle } from './model-inputs-oracle';

const DAY = 86_400_000;
const T0 = Date.parse('2026-01-01T00:00:00Z');

const commit = (sha: string): Commit => ({
  kind: 'commit',
  repository: 'r',
  sha,
  parents: [],
  authorName: 'a',
  authorEmail: 'a@x',
  authorDate: '2026-01-01T00:00:00Z',
  committerName: 'a',
  committerEmail: 'a@x',
  committerDate: '2026-01-01T00:00:00Z',
  subject: sha,
  body: '',
  trailers: [],
  changedPaths: [],
  provenance: { sourceId: 'git', line: 1 },
});

/** Random lineage, some runs without code location, some code versions in Git, and many decisions over weeks. */
function randomEvidence(seed: number): EvidenceSet {
  const rnd = prng(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const base = randomLineage(seed);
  const runs = base.runs.map((r) => (rnd() < 0.1 ? { ...r, sourceCodeLocation: undefined } : r));
  const versions = [...new Set(runs.flatMap((r) => r.outputs.map((o) => o.version ?? r.runId)))];
  const datasets = [...new Set(runs.flatMap((r) => r.outputs.map((o) => o.name))), 'nowhere'];
  const feature = (): DecisionFeature => {
    const name = `f${int(3)}`;
    if (rnd() < 0.1) return { name };
    const version = rnd() < 0.6 ? versions[int(versions.length)] : rnd() < 0.5 ? 'ghost' : undefined;
    return {
      name,
      dataset: { namespace: 'w', name: datasets[int(datasets.length)] as string },
      field: 'x',
      ...(version !== undefined && { datasetVersion: version }),
      ...(rnd() < 0.5 && { featureVersion: `fv${int(2)}` }),
    };
  };
  const decisions: Decision[] = Array.from({ length: 1 + int(80) }, (_, k) => ({
    kind: 'decision',
    decisionId: `dec-${k % 70}`,
    timestamp: rnd() < 0.03 ? 'not a time' : new Date(T0 + int(60 * DAY)).toISOString(),
    model: { name: 'm' },
    features: Array.from({ length: int(4) }, feature),
    provenance: { sourceId: 'd', line: k + 1 },
  }));
  const commits = ['c0', 'c1', 'c2'].filter(() => rnd() < 0.6).map(commit);
  return { ...base, runs, decisions, commits };
}

describe('model-input metrics by group counts', () => {
  it('equal the input-by-input oracle on random lineage and decisions', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.option(fc.integer({ min: 0, max: 6 })), (seed, limit) => {
        const set = randomEvidence(seed);
        const options = limit === null ? {} : { drillDownLimit: limit };
        expect(modelInputMetrics(set, options)).toStrictEqual(modelInputMetricsOracle(set, options));
      }),
      { numRuns: 300 },
    );
  });

  describe('on the built-in sample', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'li-model-inputs-'));
    let sample: EvidenceSet;
    beforeAll(async () => {
      sample = (await loadEvidence(['assets/sample'], { git: createGitRunner(), cacheDir })).set;
    }, 60_000);
    afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

    it('equal the oracle as imported', () => {
      const fast = modelInputMetrics(sample);
      expect(fast).toStrictEqual(modelInputMetricsOracle(sample));
      expect(fast.completeness.details.inputs).toBe(sample.decisions.reduce((n, d) => n + d.features.length, 0));
    });

    it('equal the oracle when every fifth decision lost its dataset versions, with a short drill-down', () => {
      const set = {
        ...sample,
        decisions: sample.decisions.map((d, i) =>
          i % 5 ? d : { ...d, features: d.features.map(({ datasetVersion: _v, ...f }) => f) },
        ),
      };
      const fast = modelInputMetrics(set, { drillDownLimit: 25 });
      expect(fast).toStrictEqual(modelInputMetricsOracle(set, { drillDownLimit: 25 }));
      expect(fast.coverage.drillDown.items).toHaveLength(25);
      expect(fast.coverage.drillDown.total).toBeGreaterThanOrEqual(Math.floor(sample.decisions.length / 5));
    });
  });
});
