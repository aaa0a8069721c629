/**
 * A small hand-written evidence set for unit tests of the analysis: a source → a transformation job →
 * a feature job, two code versions of the feature job, one unapproved change shipped straight to production.
 */
import { toEvidenceSet, type EvidenceSet } from '../model/evidence-set';
import type { Commit, Decision, EvidenceRecord, LineageRunEvent } from '../model/records';

const prov = (line: number) => ({ sourceId: 'test-source', line });
const sha = (n: number) => n.toString(16).padStart(40, 'a');

export const SHA = {
  base: sha(1),
  transform: sha(2),
  good: sha(3),
  bad: sha(4),
  badMerge: sha(5),
  docs: sha(6),
  later: sha(7),
};

function commit(
  n: string,
  parents: string[],
  date: string,
  paths: string[],
  subject: string,
  author = 'ann',
  pr?: number,
): Commit {
  return {
    kind: 'commit',
    repository: 'repo',
    sha: n,
    parents,
    authorName: author,
    authorEmail: `${author}@x.test`,
    authorDate: date,
    committerName: author,
    committerEmail: `${author}@x.test`,
    committerDate: date,
    subject,
    body: '',
    trailers: [],
    changedPaths: paths.map((path) => ({ status: 'M', path })),
    pullRequest: pr,
    provenance: prov(1),
  };
}

function run(
  job: string,
  day: number,
  inputs: string[],
  output: string,
  version: string,
  code: string,
  line: number,
): LineageRunEvent {
  const time = `2026-10-${String(day).padStart(2, '0')}T02:00:00Z`;
  const [ns, name] = output.split(':') as [string, string];
  return {
    kind: 'lineage-run',
    eventType: 'COMPLETE',
    eventTime: time,
    runId: `${job}-${day}`,
    job: { namespace: 'p', name: job },
    inputs: inputs.map((i) => ({ namespace: i.split(':')[0] as string, name: i.split(':')[1] as string })),
    outputs: [
      {
        namespace: ns,
        name,
        version,
        columnLineage: output.endsWith('features')
          ? [{ field: 'flag', inputFields: [{ namespace: 'wh', name: 'profile', field: 'ltv' }] }]
          : undefined,
      },
    ],
    sourceCodeLocation: {
      type: 'git',
      url: 'https://git.example/repo',
      path: code,
      version: job === 'features' ? (day >= 10 ? SHA.badMerge : SHA.good) : SHA.transform,
    },
    provenance: prov(line),
  };
}

function decision(id: number, day: number, fv: string, dv: string): Decision {
  return {
    kind: 'decision',
    decisionId: `d-${id}`,
    timestamp: `2026-10-${String(day).padStart(2, '0')}T12:00:00Z`,
    subjectId: `u-${id % 7}`,
    model: { name: 'm', version: '1' },
    environment: 'production',
    action: fv === 'v2' ? 'reject' : 'approve',
    features: [
      {
        name: 'flag',
        value: fv !== 'v2',
        dataset: { namespace: 'wh', name: 'features' },
        field: 'flag',
        datasetVersion: dv,
        featureVersion: fv,
      },
    ],
    provenance: prov(100 + id),
  };
}

/** Builds the test evidence set. */
export function testEvidence(): EvidenceSet {
  const records: EvidenceRecord[] = [
    commit(SHA.base, [], '2026-09-01T00:00:00Z', ['features/flag.sql', 'transform/clean.sql'], 'initial'),
    commit(SHA.transform, [SHA.base], '2026-09-20T00:00:00Z', ['transform/clean.sql'], 'clean nulls', 'bo', 1),
    commit(SHA.good, [SHA.transform], '2026-09-25T00:00:00Z', ['features/flag.sql'], 'flag v1', 'cy', 2),
    commit(SHA.docs, [SHA.good], '2026-10-06T00:00:00Z', ['README.md'], 'docs'),
    commit(SHA.bad, [SHA.docs], '2026-10-08T00:00:00Z', ['features/flag.sql'], 'raise threshold', 'dee'),
    commit(
      SHA.badMerge,
      [SHA.docs, SHA.bad],
      '2026-10-08T01:00:00Z',
      ['features/flag.sql'],
      'Merge pull request #3 from dee/t',
      'dee',
      3,
    ),
    commit(SHA.later, [SHA.badMerge], '2026-10-20T00:00:00Z', ['features/flag.sql'], 'later fix', 'bo', 4),
    {
      kind: 'pull-request',
      number: 1,
      title: 'clean',
      author: 'bo',
      mergeCommitSha: SHA.transform,
      headSha: SHA.transform,
      mergedAt: '2026-09-20T00:00:00Z',
      reviews: [{ user: 'cy', state: 'APPROVED', submittedAt: '2026-09-19T00:00:00Z' }],
      provenance: prov(1),
    },
    {
      kind: 'pull-request',
      number: 3,
      title: 'threshold',
      author: 'dee',
      mergeCommitSha: SHA.badMerge,
      headSha: SHA.bad,
      mergedAt: '2026-10-08T01:00:00Z',
      reviews: [{ user: 'bo', state: 'COMMENTED' }],
      provenance: prov(2),
    },
    {
      kind: 'deployment',
      id: 'dep-1',
      timestamp: '2026-09-21T00:00:00Z',
      environment: 'staging',
      commit: SHA.transform,
      provenance: prov(1),
    },
    {
      kind: 'deployment',
      id: 'dep-2',
      timestamp: '2026-09-22T00:00:00Z',
      environment: 'production',
      commit: SHA.transform,
      provenance: prov(2),
    },
    {
      kind: 'deployment',
      id: 'dep-3',
      timestamp: '2026-09-26T00:00:00Z',
      environment: 'staging',
      commit: SHA.good,
      provenance: prov(3),
    },
    {
      kind: 'deployment',
      id: 'dep-4',
      timestamp: '2026-09-27T00:00:00Z',
      environment: 'production',
      commit: SHA.good,
      provenance: prov(4),
    },
    {
      kind: 'deployment',
      id: 'dep-5',
      timestamp: '2026-10-09T00:00:00Z',
      environment: 'production',
      commit: SHA.badMerge,
      provenance: prov(5),
    },
    {
      kind: 'audit',
      id: 'a-1',
      timestamp: '2026-10-05T00:00:00Z',
      actor: 'eve',
      action: 'destination.updated',
      target: { type: 'destination', id: 'crm' },
      channel: 'ui',
      provenance: prov(1),
    },
    {
      kind: 'audit',
      id: 'a-2',
      timestamp: '2026-10-07T00:00:00Z',
      actor: 'eve',
      action: 'transformation.updated',
      target: { type: 'transformation', id: 'p:clean' },
      channel: 'ui',
      before: { x: 1 },
      provenance: prov(2),
    },
  ];
  let line = 10;
  for (let day = 1; day <= 12; day++) {
    records.push(run('clean', day, ['src:events'], 'wh:profile', `profile-${day}`, 'transform/clean.sql', line++));
    records.push(run('features', day, ['wh:profile'], 'wh:features', `features-${day}`, 'features/flag.sql', line++));
    records.push(decision(day * 2, day, day >= 10 ? 'v2' : 'v1', `features-${day}`));
    records.push(decision(day * 2 + 1, day, day >= 10 ? 'v2' : 'v1', `features-${day}`));
  }
  return toEvidenceSet(records);
}

/**
 * A decision of the test pipeline made on day `day` of October 2026 at `hour`: it read the `flag` feature from that
 * day's features (`features-<day>`), and was rejected or approved.
 */
export function dayDecision(
  id: string,
  day: number,
  hour: number,
  subject: string,
  rejected: boolean,
  line: number,
  featureVersion?: string,
): Decision {
  return {
    kind: 'decision',
    decisionId: id,
    timestamp: `2026-10-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`,
    subjectId: subject,
    model: { name: 'm', version: '1' },
    environment: 'production',
    action: rejected ? 'reject' : 'approve',
    features: [
      {
        name: 'flag',
        value: !rejected,
        dataset: { namespace: 'wh', name: 'features' },
        field: 'flag',
        datasetVersion: `features-${day}`,
        ...(featureVersion !== undefined && { featureVersion }),
      },
    ],
    provenance: { sourceId: 'decisions.jsonl', line },
  };
}
