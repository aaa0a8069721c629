import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { runEngine } from '../analysis/engine';
import { testEvidence } from '../analysis/test-evidence';
import type { EvidenceSet } from '../model/evidence-set';
import { buildIndexedTimeline } from './timeline-index';
import { packTimeline, unpackTimeline } from './timeline-transfer';

/**
 * The hand-written pipeline with the engine's marks, a commit whose subject holds what a separator would, and a pull
 * request cited by its JSON pointer.
 */
function pipeline(): { set: EvidenceSet; analysis: Parameters<typeof buildIndexedTimeline>[1] } {
  const base = testEvidence();
  const first = base.commits[0]!;
  const set = {
    ...base,
    commits: [
      ...base.commits,
      { ...first, sha: 'a'.repeat(40), subject: 'tab\there\u0000nul, 名前 \u202e', authorName: '' },
    ],
    pullRequests: [
      ...base.pullRequests,
      {
        kind: 'pull-request' as const,
        repository: 'pipeline',
        number: 4,
        title: 'Lower the flag threshold',
        author: 'ana',
        createdAt: first.committerDate,
        reviews: [],
        provenance: { sourceId: 'prs.json', pointer: '/0' },
      },
    ],
  };
  const decision = set.decisions.find((d) => d.decisionId === 'd-23')!;
  const engine = runEngine(set, decision, 'flag');
  return {
    set,
    analysis: {
      decision,
      onset: engine.suspects.onset,
      suspects: engine.suspects.suspects,
      recovery: engine.scope.recovery,
    },
  };
}

describe('the timeline sent from the worker as columns', () => {
  const { set, analysis } = pipeline();
  const built = buildIndexedTimeline(set, analysis);

  it('comes back as it was built, entry for entry, through a structured clone', () => {
    const received = unpackTimeline(deserialize(serialize(packTimeline(built))));
    expect(received.entries).toStrictEqual(built.entries);
    expect(received.undated).toStrictEqual(built.undated);
    expect(received.index.facets).toEqual(built.index.facets);
  });

  it('keeps what the evidence wrote: odd characters in a title, an empty author, pointers, ranks and rates', () => {
    const entries = unpackTimeline(packTimeline(built)).entries;
    expect(entries.find((e) => e.id === `commit:${'a'.repeat(40)}`)).toMatchObject({
      title: `${'a'.repeat(10)} tab\there\u0000nul, 名前 \u202e`,
      actor: '',
    });
    expect(entries.some((e) => e.evidence?.pointer !== undefined)).toBe(true);
    expect(entries.filter((e) => e.rank === 1)).toHaveLength(1);
    expect(entries.some((e) => e.rate !== undefined)).toBe(true);
  });
});
