import { describe, expect, it } from 'vitest';
import { toEvidenceSet } from '../model/evidence-set';
import type { AuditEntry, EvidenceRecord, IdentityLink } from '../model/records';
import { blastRadius } from './blast-radius';
import { findSuspects } from './changes';
import { testEvidence } from './test-evidence';
import { traceDecision } from './trace';

const base = testEvidence();
const wrong = base.decisions.find((d) => d.decisionId === 'd-23')!;
const subject = wrong.subjectId!;
// The population never shifted: only the investigated decision had the outcome. Its subject's profile was wrongly
// joined with someone else's, and nothing in the rates says when.
const quiet = base.decisions.map((d) => (d === wrong ? d : { ...d, action: 'approve' }));

/** A stitching rule of the `clean` job (the job that writes the profiles the features read) edited in the UI. */
const rule = (id: string, day: number): AuditEntry => ({
  kind: 'audit',
  id,
  timestamp: `2026-10-${String(day).padStart(2, '0')}T09:00:00Z`,
  actor: 'eve',
  action: 'identity_rule.updated',
  target: { type: 'identity_rule', id: 'p:clean' },
  channel: 'ui',
  before: { match_threshold: 0.9 },
  after: { match_threshold: day === 4 ? 0.4 : 0.95 },
  provenance: { sourceId: 'audit.jsonl', line: day },
});

let line = 0;
const link = (profile: string, member: string, day: number, hour = 2): IdentityLink => ({
  kind: 'identity-link',
  profile,
  member,
  memberType: 'user_id',
  validFrom: `2026-10-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`,
  provenance: { sourceId: 'id_graph.csv', line: ++line },
});

/** Every subject (u-0 … u-6) and people never scored (u-90 … u-99), each with a profile of their own. */
const unscored = Array.from({ length: 10 }, (_, i) => `u-9${i}`);
const profiles = [...Array.from({ length: 7 }, (_, i) => `u-${i}`), ...unscored].map((u) => link(`p-${u}`, u, 1));

function investigate(extra: ReadonlyArray<EvidenceRecord>) {
  const set = toEvidenceSet([
    ...base.commits,
    ...base.pullRequests,
    ...base.deployments,
    ...base.runs,
    ...quiet,
    ...extra,
  ]);
  const trace = traceDecision(set, wrong, 'flag');
  return { set, trace, result: findSuspects(set, trace) };
}

describe('a change of identity resolution that merged the decision’s subject', () => {
  // Day 2: an innocent rule edit. Day 4: the threshold lowered. Day 5's stitching run joins the subject's profile with
  // the unscored u-99's, two other subjects' profiles with each other, and two unscored people's pairwise.
  const pair = ['u-0', 'u-1', 'u-3', 'u-4', 'u-5', 'u-6'].filter((u) => u !== subject).slice(0, 2) as [string, string];
  const merged = [
    link(`p-${subject}`, 'u-99', 5),
    link(`p-${pair[0]}`, pair[1], 5),
    link('p-u-90', 'u-91', 5),
    link('p-u-92', 'u-93', 5),
  ];
  const { set, trace, result } = investigate([rule('r-early', 2), rule('r-cause', 4), ...profiles, ...merged]);

  it('ranks the rule change the graph ties to the merge first, with the merge as its evidence', () => {
    const top = result.suspects[0]!;
    expect(top.id).toBe('r-cause');
    expect(top.consistency.verdict).toBe('inside');
    expect(top.reachedSubject).toContain(subject);
    expect(top.reachedSubject).toContain('2026-10-05T02:00:00.000Z');
    expect(result.suspects.find((s) => s.id === 'r-early')?.reachedSubject).toBeUndefined();
  });

  it('counts only the decisions of the subjects the graph merged after the change', () => {
    const cause = result.suspects[0]!;
    const radius = blastRadius(set, wrong, 'flag', cause, trace, result.onset);
    const subjects = new Set(radius.decisions.map((d) => d.subjectId));
    expect([...subjects].sort()).toEqual([subject, ...pair].sort());
    expect(radius.notes.join(' ')).toContain('identity graph');
    // Four merges after the change, holding the subject and the pair: counts in words, never `merge(s)`.
    expect(radius.notes.join(' ')).toMatch(/shows 4 merges of one person's profile .* holding 3 subjects of/);
  });
});

describe('without the identity graph’s evidence', () => {
  it('a merge of other subjects only leaves the subject unreached', () => {
    const others = ['u-0', 'u-1', 'u-3'].filter((u) => u !== subject);
    const { result } = investigate([rule('r-cause', 4), ...profiles, link(`p-${others[0]}`, others[1]!, 5)]);
    expect(result.suspects.some((s) => s.reachedSubject !== undefined)).toBe(false);
  });

  it('a merge before the change was not made by it', () => {
    const { result } = investigate([rule('r-cause', 4), ...profiles, link(`p-${subject}`, 'u-99', 3)]);
    expect(result.suspects.find((s) => s.id === 'r-cause')?.reachedSubject).toBeUndefined();
  });

  it('one merge after the change, no more than a household’s shared device makes, does not limit the radius', () => {
    const others = ['u-0', 'u-1', 'u-3'].filter((u) => u !== subject);
    const { set, trace, result } = investigate([
      rule('r-cause', 4),
      ...profiles,
      link(`p-${others[0]}`, others[1]!, 5),
    ]);
    const cause = result.suspects.find((s) => s.id === 'r-cause')!;
    const radius = blastRadius(set, wrong, 'flag', cause, trace, result.onset);
    expect(radius.notes.join(' ')).toContain('no more than usual');
    expect(radius.notes.join(' ')).toContain("shows 1 merge of one person's profile");
    expect(new Set(radius.decisions.map((d) => d.subjectId)).size).toBeGreaterThan(2);
  });

  it('no graph imported: the blast radius says the merged subjects cannot be resolved', () => {
    const { set, trace, result } = investigate([rule('r-cause', 4)]);
    const cause = result.suspects.find((s) => s.id === 'r-cause')!;
    const radius = blastRadius(set, wrong, 'flag', cause, trace, result.onset);
    expect(radius.notes.join(' ')).toContain('no identity graph was imported');
  });
});
