import { describe, expect, it } from 'vitest';
import { toEvidenceSet } from '../model/evidence-set';
import type { Decision } from '../model/records';
import { bestSplit, estimateOnset, outcomeRate } from './onset';
import { testEvidence } from './test-evidence';

/** Decisions on versions v1..v4 with the given rejection counts out of 20 each, over two days per version (the
 * rejections first, or spread over both days). */
function decisions(rejections: ReadonlyArray<number>, spread = false): Decision[] {
  const out: Decision[] = [];
  rejections.forEach((k, v) => {
    for (let i = 0; i < 20; i++) {
      const day = String(1 + v * 3 + Math.floor(i / 10)).padStart(2, '0');
      out.push({
        kind: 'decision',
        decisionId: `d-${v}-${i}`,
        timestamp: `2026-05-${day}T${String(i % 10).padStart(2, '0')}:00:00Z`,
        model: { name: 'm' },
        action: (spread ? (i * 7) % 20 : i) < k ? 'reject' : 'approve',
        features: [{ name: 'f', featureVersion: `v${v + 1}` }],
        provenance: { sourceId: 'onset', line: out.length + 1 },
      });
    }
  });
  return out;
}

describe('the onset estimate', () => {
  it('finds the version after which the rejection rate shifts, not an earlier version with the same rate', () => {
    const set = toEvidenceSet(decisions([8, 7, 19, 20]));
    const last = set.decisions[set.decisions.length - 1] as Decision;
    const onset = estimateOnset(set, last, 'f');
    expect(onset.method).toBe('change-point');
    expect(onset.key).toBe('v3');
    expect(onset.firstBad?.decisionId).toBe('d-2-0');
    expect(onset.lastGood?.decisionId).toBe('d-1-19');
    expect(onset.series.map((b) => b.rate)).toEqual([0.4, 0.35, 0.95, 1]);
    expect(onset.rateBefore).toBe(0.375);
    expect(onset.statistic).toBeGreaterThan(10.83);
  });

  it('falls back to the first use of the version when no shift is significant', () => {
    const set = toEvidenceSet(decisions([8, 9, 8, 9], true));
    const last = set.decisions[set.decisions.length - 1] as Decision;
    const onset = estimateOnset(set, last, 'f');
    expect(onset.method).toBe('first-use');
    expect(onset.key).toBe('v4');
    expect(onset.note).toMatch(/no significant shift/);
  });

  it('finds a shift inside one feature version, at the dataset version (write) where it began', () => {
    const records = decisions([8, 8, 8, 8], true).map((d, n) => {
      const write = `w-${Math.floor(n / 10)}`; // one dataset version per ten decisions
      const late = n >= 60;
      return {
        ...d,
        action: late ? 'reject' : d.action,
        features: [{ name: 'f', featureVersion: 'v1', datasetVersion: write }],
      };
    });
    const set = toEvidenceSet(records);
    const onset = estimateOnset(set, set.decisions[set.decisions.length - 1] as Decision, 'f');
    expect(onset.seriesBy).toBe('dataset_version');
    expect(onset.key).toBe('w-6');
    expect(onset.rateAfter).toBe(1);
  });

  it('takes the investigator’s correction, as a version or as a time', () => {
    const set = toEvidenceSet(decisions([8, 7, 19, 20]));
    const last = set.decisions[set.decisions.length - 1] as Decision;
    expect(estimateOnset(set, last, 'f', 'v2').firstBad?.decisionId).toBe('d-1-0');
    const byTime = estimateOnset(set, last, 'f', '2026-05-10T00:00:00Z');
    expect(byTime.method).toBe('override');
    expect(byTime.firstBad?.decisionId).toBe('d-3-0');
  });

  it('puts the split where the likelihood ratio is highest', () => {
    const bin = (decisions: number, outcomes: number) => ({ key: '', from: '', to: '', decisions, outcomes, rate: 0 });
    expect(bestSplit([bin(100, 10), bin(100, 12), bin(100, 90)]).at).toBe(2);
  });

  it('agrees with the first use of v2 on the hand-built pipeline', () => {
    const set = testEvidence();
    const wrong = set.decisions.find((d) => d.decisionId === 'd-23') as Decision;
    const onset = estimateOnset(set, wrong, 'flag');
    expect(onset.key).toBe('v2');
    expect(onset.onset).toBe('2026-10-10T12:00:00Z');
  });

  it('finds the decision’s own bin when the log names the writing run and the run gives its version facet', () => {
    // The log's dataset_version is the run id (features-N); the runs' outputs carry another version (v-features-N).
    const base = testEvidence();
    const runs = base.runs.map((r) =>
      r.job.name === 'features' ? { ...r, outputs: r.outputs.map((o) => ({ ...o, version: `v-${o.version}` })) } : r,
    );
    const logged = base.decisions.map((d) => ({
      ...d,
      features: d.features.map(({ featureVersion: _v, ...f }) => f),
    }));
    const set = toEvidenceSet([...runs, ...logged]);
    const wrong = set.decisions.find((d) => d.decisionId === 'd-23')!;
    const onset = estimateOnset(set, wrong, 'flag');
    expect(onset.seriesBy).toBe('dataset_version');
    expect(onset.method).toBe('change-point');
    expect(onset.key).toBe('features-10');
  });
});

describe("the onset's words for the outcome", () => {
  it('name an outcome that is a number as an outcome, so it cannot read as a rate of zero', () => {
    expect(outcomeRate('reject')).toBe('the reject rate');
    expect(outcomeRate('0')).toBe('the rate of outcome “0”');
    expect(outcomeRate('-1')).toBe('the rate of outcome “-1”');
    expect(outcomeRate('.5')).toBe('the rate of outcome “.5”');
    expect(outcomeRate('2nd-review')).toBe('the rate of outcome “2nd-review”');
  });
});
