import { describe, expect, it } from 'vitest';
import { emptyTally } from './decisions';
import { fastImportStream } from './fast-import';
import { CustomerFeatures, isEligible } from './files/features';
import { profileAt } from './customers';
import { planSample, sampleOutputs, type SamplePlan } from './sample';
import { coreJob } from './world';

/** Stand-in SHAs (Git names the commits in electron/sample; the pure plan only needs them distinct). */
function fakeShas(plan: SamplePlan): Map<number, string> {
  return new Map(plan.history.commits.map((c) => [c.mark, c.mark.toString(16).padStart(40, 'a')]));
}

function render(plan: SamplePlan) {
  const out = sampleOutputs(plan, fakeShas(plan));
  const tally = emptyTally();
  const decisions = [...out.decisions(tally)];
  return {
    stream: [...fastImportStream(plan.history)].join(''),
    lineage: [...out.lineage()],
    decisions,
    deployments: [...out.deployments()],
    pullRequests: [...out.pullRequests()].join(''),
    audit: [...out.audit()],
    enforcement: [...out.enforcement()],
    tally,
    truth: out.groundTruth(tally),
  };
}

const plan = planSample(7, 'small');
const files = render(plan);
const planted = plan.history.pullRequests.find((p) => p.plan.key === 'planted');
const FEATURES = coreJob('features');

describe('planSample', () => {
  it('plans the same history and files for the same seed', () => {
    const again = render(planSample(7, 'small'));
    expect(again.stream).toBe(files.stream);
    expect(again.decisions).toEqual(files.decisions);
    expect(again.lineage).toEqual(files.lineage);
    expect(again.truth).toBe(files.truth);
  });

  it('plans different data for another seed', () => {
    const other = render(planSample(8, 'small'));
    expect(other.stream).not.toBe(files.stream);
    expect(other.decisions.slice(0, 20)).not.toEqual(files.decisions.slice(0, 20));
  });

  it('stays within the small scale of the brief', () => {
    expect(plan.history.commits.length).toBeGreaterThanOrEqual(60);
    expect(plan.history.commits.length).toBeLessThanOrEqual(120);
    expect(files.decisions.length).toBeGreaterThanOrEqual(3000);
    expect(files.decisions.length).toBeLessThanOrEqual(6000);
    expect(files.lineage.length).toBeGreaterThanOrEqual(200);
    expect(files.lineage.length).toBeLessThan(1000);
    expect(plan.scale.days).toBeGreaterThanOrEqual(30);
    expect(plan.scale.days).toBeLessThanOrEqual(60);
  });
});

describe('the planted change', () => {
  it('is merged without an approving review', () => {
    expect(planted?.mergeMark).toBeDefined();
    expect(planted?.plan.reviews.map((r) => r.state)).toEqual(['COMMENTED']);
    expect(planted?.paths).toContain(FEATURES.path);
  });

  it('goes straight to production, with no staging deployment', () => {
    const deps = plan.deployments.filter((d) => d.pullRequest === planted?.number);
    expect(deps.map((d) => d.environment)).toEqual(['production']);
    expect(deps[0]?.commitMark).toBe(planted?.mergeMark);
  });

  it('rejects customers the rule before it finds eligible, and no others', () => {
    let flipped = 0;
    for (let i = 1; i <= 300; i++) {
      const p = profileAt(plan.world, i, plan.startMs + 30 * 86_400_000);
      const before = isEligible(plan.story.goodRule, p);
      const after = isEligible(plan.story.plantedRule, p);
      if (after) expect(before).toBe(true);
      if (before && !after) flipped++;
    }
    expect(flipped).toBeGreaterThan(100);
  });

  it('sends every other change of a job through staging before production', () => {
    for (const pr of plan.history.pullRequests) {
      if (pr.plan.key === 'planted') continue;
      const deps = plan.deployments.filter((d) => d.pullRequest === pr.number && d.status === 'success');
      for (const prod of deps.filter((d) => d.environment === 'production')) {
        const staging = deps.find((d) => d.environment === 'staging' && d.job.key === prod.job.key);
        expect(staging && staging.ms < prod.ms).toBe(true);
      }
    }
  });
});

describe('runs and decisions', () => {
  it('runs the code deployed to production at the start of each run', () => {
    for (const run of plan.runs) {
      expect(plan.timeline.at(run.job.key, 'production', run.startMs)).toBe(run.deployment);
      expect(run.endMs).toBeGreaterThan(run.startMs);
    }
    expect(new Set(plan.runs.map((r) => r.outputVersion)).size).toBe(plan.runs.length);
  });

  it('reads the latest COMPLETE feature run before each decision', () => {
    const featureRuns = plan.runs.filter((r) => r.job.key === FEATURES.key);
    for (const line of files.decisions) {
      const d = JSON.parse(line) as { timestamp: string; features: { dataset_version: string }[] };
      const at = Date.parse(d.timestamp);
      const latest = featureRuns.filter((r) => r.endMs < at).pop();
      expect(d.features.every((f) => f.dataset_version === latest?.outputVersion)).toBe(true);
    }
  });

  it('changes feature_version exactly when new eligibility logic reaches production', () => {
    const labels: string[] = [];
    for (const line of files.decisions) {
      const d = JSON.parse(line) as { features: { name: string; feature_version: string }[] };
      const label = d.features.find((f) => f.name === 'eligibility_flag')?.feature_version ?? '';
      if (labels[labels.length - 1] !== label) labels.push(label);
    }
    const logic = new Set(
      plan.timeline
        .all(FEATURES.key, 'production')
        .map((d) => plan.history.snapshots.get(d.commitMark)?.get(FEATURES.path))
        .map((c) => (c instanceof CustomerFeatures ? JSON.stringify(c.spec.eligibility) : '')),
    );
    expect(labels).toHaveLength(logic.size);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('starts the onset after the planted deployment, with a sharp rise in rejections', () => {
    const prod = plan.deployments.find((d) => d.pullRequest === planted?.number);
    const t = files.tally;
    expect(Date.parse(t.onset?.timestamp ?? '')).toBeGreaterThan(prod?.ms ?? Infinity);
    expect(t.before.rejected / t.before.total).toBeLessThan(0.5);
    expect(t.after.rejected / t.after.total).toBeGreaterThan(0.9);
    expect(t.caseDecision && t.caseDecision.timestamp > (t.onset?.timestamp ?? '')).toBe(true);
  });
});
