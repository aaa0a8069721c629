import { describe, expect, it } from 'vitest';
import type { EvidenceSet } from '../model/evidence-set';
import type { AuditEntry, Commit, Deployment, EnforcementEntry, PullRequest } from '../model/records';
import { validateGovernance, type GovernedChange } from './governance';
import { CONTROL_LABEL } from './governance-controls';
import { SHA, testEvidence } from './test-evidence';

const base = testEvidence();
const prov = (line: number) => ({ sourceId: 'rules', line });
const change = (id: string, kind = 'commit', touches = ['p:features']): GovernedChange => ({
  id,
  kind,
  touches,
  paths: ['features/flag.sql'],
  timestamp: '2026-10-08T00:00:00Z',
});
const pr3 = base.pullRequests.find((p) => p.number === 3) as PullRequest;
const withPr = (pr: Partial<PullRequest>): EvidenceSet => ({
  ...base,
  pullRequests: base.pullRequests.map((p) => (p.number === 3 ? { ...p, ...pr } : p)),
});
const dep = (
  id: string,
  day: number,
  environment: string,
  commit: string,
  extra?: Deployment['extra'],
): Deployment => ({
  kind: 'deployment',
  id,
  timestamp: `2026-10-${String(day).padStart(2, '0')}T00:00:00Z`,
  environment,
  commit,
  extra,
  provenance: prov(day),
});
const rules = (set: EvidenceSet, id = SHA.bad, kind = 'commit') => {
  const trace = { jobs: [{ id: 'p:features', codePath: 'features/flag.sql' }] } as never;
  const [row] = validateGovernance(set, [change(id, kind)], { trace, asOf: '2026-10-11T12:00:00Z' });
  return row!;
};
const failed = (set: EvidenceSet, rule: string, id?: string) =>
  rules(set, id).findings.filter((f) => (f as { rule?: string }).rule === rule && !f.ok);

describe('governance rules, one at a time', () => {
  it('flags a stale approval: the approval names another commit than the merged head', () => {
    const set = withPr({
      reviews: [{ user: 'bo', state: 'APPROVED', commitId: SHA.docs, submittedAt: '2026-10-07T00:00:00Z' }],
    });
    expect(failed(set, 'stale-approval')[0]?.text).toMatch(/Stale approval: bo approved/);
    expect(rules(set).verdict).toBe('violation');
    expect(rules(set).approved).toBe(false);
  });

  it('does not count an approval by the author', () => {
    const set = withPr({ reviews: [{ user: 'dee', state: 'APPROVED', commitId: SHA.bad }] });
    expect(failed(set, 'self-approval')[0]?.text).toBe('dee approved their own pull request #3.');
    expect(rules(set).approvers).toEqual([]);
  });

  it('does not count an approval submitted after the merge', () => {
    const set = withPr({ reviews: [{ user: 'bo', state: 'APPROVED', submittedAt: '2026-10-09T00:00:00Z' }] });
    expect(failed(set, 'approval-after-merge')).toHaveLength(1);
    expect(rules(set).verdict).toBe('violation');
  });

  it('accepts a valid approval, staged for a day before production', () => {
    const approved = withPr({
      reviews: [{ user: 'bo', state: 'APPROVED', commitId: SHA.bad, submittedAt: '2026-10-07T00:00:00Z' }],
    });
    // The docs commit the deployment also ships came through an approved pull request of its own.
    const docsPr: PullRequest = { ...pr3, number: 9, author: 'ann', headSha: SHA.docs, mergeCommitSha: SHA.docs };
    const set: EvidenceSet = {
      ...approved,
      pullRequests: [...approved.pullRequests, { ...docsPr, reviews: [{ user: 'cy', state: 'APPROVED' }] }],
      deployments: [
        ...base.deployments.filter((d) => d.id !== 'dep-5'),
        dep('s-9', 8, 'staging', SHA.badMerge),
        dep('p-9', 9, 'production', SHA.badMerge),
      ],
    };
    const row = rules(set);
    expect(row.approvers).toEqual(['bo']);
    expect(row.findings.some((f) => f.ok && /In staging for 24\.0 h/.test(f.text))).toBe(true);
    expect(row.verdict).toBe('compliant');
  });

  it('flags production without staging', () => {
    expect(failed(base, 'staging-before-production')[0]?.text).toMatch(/without a prior staging deployment/);
  });

  it('flags a deployment that ships the branch, not the approved merge', () => {
    const set: EvidenceSet = {
      ...base,
      deployments: [...base.deployments.filter((d) => d.id !== 'dep-5'), dep('p-9', 9, 'production', SHA.bad)],
    };
    expect(failed(set, 'deployment-contains-merge')[0]?.text).toMatch(/does not contain the approved merge/);
  });

  it("reports an unapproved change shipped alongside as that change's finding, and the deployment's violation", () => {
    // The approved transform ships with SHA.docs, which came through no pull request.
    const set: EvidenceSet = {
      ...withPr({ reviews: [{ user: 'bo', state: 'APPROVED', commitId: SHA.bad }] }),
      deployments: [
        dep('p-1', 4, 'production', SHA.good),
        dep('s-2', 8, 'staging', SHA.badMerge),
        dep('p-2', 9, 'production', SHA.badMerge),
      ],
    };
    const row = rules(set);
    const alongside = row.findings.find((f) => (f as { rule?: string }).rule === 'deployment-ships-unapproved');
    expect(alongside?.text).toMatch(/p-2 also shipped 1 change without a valid approval: aaaaaaaaaaaa "docs"/);
    expect(alongside?.ok).toBe(true);
    expect(row.verdict).toBe('compliant');
    // Judged as a change of its own, the deployment answers for what a job runs: SHA.docs changed a README only.
    const deployment = rules(set, 'p-2', 'deployment');
    expect(deployment.verdict).toBe('compliant');
    expect(deployment.findings.find((f) => /documents only/.test(f.text))?.control).toBe('not-applicable');
    // The same commit changing code instead: the deployment shipped unreviewed code.
    const coded: EvidenceSet = {
      ...set,
      commits: set.commits.map((c) =>
        c.sha === SHA.docs ? { ...c, changedPaths: [{ status: 'M', path: 'transform/clean.sql' }] } : c,
      ),
    };
    const shippedCode = rules(coded, 'p-2', 'deployment');
    expect(shippedCode.verdict).toBe('violation');
    expect(shippedCode.findings.find((f) => !f.ok)?.text).toMatch(/p-2 shipped 1 change that came through no/);
  });

  it('compares a deployment only with the previous one of its own repository', () => {
    const approved = withPr({ reviews: [{ user: 'bo', state: 'APPROVED', commitId: SHA.bad }] });
    const other = (d: Deployment, repository: string): Deployment => ({ ...d, repository });
    const set: EvidenceSet = {
      ...approved,
      deployments: [
        other(dep('p-1', 4, 'production', SHA.docs), 'repo'),
        other(dep('p-x', 7, 'production', 'f'.repeat(40)), 'elsewhere'),
        other(dep('s-2', 8, 'staging', SHA.badMerge), 'repo'),
        other(dep('p-2', 9, 'production', SHA.badMerge), 'repo'),
      ],
    };
    // p-2 added only the approved transform to what p-1 ran; the other repository's release says nothing of it.
    expect(rules(set, 'p-2', 'deployment').verdict).toBe('compliant');
  });

  it('counts a staging deployment that names the job in its staging namespace', () => {
    const approved = withPr({ reviews: [{ user: 'bo', state: 'APPROVED', commitId: SHA.bad }] });
    const named = (d: Deployment, component: string): Deployment => ({ ...d, component });
    const set: EvidenceSet = {
      ...approved,
      deployments: [
        named(dep('s-9', 8, 'staging', SHA.badMerge), 'p-staging:features'),
        named(dep('p-9', 9, 'production', SHA.badMerge), 'p:features'),
        named(dep('s-o', 8, 'staging', SHA.badMerge), 'p-staging:other'),
      ],
    };
    const row = rules(set);
    expect(row.findings.some((f) => f.ok && /In staging for 24\.0 h \(s-9\)/.test(f.text))).toBe(true);
    expect(row.verdict).toBe('compliant');
  });

  it('flags a rollback to an older release that staging did not run again, not one it did', () => {
    const approved = withPr({ reviews: [{ user: 'bo', state: 'APPROVED', commitId: SHA.bad }] });
    const deployments = [
      ...base.deployments.filter((d) => d.id !== 'dep-5'),
      dep('s-9', 8, 'staging', SHA.badMerge),
      dep('p-9', 9, 'production', SHA.badMerge),
      dep('p-10', 10, 'production', SHA.transform),
    ];
    const rolledBack = rules({ ...approved, deployments }, 'p-10', 'deployment');
    expect(rolledBack.verdict).toBe('violation');
    expect(rolledBack.findings.find((f) => !f.ok)?.text).toMatch(
      /p-10 rolled production back from aaaaaaaaaaaa \(p-9\) to the older aaaaaaaaaaaa, last staged 2026-09-21/,
    );
    const restaged = [...deployments.slice(0, -1), dep('s-10', 10, 'staging', SHA.transform), deployments.at(-1)!];
    const promoted = rules({ ...approved, deployments: restaged }, 'p-10', 'deployment');
    expect(promoted.findings.some((f) => f.ok && /p-10 promoted aaaaaaaaaaaa, which staging ran/.test(f.text))).toBe(
      true,
    );
    expect(promoted.verdict).toBe('compliant');
  });

  it('flags a production deployment of a commit no staging deployment ran', () => {
    const approved = withPr({ reviews: [{ user: 'bo', state: 'APPROVED', commitId: SHA.bad }] });
    const set: EvidenceSet = {
      ...approved,
      deployments: [
        ...base.deployments.filter((d) => d.id !== 'dep-5'),
        dep('s-9', 8, 'staging', SHA.badMerge),
        dep('p-9', 9, 'production', SHA.later),
      ],
    };
    const row = rules(set, 'p-9', 'deployment');
    const staging = row.findings.filter((f) => (f as { rule?: string }).rule === 'staging-before-production');
    expect(staging.find((f) => !f.ok)?.text).toMatch(
      /p-9 deployed aaaaaaaaaaaa to production, a commit no staging deployment had run/,
    );
  });

  it('follows a schema change to the code production ran when its run names no commit', () => {
    const runs = base.runs.map((r) =>
      r.sourceCodeLocation ? { ...r, sourceCodeLocation: { ...r.sourceCodeLocation, version: undefined } } : r,
    );
    const run = runs.find((r) => r.job.name === 'features' && r.eventTime.startsWith('2026-10-10'));
    const [row] = validateGovernance({ ...base, runs }, [change(run!.runId, 'schema')]);
    // Production ran dep-5 (the merge of #3) then: the schema came from "raise threshold", merged without approval.
    expect(row?.findings[0]?.text).toMatch(/^The schema was written by code at aaaaaaaaaaaa \("raise threshold"\)/);
    expect(row?.verdict).toBe('violation');
  });

  it('does not credit a direct push with the pull request merged after it', () => {
    // In a history of two repositories, a push straight to the base branch, then a branch forked before it merged.
    const c = (sha: string, parents: string[], day: number, repository = 'repo'): Commit => ({
      ...(base.commits[0] as Commit),
      sha,
      parents,
      repository,
      subject: sha.slice(0, 4),
      authorDate: `2026-10-${String(day).padStart(2, '0')}T00:00:00Z`,
      committerDate: `2026-10-${String(day).padStart(2, '0')}T00:00:00Z`,
      pullRequest: undefined,
    });
    const [root, push, branch, merge] = ['1', '2', '3', '4'].map((n) => n.repeat(40)) as [
      string,
      string,
      string,
      string,
    ];
    const other = Array.from({ length: 8 }, (_, i) =>
      c(String(i).padStart(40, 'e'), i ? [String(i - 1).padStart(40, 'e')] : [], 1, 'other'),
    );
    const pr: PullRequest = {
      ...pr3,
      number: 7,
      headSha: branch,
      mergeCommitSha: merge,
      mergedAt: '2026-10-05T00:00:00Z',
      reviews: [{ user: 'bo', state: 'APPROVED' }],
    };
    const set: EvidenceSet = {
      ...base,
      commits: [...other, c(root, [], 1), c(push, [root], 2), c(branch, [root], 3), c(merge, [push, branch], 4)],
      pullRequests: [pr],
      deployments: [],
    };
    const rows = validateGovernance(set, [change(branch), change(root)]);
    expect(rows.map((r) => r.pullRequest)).toEqual([7, undefined]);
    expect(rows[1]?.findings[0]?.text).toMatch(/No pull request brought 111111111111: it was pushed without review/);
  });

  it('flags broken parity: production ran code staging never had, and the config keys that differ', () => {
    const set: EvidenceSet = {
      ...base,
      deployments: [
        dep('s-1', 3, 'staging', SHA.good, { config: { threshold: 300, region: 'eu' } }),
        dep('p-1', 9, 'production', SHA.badMerge, { config: { threshold: 30000, region: 'eu' } }),
      ],
    };
    const row = rules(set) as ReturnType<typeof rules> & { parity?: { matches: boolean; differingKeys: string[] } };
    expect(row.parity?.matches).toBe(false);
    expect(row.parity?.differingKeys).toEqual(['threshold']);
    const text = failed(set, 'parity')[0]?.text ?? '';
    expect(text).toMatch(/staging never ran the code production ran; config keys differ: threshold/);
    // The row is labelled with the control and its verdict; the evidence states what differed, not the label again.
    expect(text.toLowerCase()).not.toContain(CONTROL_LABEL.parity.toLowerCase());
  });

  it('does not blame a change for parity when it ran in staging before production and staging now runs other code', () => {
    // The bad merge was staged on day 8 and released on day 9; on day 10 staging got an older branch build.
    const set: EvidenceSet = {
      ...base,
      deployments: [
        dep('s-1', 8, 'staging', SHA.badMerge),
        dep('p-1', 9, 'production', SHA.badMerge),
        dep('s-2', 10, 'staging', SHA.good),
      ],
    };
    const parity = rules(set).findings.find((f) => (f as { rule?: string }).rule === 'parity');
    expect(parity?.ok).toBe(true);
    expect(parity?.text).toMatch(/had run in both staging and production/);
    expect(failed(set, 'parity')).toEqual([]);
  });

  it('flags enforcement that applied another rule version than the one in force', () => {
    const applied: AuditEntry = {
      kind: 'audit',
      id: 'a-9',
      timestamp: '2026-10-01T00:00:00Z',
      actor: 'bot',
      action: 'tracking_plan.applied',
      target: { type: 'tracking_plan', id: 'plans/checkout.yaml', name: 'checkout' },
      environment: 'production',
      channel: 'cli',
      after: { version: '12' },
      provenance: prov(9),
    };
    const check = (id: string, version: string): EnforcementEntry => ({
      kind: 'enforcement',
      id,
      timestamp: '2026-10-10T00:00:00Z',
      eventId: `evt-${id}`,
      rule: 'tracking_plan:checkout',
      ruleVersion: version,
      outcome: 'passed',
      violations: [],
      environment: 'production',
      provenance: prov(20),
    });
    const set: EvidenceSet = { ...base, audit: [applied], enforcement: [check('e-1', '12'), check('e-2', '11')] };
    const trace = { jobs: [{ id: 'p:plan', codePath: 'plans/checkout.yaml' }] } as never;
    const planChange = { ...change(SHA.bad), touches: ['p:plan'], paths: ['tracking-plans/checkout.yaml'] };
    const [row] = validateGovernance(set, [planChange], { trace, asOf: '2026-10-11T00:00:00Z' });
    const finding = row!.findings.find((f) => (f as { rule?: string }).rule === 'enforcement');
    expect(finding?.ok).toBe(false);
    expect(finding?.text).toMatch(
      /1 of 2 tracking_plan:checkout checks applied another version.*e-2 on evt-e-2 applied version 11, version 12 was in force since a-9/,
    );
  });

  it('reads the version a deployment put in force from the checks where no audit entry records it', () => {
    const check = (id: string, at: string, version: string): EnforcementEntry => ({
      kind: 'enforcement',
      id,
      timestamp: `2026-10-${at}Z`,
      rule: 'tracking_plan:checkout',
      ruleVersion: version,
      outcome: 'passed',
      violations: [],
      environment: 'production',
      provenance: prov(30),
    });
    const trace = { jobs: [{ id: 'p:plan', codePath: 'plans/checkout.yaml' }] } as never;
    const planChange = { ...change(SHA.bad), touches: ['p:plan'], paths: ['tracking-plans/checkout.yaml'] };
    const enforcement = (versions: string[]) =>
      validateGovernance(
        {
          ...base,
          enforcement: [
            check('e-0', '08T12:00:00', '11'),
            ...versions.map((v, i) => check(`e-${i + 1}`, `10T0${i}:00:00`, v)),
          ],
        },
        [planChange],
        { trace, asOf: '2026-10-11T00:00:00Z' },
      )[0]!.findings.find((f) => (f as { rule?: string }).rule === 'enforcement');
    // dep-5 put the plan in production on the 9th: 11 before it, then 12 for good.
    const switched = enforcement(['11', '12', '12']);
    expect(switched?.ok).toBe(true);
    expect(switched?.text).toMatch(/switched from version 11 to version 12 after dep-5 .*first e-2/);
    const flipped = enforcement(['12', '11', '12']);
    expect(flipped?.ok).toBe(false);
    expect(flipped?.text).toMatch(/applied versions 12 → 11 → 12 after dep-5/);
    expect(enforcement(['11', '11'])?.text).toMatch(/kept applying version 11 .*cannot be verified/);
  });

  it('calls UI edits and manual identity merges unauthorized, and a commit-less CLI change unverifiable', () => {
    const merge: AuditEntry = {
      ...(base.audit[0] as AuditEntry),
      id: 'a-m',
      channel: 'cli',
      action: 'identity.manual_merge',
      target: { type: 'identity_merge', id: 'wh:id_graph' },
    };
    const cli: AuditEntry = { ...(base.audit[0] as AuditEntry), id: 'a-c', channel: 'cli' };
    const set: EvidenceSet = { ...base, audit: [...base.audit, merge, cli] };
    const rows = validateGovernance(set, [change('a-2', 'audit'), change('a-m', 'audit'), change('a-c', 'audit')]);
    expect(rows.map((r) => r.verdict)).toEqual(['violation', 'violation', 'insufficient-evidence']);
    expect(rows[1]?.findings[0]?.text).toMatch(/^Unauthorized: a manual identity merge/);
  });

  it('says evidence is insufficient only where a record is missing', () => {
    const set: EvidenceSet = { ...base, pullRequests: [], deployments: [] };
    const row = rules(set);
    expect(row.verdict).toBe('insufficient-evidence');
    expect(row.findings.map((f) => f.text)).toContain(
      'No pull-request export is imported: approval cannot be checked.',
    );
    const commits: Commit[] = [...base.commits];
    expect(validateGovernance({ ...base, commits }, [change('f'.repeat(40))])[0]?.verdict).toBe(
      'insufficient-evidence',
    );
  });
});
