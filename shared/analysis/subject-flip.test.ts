import { describe, expect, it } from 'vitest';
import { toEvidenceSet } from '../model/evidence-set';
import type { AuditEntry, Decision, EvidenceRecord, IdentityLink } from '../model/records';
import { findSuspects } from './changes';
import { dayDecision, testEvidence } from './test-evidence';
import { traceDecision } from './trace';

const base = testEvidence();
const day = (d: number, hour = 12) => `2026-10-${String(d).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;

/**
 * Twelve days, four decisions a day reading that day's features. Three other subjects are rejected now and then, as
 * people are, at the same rate all along; the investigated subject is approved until `flipDay` and rejected from then
 * on (or, without `flipDay`, rejected now and then like the others).
 */
function log(flipDay: number | undefined): Decision[] {
  const out: Decision[] = [];
  let n = 0;
  for (let d = 1; d <= 12; d++) {
    for (const [k, subject] of ['u-me', 'u-a', 'u-b', 'u-c'].entries()) {
      n++;
      const rejected = subject === 'u-me' && flipDay !== undefined ? d >= flipDay : n % 5 === 0;
      out.push(dayDecision(`x-${d}-${k}`, d, 12 + k, subject, rejected, n, 'v1'));
    }
  }
  return out;
}

/** An identity rule of the `clean` job (which writes the profiles the features read) edited in the UI. */
const rule = (id: string, d: number): AuditEntry => ({
  kind: 'audit',
  id,
  timestamp: day(d, 9),
  actor: 'eve',
  action: 'identity_rule.updated',
  target: { type: 'identity_rule', id: 'p:clean' },
  channel: 'ui',
  before: { match_threshold: 0.9 },
  after: { match_threshold: 0.5 },
  provenance: { sourceId: 'audit.jsonl', line: d },
});

function investigate(decisions: Decision[], extra: ReadonlyArray<EvidenceRecord>, on = 'x-9-0') {
  const set = toEvidenceSet([...base.commits, ...base.pullRequests, ...base.runs, ...decisions, ...extra]);
  const wrong = set.decisions.find((d) => d.decisionId === on)!;
  const trace = traceDecision(set, wrong, 'flag');
  return findSuspects(set, trace);
}

describe('a subject whose own outcomes flipped while the population’s did not', () => {
  // Day 2: an identity rule edit long before the subject's shift. Day 5 at 09:00: the edit that the stitching run of
  // day 6 (02:00) carried into the data the subject's day-6 decision read, its first rejection.
  const rules = [rule('r-early', 2), rule('r-cause', 5)];

  it('ranks the identity change that reached the data within the subject’s shift first, saying why', () => {
    const result = investigate(log(6), rules);
    expect(result.onset.method).toBe('first-use');
    const top = result.suspects[0]!;
    expect(top.id).toBe('r-cause');
    expect(top.consistency.verdict).toBe('inside');
    expect(top.reachedSubject).toContain('u-me');
    expect(top.reachedSubject).toContain('7 decisions in a row');
    expect(result.suspects.find((s) => s.id === 'r-early')?.reachedSubject).toBeUndefined();
  });

  it('marks nothing when the identity change reached the data after the subject’s first rejection', () => {
    const result = investigate(log(6), [rule('r-late', 7)]);
    expect(result.suspects.find((s) => s.id === 'r-late')?.consistency.verdict).not.toBe('inside');
    expect(result.suspects.some((s) => s.reachedSubject !== undefined)).toBe(false);
  });

  it('marks nothing when the subject was rejected now and then like everyone else', () => {
    const result = investigate(log(undefined), rules, 'x-10-0');
    expect(result.suspects.some((s) => s.reachedSubject !== undefined)).toBe(false);
  });

  it('leaves it to the identity graph, when one names the log’s subjects and did not merge this one', () => {
    const own = ['u-me', 'u-a', 'u-b', 'u-c'].map((u, i): IdentityLink => ({
      kind: 'identity-link',
      profile: `p-${u}`,
      member: u,
      memberType: 'user_id',
      validFrom: day(1, 1),
      provenance: { sourceId: 'id_graph.csv', line: i + 1 },
    }));
    const result = investigate(log(6), [...rules, ...own]);
    expect(result.suspects.some((s) => s.reachedSubject !== undefined)).toBe(false);
  });
});
