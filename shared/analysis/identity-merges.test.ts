import { describe, expect, it } from 'vitest';
import { toEvidenceSet } from '../model/evidence-set';
import type { Decision, IdentityLink } from '../model/records';
import { identityMerges } from './identity-merges';

const at = (day: number) => new Date(Date.UTC(2026, 9, day)).toISOString();
let line = 0;
const link = (profile: string, member: string, memberType: string, day: number): IdentityLink => ({
  kind: 'identity-link',
  profile,
  member,
  memberType,
  validFrom: at(day),
  provenance: { sourceId: 'graph.csv', line: ++line },
});
const decision = (id: string, subject: string, day: number): Decision => ({
  kind: 'decision',
  decisionId: id,
  timestamp: at(day),
  subjectId: subject,
  model: { name: 'm' },
  features: [],
  provenance: { sourceId: 'decisions.jsonl', line: ++line },
});

// Three scored customers (c-1, c-2, c-3) and one the model never scored (c-9), each with a profile holding their
// customer id and an email. On day 5 an anonymous visitor identifies as c-1 (an ordinary merge); on day 8 a lowered
// threshold joins c-2's profile with c-9's and c-3's with c-1's (RudderStack lists the merged ids under one main id).
const people = ['c-1', 'c-2', 'c-3', 'c-9'];
const graph: IdentityLink[] = [
  ...people.flatMap((c) => [link(`p-${c}`, c, 'customer_id', 1), link(`p-${c}`, `${c}@mail.test`, 'email', 1)]),
  link('p-visitor', 'anon-1', 'anonymous_id', 2),
  link('p-c-1', 'anon-1', 'anonymous_id', 5),
  link('p-c-2', 'c-9', 'customer_id', 8),
  link('p-c-2', 'c-9@mail.test', 'email', 8),
  link('p-c-1', 'c-3', 'customer_id', 8),
];
const decisions = ['c-1', 'c-2', 'c-3'].map((c, i) => decision(`d-${i}`, c, 10));

describe('collision merges of an identity graph', () => {
  const merges = identityMerges(toEvidenceSet([...graph, ...decisions]))!;

  it('names the scored subjects whose profile came to hold another person’s ids, at the time of the merge', () => {
    expect([...merges.subjectsMerged(Date.parse(at(6)))].sort()).toEqual(['c-1', 'c-2', 'c-3']);
    expect(merges.mergeOf('c-2', Date.parse(at(6)))?.at).toBe(Date.parse(at(8)));
    expect(merges.resolvable).toBe(true);
  });

  it('does not count an anonymous visitor identifying themselves as a merge of two people', () => {
    expect(merges.subjectsMerged(Date.parse(at(3)), Date.parse(at(7))).size).toBe(0);
    expect(merges.mergeOf('c-1', 0, Date.parse(at(7)))).toBeUndefined();
  });

  it('reads Segment’s shape: a profile merged into a canonical one joins both profiles’ ids', () => {
    const segment: IdentityLink[] = [
      ...people.map((c) => link(`use_${c}`, c, 'user_id', 1)),
      link('use_c-2', 'use_c-9', 'profile', 8),
    ];
    const m = identityMerges(toEvidenceSet([...segment, ...decisions]))!;
    expect([...m.subjectsMerged(0)]).toEqual(['c-2']);
  });

  it('says the graph cannot resolve subjects when it holds none of the decision log’s ids', () => {
    const other = graph.map((l) => ({ ...l, member: `x-${l.member}`, profile: `x-${l.profile}` }));
    const m = identityMerges(toEvidenceSet([...other, ...decisions]))!;
    expect(m.resolvable).toBe(false);
    expect(m.subjectsMerged(0).size).toBe(0);
  });

  it('is absent where no identity graph was imported', () => {
    expect(identityMerges(toEvidenceSet(decisions))).toBeUndefined();
  });
});
