import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GIT_LOG_ARGS } from '../../shared/importers/git-log-format.js';
import { importInput } from '../../shared/importers/index.js';
import { SAMPLE_FILES } from '../../generators/sample/sample.js';
import { generateSample, type SampleSummary } from './write-sample.js';

interface Truth {
  plantedCommit: string;
  pullRequest: number;
  mergeCommit: string;
  productionDeploymentId: string;
  stagingDeploymentIds: string[];
  lastGoodCommit: string;
  onset: { decisionId: string; timestamp: string };
  caseDecisionId: string;
  firstBadRun: { runId: string; datasetVersion: string };
  featureVersion: { before: string; after: string };
  feature: { path: string; job: string };
  distractors: { id: string; kind: string; why: string }[];
}
interface RunEvent {
  eventType: string;
  eventTime: string;
  producer: string;
  schemaURL: string;
  run: { runId: string };
  job: {
    namespace: string;
    name: string;
    facets: { sourceCodeLocation: { type: string; url: string; path: string; version: string } };
  };
  inputs: { namespace: string; name: string; facets?: { version?: { datasetVersion: string } } }[];
  outputs: {
    namespace: string;
    name: string;
    facets?: Record<string, { datasetVersion?: string; fields?: unknown }>;
  }[];
}
interface DecisionLine {
  decision_id: string;
  timestamp: string;
  action: string;
  features: { name: string; value: unknown; dataset_version: string; feature_version: string }[];
}
interface Deployment {
  id: string;
  timestamp: string;
  environment: string;
  commit: string;
  component: string;
  status: string;
  pull_request?: number;
}
interface Pr {
  number: number;
  merged_at: string | null;
  merge_commit_sha: string | null;
  head: { sha: string };
  user: { login: string };
  reviews: { state: string; user: { login: string }; commit_id: string }[];
}

let root = '';
let a = '';
let summary: SampleSummary;
const git = (...args: string[]) =>
  execFileSync('git', ['-C', join(root, 'clone'), ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
const read = (name: string, dir = a) => readFile(join(dir, name), 'utf8');
const lines = async <T>(name: string): Promise<T[]> =>
  (await read(name))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);

let truth: Truth;
let events: RunEvent[];
let decisions: DecisionLine[];
let deployments: Deployment[];
let prs: Pr[];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sample-test-'));
  a = join(root, 'a');
  summary = await generateSample({ seed: 7, scale: 'small', outDir: a });
  await generateSample({ seed: 7, scale: 'small', outDir: join(root, 'b') });
  await generateSample({ seed: 8, scale: 'small', outDir: join(root, 'c') });
  execFileSync('git', ['clone', '--quiet', join(a, SAMPLE_FILES.bundle), join(root, 'clone')]);
  truth = JSON.parse(await read(SAMPLE_FILES.groundTruth)) as Truth;
  events = await lines<RunEvent>(SAMPLE_FILES.lineage);
  decisions = await lines<DecisionLine>(SAMPLE_FILES.decisions);
  deployments = await lines<Deployment>(SAMPLE_FILES.deployments);
  prs = JSON.parse(await read(SAMPLE_FILES.pullRequests)) as Pr[];
}, 60_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('generateSample', () => {
  it('writes identical files, bundle included, for the same seed', async () => {
    for (const name of Object.values(SAMPLE_FILES)) {
      const [x, y] = await Promise.all([readFile(join(a, name)), readFile(join(root, 'b', name))]);
      expect(x.equals(y), name).toBe(true);
    }
  });

  it('regenerates the committed built-in sample byte for byte (seed 7, small, default scenario)', async () => {
    for (const name of Object.values(SAMPLE_FILES)) {
      const [x, y] = await Promise.all([readFile(join(a, name)), readFile(join('assets/sample', name))]);
      expect(x.equals(y), name).toBe(true);
    }
  });

  it('writes different data for another seed', async () => {
    for (const name of [SAMPLE_FILES.bundle, SAMPLE_FILES.decisions, SAMPLE_FILES.lineage, SAMPLE_FILES.pullRequests]) {
      const [x, y] = await Promise.all([readFile(join(a, name)), readFile(join(root, 'c', name))]);
      expect(x.equals(y), name).toBe(false);
    }
    const other = JSON.parse(await read(SAMPLE_FILES.groundTruth, join(root, 'c'))) as Truth;
    expect(other.plantedCommit).not.toBe(truth.plantedCommit);
  });

  it('stays well under 5 MB and reports what it wrote', () => {
    expect(summary.bytes).toBeLessThan(4.5 * 1024 * 1024);
    expect(summary.decisions).toBe(decisions.length);
    expect(summary.lineageEvents).toBe(events.length);
    expect(summary.commits).toBe(Number(git('rev-list', '--all', '--count').trim()));
  });
});

describe('the repository in the bundle', () => {
  it('merges feature branches with --no-ff merge commits named after their pull request', () => {
    const merges = git('log', '--merges', '--format=%P%x09%s', 'main').trim().split('\n');
    expect(merges.length).toBeGreaterThan(20);
    for (const m of merges) {
      const [parents = '', subject = ''] = m.split('\t');
      expect(parents.split(' ')).toHaveLength(2);
      expect(subject).toMatch(/^Merge pull request #\d+ from [\w.-]+\/[\w.-]+$/);
    }
  });

  it('has distinct authors, dates over weeks, and trailers', () => {
    const authors = new Set(git('log', '--all', '--format=%ae').trim().split('\n'));
    expect(authors.size).toBeGreaterThanOrEqual(6);
    const dates = git('log', '--all', '--format=%at').trim().split('\n').map(Number);
    expect((Math.max(...dates) - Math.min(...dates)) / 86_400).toBeGreaterThan(30);
    const trailers = git('log', '--all', '--format=%(trailers:only,unfold)');
    expect(trailers).toMatch(/^Reviewed-by: .+ <.+>$/m);
    expect(trailers).toMatch(/^Co-authored-by: .+ <.+>$/m);
  });

  it('holds the planted commit on the merged branch, changing the feature file from the last good version', () => {
    expect(git('cat-file', '-t', truth.plantedCommit).trim()).toBe('commit');
    expect(git('show', '--name-only', '--format=', truth.plantedCommit).trim().split('\n')).toContain(
      truth.feature.path,
    );
    expect(git('log', '-1', '--format=%s', truth.mergeCommit).trim()).toMatch(
      new RegExp(`^Merge pull request #${truth.pullRequest} from `),
    );
    git('merge-base', '--is-ancestor', truth.plantedCommit, `${truth.mergeCommit}^2`);
    const history = git('log', '--no-merges', '--format=%H', 'main', '--', truth.feature.path).trim().split('\n');
    const at = history.indexOf(truth.plantedCommit);
    expect(at).toBeGreaterThan(0);
    expect(history[at + 1]).toBe(truth.lastGoodCommit);
    expect(git('show', `${truth.mergeCommit}:${truth.feature.path}`)).not.toBe(
      git('show', `${truth.lastGoodCommit}:${truth.feature.path}`),
    );
  });

  it('keeps valid YAML for the tracking plan and the Profiles project', () => {
    for (const path of [
      'tracking-plans/checkout.yaml',
      'tracking-plans/properties.yaml',
      'profiles/models/id_stitcher.yaml',
    ]) {
      const doc = parseYaml(git('show', `main:${path}`)) as Record<string, unknown>;
      expect(doc, path).toBeTypeOf('object');
    }
    const plan = parseYaml(git('show', 'main:tracking-plans/checkout.yaml')) as {
      kind: string;
      spec: { rules: unknown[] };
    };
    expect(plan.kind).toBe('tp');
    expect(plan.spec.rules.length).toBeGreaterThan(0);
    const stitcher = parseYaml(git('show', 'main:profiles/models/id_stitcher.yaml')) as {
      models: { model_type: string; model_spec: { edge_sources: unknown[] } }[];
    };
    expect(stitcher.models[0]?.model_type).toBe('id_stitcher');
  });
});

describe('the planted change in the other sources', () => {
  it('was merged without an approving review', () => {
    const pr = prs.find((p) => p.number === truth.pullRequest);
    expect(pr?.merged_at).not.toBeNull();
    expect(pr?.merge_commit_sha).toBe(truth.mergeCommit);
    expect(pr?.reviews.some((r) => r.state === 'APPROVED')).toBe(false);
    expect(pr?.reviews.length).toBeGreaterThan(0);
    git('merge-base', '--is-ancestor', truth.plantedCommit, pr?.head.sha ?? '');
  });

  it('went straight to production, without staging', () => {
    const own = deployments.filter((d) => d.pull_request === truth.pullRequest);
    expect(own.map((d) => d.environment)).toEqual(['production']);
    expect(own[0]?.id).toBe(truth.productionDeploymentId);
    expect(own[0]?.commit).toBe(truth.mergeCommit);
    expect(truth.stagingDeploymentIds).toEqual([]);
  });

  it('is followed by rejections of eligible customers from the onset on', () => {
    const onset = decisions.findIndex((d) => d.decision_id === truth.onset.decisionId);
    expect(Date.parse(truth.onset.timestamp)).toBeGreaterThan(
      Date.parse(deployments.find((d) => d.id === truth.productionDeploymentId)?.timestamp ?? ''),
    );
    const label = (d: DecisionLine) => d.features.find((f) => f.name === 'eligibility_flag')?.feature_version;
    expect(decisions.slice(0, onset).some((d) => label(d) === truth.featureVersion.after)).toBe(false);
    expect(decisions.slice(onset).every((d) => label(d) === truth.featureVersion.after)).toBe(true);
    const rejected = (ds: DecisionLine[]) => ds.filter((d) => d.action === 'offer_rejected').length / ds.length;
    expect(rejected(decisions.slice(onset))).toBeGreaterThan(rejected(decisions.slice(0, onset)) + 0.4);
    const wrong = decisions.find((d) => d.decision_id === truth.caseDecisionId);
    expect(wrong?.action).toBe('offer_rejected');
    expect(wrong?.features[0]?.dataset_version).not.toBe(undefined);
  });

  it('opens the case on a wrong decision after the incident, without giving the answer', async () => {
    const c = JSON.parse(await read(SAMPLE_FILES.caseFile)) as Record<string, string>;
    expect(Object.keys(c).sort()).toEqual(['decisionId', 'description', 'featureName', 'title']);
    expect(c.decisionId).toBe(truth.caseDecisionId);
    expect(c.featureName).toBe('eligibility_flag');
    const text = JSON.stringify(c);
    for (const secret of [truth.plantedCommit.slice(0, 7), `#${truth.pullRequest}`, truth.productionDeploymentId]) {
      expect(text).not.toContain(secret);
    }
  });

  it('lists innocent distractors of every kind, each with its reason', () => {
    const kinds = new Set(truth.distractors.map((d) => d.kind));
    expect(kinds).toEqual(new Set(['commit', 'audit', 'deployment']));
    for (const d of truth.distractors) {
      expect(d.why.length).toBeGreaterThan(20);
      if (d.kind === 'commit') expect(git('cat-file', '-t', d.id).trim()).toBe('commit');
    }
    expect(truth.distractors.map((d) => d.id)).not.toContain(truth.plantedCommit);
  });

  it('has a UI-only change after the onset', async () => {
    const audit = await lines<{ timestamp: string; channel: string; target: { type: string } }>(SAMPLE_FILES.audit);
    expect(
      audit.some((e) => e.channel === 'ui' && e.target.type === 'destination' && e.timestamp > truth.onset.timestamp),
    ).toBe(true);
  });
});

describe('links between the sources', () => {
  it('emits a START and a COMPLETE per run, per the OpenLineage RunEvent shape', () => {
    const byRun = new Map<string, string[]>();
    for (const e of events) {
      expect(e.schemaURL).toMatch(/^https:\/\/openlineage\.io\/spec\/.*RunEvent$/);
      expect(e.producer).toMatch(/^https:\/\//);
      expect(e.eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?[+-]\d\d:\d\d$/);
      byRun.set(e.run.runId, [...(byRun.get(e.run.runId) ?? []), e.eventType]);
    }
    for (const types of byRun.values()) expect(types).toEqual(['START', 'COMPLETE']);
    expect(new Set(events.map((e) => `${e.job.namespace}:${e.job.name}`)).size).toBe(6);
  });

  it('names a commit of the repository, deployed to production for that job, as every run’s code version', () => {
    const commits = new Set(git('rev-list', '--all').trim().split('\n'));
    const prod = deployments.filter((d) => d.environment === 'production' && d.status === 'success');
    const blobs = new Set<string>();
    for (const e of events) {
      const loc = e.job.facets.sourceCodeLocation;
      expect(loc.type).toBe('git');
      expect(commits.has(loc.version)).toBe(true);
      blobs.add(`${loc.version}:${loc.path}`);
      if (e.eventType !== 'START') continue;
      const job = `${e.job.namespace}:${e.job.name}`;
      const inForce = prod
        .filter((d) => d.component === job && Date.parse(d.timestamp) <= Date.parse(e.eventTime))
        .pop();
      expect(inForce?.commit).toBe(loc.version);
    }
    const checked = execFileSync('git', ['-C', join(root, 'clone'), 'cat-file', '--batch-check=%(objecttype)'], {
      input: [...blobs].join('\n') + '\n',
      encoding: 'utf8',
    });
    expect(new Set(checked.trim().split('\n'))).toEqual(new Set(['blob']));
    for (const d of deployments) expect(commits.has(d.commit)).toBe(true);
  });

  it('matches every decision’s dataset_version to a COMPLETE run’s output version', () => {
    const versions = new Map<string, string>();
    for (const e of events) {
      if (e.eventType !== 'COMPLETE') continue;
      const v = e.outputs[0]?.facets?.version?.datasetVersion;
      expect(v).toBeTypeOf('string');
      expect(versions.has(v ?? '')).toBe(false);
      versions.set(v ?? '', `${e.outputs[0]?.namespace}:${e.outputs[0]?.name}`);
    }
    for (const d of decisions) {
      for (const f of d.features) expect(versions.get(f.dataset_version)).toBe('warehouse:analytics.customer_features');
    }
    expect(versions.get(truth.firstBadRun.datasetVersion)).toBe('warehouse:analytics.customer_features');
  });

  it('references upstream outputs, at the version they had, as inputs', () => {
    const written = new Set(events.flatMap((e) => e.outputs.map((o) => `${o.namespace}:${o.name}`)));
    const versions = new Set(
      events.flatMap((e) => e.outputs.map((o) => o.facets?.version?.datasetVersion).filter(Boolean)),
    );
    const features = events.find((e) => e.job.name === 'features.customer_features' && e.eventType === 'COMPLETE');
    expect(features?.inputs.map((i) => `${i.namespace}:${i.name}`)).toEqual(['warehouse:analytics.customer_profile']);
    for (const e of events.filter((x) => x.eventType === 'COMPLETE')) {
      for (const i of e.inputs) {
        if (written.has(`${i.namespace}:${i.name}`)) expect(versions.has(i.facets?.version?.datasetVersion)).toBe(true);
      }
    }
  });
});

describe('the app’s importers', () => {
  it('import every record of every file without a rejection', async () => {
    const expected: Record<string, string> = {
      [SAMPLE_FILES.lineage]: 'openlineage',
      [SAMPLE_FILES.pullRequests]: 'pull-requests',
      [SAMPLE_FILES.deployments]: 'deployments',
      [SAMPLE_FILES.audit]: 'audit-log',
      [SAMPLE_FILES.enforcement]: 'enforcement-log',
      [SAMPLE_FILES.decisions]: 'decision-log',
    };
    for (const [name, kind] of Object.entries(expected)) {
      const text = await read(name);
      const sha256 = createHash('sha256').update(text).digest('hex');
      const result = importInput({ name, sha256, size: text.length, text });
      expect(result.detected, name).toBe(kind);
      expect(result.rejections, name).toEqual([]);
      expect(result.records.length, name).toBe(
        text.split('\n').filter(Boolean).length === 0 ? 0 : result.records.length,
      );
    }
    const log = git(...GIT_LOG_ARGS);
    const result = importInput({
      name: 'repo',
      sha256: 'x',
      size: log.length,
      text: log,
      derivedAs: 'git-log',
      repository: 'repo',
    });
    expect(result.rejections).toEqual([]);
    expect(result.records).toHaveLength(summary.commits);
  });
});

describe('buildBundle', () => {
  it('writes a bundle to a path relative to the current folder', async () => {
    const { buildBundle } = await import('./git-bundle.js');
    const { fastImportStream } = await import('../../generators/sample/fast-import.js');
    const { planSample } = await import('../../generators/sample/sample.js');
    const { relative } = await import('node:path');
    const target = relative(process.cwd(), join(root, 'relative.bundle'));
    expect(target.startsWith('/')).toBe(false);
    const shas = await buildBundle(fastImportStream(planSample(7, 'small').history), target);
    expect(shas.size).toBe(summary.commits);
    expect((await readFile(join(root, 'relative.bundle'))).equals(await readFile(join(a, SAMPLE_FILES.bundle)))).toBe(
      true,
    );
  });
});
