import { describe, expect, it } from 'vitest';
import { emptyTally } from './decisions';
import { fastImportStream } from './fast-import';
import { planSample, sampleOutputs } from './sample';
import { SCENARIO_KINDS, type ScenarioKind } from './scenario';

interface Truth {
  scenario?: string;
  plantedChangeIds?: string[];
  plantedChanges?: { id: string; kind: string }[];
  plantedCommit?: string;
  decisions: { rejectionRateBefore: number; rejectionRateAfter: number; wrong: number };
  distractors: { id: string }[];
}
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const rendered = new Map<ScenarioKind, ReturnType<typeof renderOnce>>();
/** Renders a scenario (seed 5) once with stand-in SHAs (Git names the commits in electron/sample). */
function render(kind: ScenarioKind) {
  const found = rendered.get(kind) ?? renderOnce(kind);
  rendered.set(kind, found);
  return found;
}

function renderOnce(kind: ScenarioKind, seed = 5) {
  const plan = planSample(seed, 'small', kind);
  const shas = new Map(plan.history.commits.map((c) => [c.mark, c.mark.toString(16).padStart(40, 'b')]));
  const out = sampleOutputs(plan, shas);
  const tally = emptyTally();
  const decisions = [...out.decisions(tally)].map((l) => JSON.parse(l) as Json);
  return {
    plan,
    shaOf: shas,
    shas: new Set(shas.values()),
    stream: [...fastImportStream(plan.history)].join(''),
    lineage: [...out.lineage()].map((l) => JSON.parse(l) as Json),
    deployments: [...out.deployments()].map((l) => JSON.parse(l) as Json),
    audit: [...out.audit()].map((l) => JSON.parse(l) as Json),
    decisions,
    truth: JSON.parse(out.groundTruth(tally)) as Truth,
  };
}

const runs = (lineage: Json[], job: string) => lineage.filter((e) => e.eventType === 'COMPLETE' && e.job.name === job);

describe.each(SCENARIO_KINDS.filter((k) => k !== 'unapproved-merge'))('the %s scenario', (kind) => {
  const s = render(kind);

  it('names its planted change by ids that exist in the files, and is not listed as a distractor', () => {
    expect(s.truth.scenario).toBe(kind);
    expect(s.truth.plantedChangeIds?.length).toBeGreaterThan(0);
    for (const c of s.truth.plantedChanges ?? []) {
      if (c.kind === 'commit') expect(s.shas.has(c.id), c.id).toBe(true);
      if (c.kind === 'audit') expect(s.audit.map((a) => a.id)).toContain(c.id);
      if (c.kind === 'deployment') expect(s.deployments.map((d) => d.id)).toContain(c.id);
      expect(s.truth.distractors.map((d) => d.id)).not.toContain(c.id);
    }
  });

  it('rejects more customers after the onset, some of them wrongly', () => {
    const d = s.truth.decisions;
    expect(d.rejectionRateAfter - d.rejectionRateBefore).toBeGreaterThan(0.2);
    expect(d.wrong).toBeGreaterThan(50);
  });
});

describe('what each scenario leaves in the evidence', () => {
  it('a UI-only edit is an audit entry through the ui channel on the node it changed, with no commit', () => {
    for (const [kind, target] of [
      ['ui-transformation', 'data-platform:transform.stg_orders'],
      ['ui-tracking-plan', 'tracking-plans/checkout.yaml'],
      ['identity-merge', 'warehouse:identity.id_graph'],
    ] as const) {
      const s = render(kind);
      const entry = s.audit.find((a) => a.id === s.truth.plantedChangeIds?.[0]);
      expect(entry?.channel, kind).toBe('ui');
      expect(entry?.target.id, kind).toBe(target);
    }
    expect(render('identity-merge').audit.find((a) => a.action === 'identity.manual_merge')?.target.type).toBe(
      'identity_merge',
    );
  });

  it('an untracked transformation runs without sourceCodeLocation and is deployed from another repository', () => {
    const s = render('untracked-transformation');
    const stg = runs(s.lineage, 'transform.stg_orders');
    expect(stg.length).toBeGreaterThan(10);
    expect(stg.every((e) => e.job.facets.sourceCodeLocation === undefined)).toBe(true);
    expect(runs(s.lineage, 'features.customer_features')[0]?.job.facets.sourceCodeLocation).toBeDefined();
    const dep = s.deployments.find((d) => d.id === s.truth.plantedChangeIds?.[0]);
    expect(dep?.component).toBe('data-platform:transform.stg_orders');
    expect(s.shas.has(dep?.commit)).toBe(false);
  });

  it('environment parity: production runs a branch commit while staging runs the approved merge', () => {
    const s = render('environment-parity');
    const [depId, commit] = s.truth.plantedChangeIds ?? [];
    const prod = s.deployments.find((d) => d.id === depId);
    const staging = s.deployments.find(
      (d) => d.pull_request === prod?.pull_request && d.environment === 'staging' && d.status === 'success',
    );
    expect(prod?.commit).toBe(commit);
    expect(staging?.commit).not.toBe(commit);
    const merge = s.plan.history.commits.find((c) => s.shaOf.get(c.mark) === staging?.commit);
    expect(merge?.isMerge).toBe(true);
  });

  it('serving-layer opacity: no decision names its dataset_version', () => {
    const s = render('serving-opacity');
    expect(s.decisions.every((d) => d.features.every((f: Json) => f.dataset_version === undefined))).toBe(true);
    expect(s.decisions[0]?.features[0]?.feature_version).toMatch(/^v\d+$/);
  });

  it('a schema change drops a field from staging.orders between successive dataset versions', () => {
    const s = render('schema-change');
    const fields = runs(s.lineage, 'transform.stg_orders').map((e) =>
      (e.outputs[0].facets.schema.fields as Json[]).map((f) => f.name).join(','),
    );
    const changed = fields.findIndex((f, i) => i > 0 && f !== fields[i - 1]);
    expect(fields[changed - 1]).toContain('country');
    expect(fields[changed]?.split(',')).not.toContain('country');
    expect(fields[changed]).toContain('shipping_country');
  });

  it('a deviating deployment ships a commit pushed to main without a pull request', () => {
    const s = render('deviating-deployment');
    const pushed = s.plan.history.commits.find((c) => s.shaOf.get(c.mark) === s.truth.plantedChangeIds?.[0]);
    expect(pushed?.ref).toBe('refs/heads/main');
    expect(pushed?.pullRequest).toBeUndefined();
    const prod = s.deployments.find(
      (d) => d.environment === 'production' && Date.parse(d.timestamp) > (pushed?.ms ?? Infinity),
    );
    const shipped = s.plan.history.commits.find((c) => s.shaOf.get(c.mark) === prod?.commit);
    expect(shipped?.isMerge).toBe(true);
    expect(shipped?.mark).toBeGreaterThan(pushed?.mark ?? Infinity);
    const pr = s.plan.history.pullRequests.find((p) => p.number === prod?.pull_request);
    expect(pr?.plan.reviews.map((r) => r.state)).toContain('APPROVED');
  });

  it('identity stitching: the planted commit changes the Profiles id stitcher', () => {
    const s = render('identity-config');
    const pr = s.plan.history.pullRequests.find((p) => p.plan.key === 'planted');
    expect(pr?.paths).toEqual(['profiles/models/id_stitcher.yaml']);
  });
});
