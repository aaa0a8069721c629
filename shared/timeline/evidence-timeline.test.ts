import { describe, expect, it } from 'vitest';
import { runEngine } from '../analysis/engine';
import { testEvidence } from '../analysis/test-evidence';
import { toEvidenceSet } from '../model/evidence-set';
import type { AuditEntry, Commit, Deployment, EvidenceRecord, LineageRunEvent, PullRequest } from '../model/records';
import { buildTimeline, filterTimeline, timelineFacets } from './evidence-timeline';

/*
 * The world: a pricing pipeline's repository on git (gitlog.txt); a feature commit, reviewed and merged as PR 12;
 * the merge deployed to staging then to production (deploys.jsonl, the production deploy written in +02:00); an
 * operator edits the threshold of the scoring job in production by hand (audit.jsonl); the scoring job runs twice
 * (lineage.ndjson), one run on either side of the edit.
 */
const git = (line: number) => ({ sourceId: 'gitlog.txt', line });
const commit = (sha: string, parents: string[], date: string, subject: string, line: number): Commit => ({
  kind: 'commit',
  repository: 'pricing',
  sha,
  parents,
  authorName: 'ana',
  authorEmail: 'ana@pricing.test',
  authorDate: date,
  committerName: 'ana',
  committerEmail: 'ana@pricing.test',
  committerDate: date,
  subject,
  body: '',
  trailers: [],
  changedPaths: [],
  provenance: git(line),
});
const feature = 'f'.repeat(40);
const merge = 'e'.repeat(40);
const deploy = (id: string, environment: string, timestamp: string, line: number): Deployment => ({
  kind: 'deployment',
  id,
  timestamp,
  environment,
  commit: merge,
  component: 'scoring',
  actor: 'ci',
  provenance: { sourceId: 'deploys.jsonl', line },
});
const run = (runId: string, eventTime: string, line: number): LineageRunEvent => ({
  kind: 'lineage-run',
  eventType: 'COMPLETE',
  eventTime,
  runId,
  job: { namespace: 'prod', name: 'scoring' },
  inputs: [],
  outputs: [{ namespace: 'prod', name: 'scores' }],
  provenance: { sourceId: 'lineage.ndjson', line },
});
const audit: AuditEntry = {
  kind: 'audit',
  id: 'a-7',
  timestamp: '2026-03-04T09:30:00Z',
  actor: 'ops-bob',
  action: 'update',
  target: { type: 'job-config', id: 'cfg-1', name: 'scoring' },
  environment: 'production',
  channel: 'ui',
  before: { threshold: 0.7 },
  after: { threshold: 0.4 },
  provenance: { sourceId: 'audit.jsonl', line: 3 },
};
const pr: PullRequest = {
  kind: 'pull-request',
  repository: 'pricing',
  number: 12,
  title: 'Lower the score threshold',
  author: 'ana',
  createdAt: '2026-03-01T10:00:00Z',
  mergedAt: '2026-03-02T08:00:00Z',
  mergeCommitSha: merge,
  reviews: [
    { user: 'carl', state: 'APPROVED', submittedAt: '2026-03-01T16:00:00Z', commitId: feature },
    { user: 'dora', state: 'COMMENTED' },
  ],
  provenance: { sourceId: 'prs.json', pointer: '/0' },
};
const records: EvidenceRecord[] = [
  run('r2', '2026-03-05T01:00:00Z', 2),
  deploy('d-prod', 'production', '2026-03-03T12:00:00+02:00', 2),
  commit(merge, ['0'.repeat(40), feature], '2026-03-02T08:00:00Z', 'Merge pull request #12', 1),
  audit,
  commit(feature, ['0'.repeat(40)], '2026-03-01T09:00:00Z', 'Lower the score threshold to 0.5', 7),
  deploy('d-stage', 'staging', '2026-03-03T09:00:00Z', 1),
  pr,
  run('r1', '2026-03-03T01:00:00Z', 1),
];

describe('the evidence timeline', () => {
  const timeline = buildTimeline(toEvidenceSet(records));

  it('puts every record on one axis in time order, offsets read as instants', () => {
    expect(timeline.entries.map((e) => `${e.kind} ${e.id}`)).toEqual([
      `commit commit:${feature}`,
      'pull-request pull-request:pricing#12',
      'review review:pricing#12:0',
      `merge commit:${merge}`,
      'run run:r1:COMPLETE:lineage.ndjson:1',
      // 12:00+02:00 is 10:00Z: after staging at 09:00Z, though its text sorts first.
      'deployment deployment:d-stage',
      'deployment deployment:d-prod',
      'audit audit:a-7',
      'run run:r2:COMPLETE:lineage.ndjson:2',
    ]);
  });

  it('drops nothing: a review without a time is kept as undated', () => {
    expect(timeline.undated.map((e) => e.id)).toEqual(['review:pricing#12:1']);
    // 2 commits + PR + 2 reviews + 2 deployments + 1 audit edit + 2 runs
    expect(timeline.entries.length + timeline.undated.length).toBe(10);
  });

  it('cites each entry by its source file and line', () => {
    const prod = timeline.entries.find((e) => e.id === 'deployment:d-prod');
    expect(prod).toMatchObject({
      environment: 'production',
      job: 'scoring',
      evidence: { sourceId: 'deploys.jsonl', line: 2 },
    });
    expect(prod?.title).toContain('to production');
    expect(timeline.entries.find((e) => e.kind === 'audit')?.evidence).toEqual({ sourceId: 'audit.jsonl', line: 3 });
  });

  it('filters by kind, environment, job, source and time range', () => {
    const only = (f: Parameters<typeof filterTimeline>[1]) => filterTimeline(timeline.entries, f).map((e) => e.id);
    expect(only({ kinds: new Set(['deployment']) })).toEqual(['deployment:d-stage', 'deployment:d-prod']);
    expect(only({ environments: new Set(['production']) })).toEqual(['deployment:d-prod', 'audit:a-7']);
    expect(only({ kinds: new Set(['deployment']), environments: new Set(['staging']) })).toEqual([
      'deployment:d-stage',
    ]);
    expect(only({ jobs: new Set(['prod:scoring']) })).toEqual([
      'run:r1:COMPLETE:lineage.ndjson:1',
      'run:r2:COMPLETE:lineage.ndjson:2',
    ]);
    expect(only({ sources: new Set(['gitlog.txt']) })).toEqual([`commit:${feature}`, `commit:${merge}`]);
    expect(
      only({ from: Date.parse('2026-03-03T00:00:00Z'), to: Date.parse('2026-03-04T09:30:00Z') }).map(
        (id) => id.split(':')[0],
      ),
    ).toEqual(['run', 'deployment', 'deployment', 'audit']);
    expect(only({})).toHaveLength(timeline.entries.length);
    // Words in any order, any case, from the title, the actor, the job or the environment.
    expect(only({ text: 'PRODUCTION ops-bob' })).toEqual(['audit:a-7']);
    expect(only({ text: 'threshold lower' })).toEqual([`commit:${feature}`, 'pull-request:pricing#12']);
  });

  it('counts the filter choices', () => {
    const facets = timelineFacets(timeline.entries);
    expect(facets.kinds.get('deployment')).toBe(2);
    expect(facets.kinds.get('merge')).toBe(1);
    expect([...facets.environments]).toEqual([
      ['staging', 1],
      ['production', 2],
    ]);
    expect(facets.sources.get('prs.json')).toBe(2);
  });
});

describe('the timeline with the engine’s analysis', () => {
  it('marks the onset, the investigated decision and the outcome rate, and keeps every record', () => {
    const set = testEvidence();
    const decision = set.decisions[set.decisions.length - 1]!;
    const engine = runEngine(set, decision, decision.features[0]!.name);
    const { entries, undated } = buildTimeline(set, {
      decision,
      onset: engine.suspects.onset,
      suspects: engine.suspects.suspects,
    });
    const count = (kind: string) => entries.filter((e) => e.kind === kind).length;
    expect(count('decision')).toBe(1);
    expect(entries.find((e) => e.kind === 'decision')?.id).toBe(`decision:${decision.decisionId}`);
    expect(count('onset')).toBe(1);
    expect(entries.find((e) => e.kind === 'onset')?.time).toBe(engine.suspects.onset.onset);
    expect(count('outcome-rate')).toBe(engine.suspects.onset.series.length);
    expect(count('outcome-rate')).toBeGreaterThan(0);
    expect(count('schema')).toBe(engine.suspects.suspects.filter((s) => s.kind === 'schema').length);
    const reviews = set.pullRequests.reduce((n, p) => n + p.reviews.length, 0);
    const dated = set.pullRequests.filter((p) => p.createdAt).length;
    expect(count('commit') + count('merge')).toBe(set.commits.length);
    expect(count('run')).toBe(set.runs.length);
    expect(count('deployment')).toBe(set.deployments.length);
    expect(count('audit')).toBe(set.audit.length);
    expect(count('review') + count('pull-request') + undated.length).toBe(reviews + set.pullRequests.length);
    expect(count('pull-request')).toBe(dated);
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.at).toBeGreaterThanOrEqual(entries[i - 1]!.at);
  });
});

describe('the good-to-bad interval, the ranked suspects and the recovery', () => {
  const set = testEvidence();
  const decision = set.decisions[set.decisions.length - 1]!;
  const engine = runEngine(set, decision, decision.features[0]!.name);
  const { onset, suspects } = engine.suspects;
  const recovery = { time: '2030-01-01T00:00:00Z', changeId: 'dep-9', note: 'the rollback reached the data' };
  const { entries } = buildTimeline(set, { decision, onset, suspects, recovery });
  const one = (kind: string) => entries.filter((e) => e.kind === kind);

  it('marks the last good decision before the onset, and names the first bad one on the onset', () => {
    expect(onset.lastGood).toBeDefined();
    expect(one('last-good')).toHaveLength(1);
    expect(one('last-good')[0]).toMatchObject({ time: onset.lastGood!.timestamp });
    expect(one('last-good')[0]!.title).toContain(onset.lastGood!.decisionId);
    expect(one('last-good')[0]!.at).toBeLessThanOrEqual(one('onset')[0]!.at);
    if (onset.firstBad) expect(one('onset')[0]!.title).toContain(onset.firstBad.decisionId);
  });

  it('carries each outcome-rate bin’s rate, to draw the series', () => {
    expect(one('outcome-rate').map((e) => e.rate)).toEqual(onset.series.map((b) => b.rate));
  });

  it('ranks the suspects’ own entries in the engine’s order, the top suspect first', () => {
    const ranked = entries.filter((e) => e.rank !== undefined).sort((a, b) => a.rank! - b.rank!);
    expect(suspects.length).toBeGreaterThan(0);
    const top = suspects[0]!;
    expect(ranked[0]).toMatchObject({ rank: 1, evidence: top.evidence });
    expect(ranked[0]!.id.endsWith(top.id)).toBe(true);
    // Every suspect is a record on the axis: none is left without its rank.
    expect(ranked.map((e) => e.rank)).toEqual(suspects.map((_, i) => i + 1));
  });

  it('places the recovery at the time the data was good again, naming the change', () => {
    expect(one('recovery')).toEqual([
      expect.objectContaining({ at: Date.parse(recovery.time), title: expect.stringContaining('dep-9') }),
    ]);
    expect(entries.at(-1)!.kind).toBe('recovery');
  });
});
