/**
 * The card's "version at inference" on small hand-built evidence (shared/analysis/test-evidence.ts: a features job
 * whose bad commit is merged on 10-08 and deployed to production on 10-09): what production ran stays the answer
 * when the transformation was also edited outside Git (the edit is listed beside it, and as one gap of the card),
 * and a job whose runs name no code is followed through the deployments that name it.
 */
import { describe, expect, it } from 'vitest';
import { SHA, testEvidence } from '../analysis/test-evidence';
import { toEvidenceSet, type EvidenceSet } from '../model/evidence-set';
import type { AuditEntry, Commit, Deployment, EvidenceRecord, LineageRunEvent } from '../model/records';
import { isGap, type CardAnswer, type LineageCard } from './card-types';
import { lineageCard } from './lineage-card';

const base = testEvidence();
const records = (set: EvidenceSet): EvidenceRecord[] => Object.values(set).flat() as EvidenceRecord[];
const withRecords = (extra: ReadonlyArray<EvidenceRecord>, runs = (r: LineageRunEvent) => r): EvidenceSet =>
  toEvidenceSet([...records(base).map((r) => (r.kind === 'lineage-run' ? runs(r) : r)), ...extra]);

const edit = (id: string, timestamp: string, after: Record<string, unknown>, target = 'p:features'): AuditEntry => ({
  kind: 'audit',
  id,
  timestamp,
  actor: 'mallory',
  action: 'transformation.updated',
  target: { type: 'transformation', id: target },
  channel: 'ui',
  environment: 'production',
  before: Object.fromEntries(Object.keys(after).map((k) => [k, 'old'])),
  after,
  provenance: { sourceId: 'audit', line: 1 },
});
const deployment = (id: string, timestamp: string, commit: string, component?: string): Deployment => ({
  kind: 'deployment',
  id,
  timestamp,
  environment: 'production',
  commit,
  status: 'success',
  ...(component && { component }),
  provenance: { sourceId: 'deployments', line: 1 },
});

/** The card of the decision on `day` (October), feature `flag`. */
const cardOn = (set: EvidenceSet, day: number): LineageCard => {
  const decision = set.decisions.find((d) => d.timestamp.startsWith(`2026-10-${String(day).padStart(2, '0')}`));
  return lineageCard(set, decision!, 'flag');
};
const value = <T>(a: CardAnswer<T>): T => {
  if (isGap(a)) throw new Error(`expected an answer, got the gap ${a.gap}: ${a.explanation}`);
  return a.value;
};
const gapsNaming = (card: LineageCard, id: string) => card.gaps.filter((g) => g.explanation.includes(id));

describe('version at inference beside changes made outside Git', () => {
  it('still names the deployed commit and its job version when the transformation was edited in the UI afterwards', () => {
    const card = cardOn(withRecords([edit('a-sql', '2026-10-09T06:00:00Z', { sql: 'select 1' })]), 10);
    const version = value(card.answers.versionAtInference);
    expect(version).toMatchObject({
      deployedCommit: SHA.badMerge,
      commit: SHA.bad,
      deployedBy: 'deployment',
      deployment: 'dep-5',
      path: 'features/flag.sql',
    });
    expect(version.untrackedEdits.map((e) => e.auditId)).toEqual(['a-sql']);
    // The answers that follow the version are still given: the edit does not hide who approved what shipped.
    expect(value(card.answers.deployedAt).deployment).toBe('dep-5');
    const gaps = gapsNaming(card, 'a-sql');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.gap).toBe('ui-only-change');
  });

  it('does not count an edit of the owner or description, which changes nothing the job computes', () => {
    const card = cardOn(withRecords([edit('a-owner', '2026-10-09T06:00:00Z', { owner: 'ml platform' })]), 10);
    expect(value(card.answers.versionAtInference).untrackedEdits).toEqual([]);
    expect(gapsNaming(card, 'a-owner')).toEqual([]);
  });

  it('drops an edit that a later deployment of new code replaced, not one a redeploy of the same code left', () => {
    // a-early (10-08) is replaced by dep-5 (10-09), which shipped a new version of features/flag.sql.
    const replaced = cardOn(withRecords([edit('a-early', '2026-10-08T12:00:00Z', { sql: 'select 2' })]), 10);
    expect(value(replaced.answers.versionAtInference).untrackedEdits).toEqual([]);
    expect(gapsNaming(replaced, 'a-early')).toEqual([]);
    // a-late (10-09) is followed only by dep-6, the same commit deployed again: the edit stays in force.
    const redeployed = withRecords([
      edit('a-late', '2026-10-09T06:00:00Z', { sql: 'select 3' }),
      deployment('dep-6', '2026-10-10T00:00:00Z', SHA.badMerge),
    ]);
    const version = value(cardOn(redeployed, 11).answers.versionAtInference);
    expect(version).toMatchObject({ deployedCommit: SHA.badMerge, deployment: 'dep-6', commit: SHA.bad });
    expect(version.untrackedEdits.map((e) => e.auditId)).toEqual(['a-late']);
  });

  it('lists a standing UI edit of an upstream job of the closure as a gap of the card', () => {
    // a-2 (test-evidence) edited p:clean on 10-07; dep-5 left transform/clean.sql as it was.
    const card = cardOn(base, 10);
    expect(gapsNaming(card, 'a-2').map((g) => g.gap)).toEqual(['ui-only-change']);
  });
});

describe('version at inference of a job whose runs name no code', () => {
  const noCode = (r: LineageRunEvent): LineageRunEvent =>
    r.job.name === 'features' ? { ...r, sourceCodeLocation: undefined } : r;

  it("follows the file that a deployment naming the job shipped, and keeps the run's gap on the card", () => {
    const set = withRecords([deployment('dep-job', '2026-10-08T02:00:00Z', SHA.bad, 'p:features')], noCode);
    const card = cardOn(set, 10);
    expect(value(card.answers.versionAtInference)).toMatchObject({
      path: 'features/flag.sql',
      pathSource: { from: 'deployment', deployments: ['dep-job'] },
      deployedCommit: SHA.badMerge,
      commit: SHA.bad,
    });
    expect(card.gaps.some((g) => g.gap === 'untracked-transformation' && g.explanation.includes('dep-job'))).toBe(true);
  });

  it('takes the repository the deployments naming the job shipped from, though another one deploys the same path', () => {
    const other: Commit = {
      ...base.commits[0]!,
      repository: 'marketing',
      sha: 'b'.repeat(40),
      changedPaths: [{ status: 'A', path: 'features/flag.sql' }],
    };
    const set = withRecords(
      [
        other,
        deployment('dep-job', '2026-10-08T02:00:00Z', SHA.bad, 'p:features'),
        deployment('dep-marketing', '2026-10-08T04:00:00Z', other.sha, 'features/flag.sql'),
      ],
      noCode,
    );
    expect(value(cardOn(set, 10).answers.versionAtInference)).toMatchObject({
      repository: 'repo',
      deployedCommit: SHA.badMerge,
      commit: SHA.bad,
    });
  });

  it('gives no answer when the deployments naming the job shipped commits changing different files', () => {
    const set = withRecords(
      [
        deployment('dep-job-1', '2026-10-08T02:00:00Z', SHA.bad, 'p:features'),
        deployment('dep-job-2', '2026-10-08T03:00:00Z', SHA.transform, 'p:features'),
      ],
      noCode,
    );
    const version = cardOn(set, 10).answers.versionAtInference;
    expect(isGap(version) && version.gap).toBe('untracked-transformation');
  });
});

describe('version at inference when the deployed commit is not in the history', () => {
  it('says so, and names the deployment, when production last deployed a commit the history does not hold', () => {
    const unknown = { ...deployment('dep-x', '2026-10-09T12:00:00Z', 'c'.repeat(40)), repository: 'repo' };
    const version = cardOn(withRecords([unknown]), 10).answers.versionAtInference;
    expect(isGap(version) && version.gap).toBe('missing-record');
    expect(isGap(version) && version.explanation).toContain('dep-x');
  });
});
