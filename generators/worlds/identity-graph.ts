/**
 * The identity graph a team with identity stitching can export, as its tool writes it — or nothing, as many teams
 * never export it. The world: every subject the model decides about has a profile holding their customer id, an email
 * and anonymous ids; people the model never scored have profiles too. Over the weeks, anonymous visitors identify
 * themselves (their anonymous profile merges into their customer profile), new devices join, and now and then a
 * household's shared device wrongly joins two customers. A lowered match threshold makes the next stitching run join
 * many profiles with someone else's; a manual merge joins the pairs it names at the moment it is made.
 *
 * Shapes: RudderStack Profiles' id graph table (`main_id`/`user_main_id`, `other_id`, `other_id_type`, `valid_at`;
 * Snowflake exports upper-case the headers) as CSV or NDJSON, or Segment Profiles Sync's `id_graph_updates` with
 * `external_id_mapping_updates`.
 */
import type { Rng } from './prng.js';
import type { Run } from './runs.js';
import type { Sim } from './sim.js';
import { DAY } from './time.js';

export interface GraphFile {
  readonly rel: string;
  readonly text: string;
}

type Shape = 'none' | 'rudderstack-csv' | 'rudderstack-ndjson' | 'segment';

interface Edge {
  readonly profile: string;
  readonly member: string;
  readonly type: string;
  readonly at: number;
}

/** A new id shaped like `id` (same prefix, same kinds of characters). */
function lookalike(id: string, rng: Rng): string {
  return id.replace(/[0-9a-f]/g, (c) => (/[0-9]/.test(c) ? String(rng.int(0, 9)) : rng.hex(1)));
}

/** The identity graph's export files of a world, or none. */
export function identityGraphFiles(sim: Sim, runs: ReadonlyArray<Run>): GraphFile[] {
  const job = sim.pipeline.jobs.find((j) => j.role === 'identity');
  if (!job) return [];
  const rng = sim.rng.fork('identity-graph');
  const shape = rng.weighted<Shape>([
    ['none', 3],
    ['rudderstack-csv', 3],
    ['rudderstack-ndjson', 1],
    ['segment', 3],
  ]);
  if (shape === 'none') return [];
  const { plan } = sim;
  const idType = rng.pick(['user_id', 'customer_id']);
  const profileId = () => (shape === 'segment' ? `use_${rng.hex(24)}` : `rid${rng.hex(32)}`);
  const known = new Set(sim.subjects);
  const outsiders: string[] = [];
  const unscored = Math.ceil(sim.subjects.length * rng.float(0.2, 0.5));
  while (outsiders.length < unscored) {
    const id = lookalike(rng.pick(sim.subjects), rng);
    if (known.has(id)) continue;
    known.add(id);
    outsiders.push(id);
  }
  const before = (days: number) => plan.start - rng.int(1, days) * DAY - rng.int(0, DAY - 1);
  const during = () => plan.start + rng.int(0, plan.end - plan.start - 1);
  const edges: Edge[] = [];
  const profileOf = new Map<string, string>();
  const idsOf = new Map<string, { id: string; type: string }[]>();
  for (const person of [...sim.subjects, ...outsiders]) {
    const profile = profileId();
    profileOf.set(person, profile);
    const at = before(400);
    const ids = [
      { id: person, type: idType },
      { id: `${rng.hex(8)}@${rng.pick(['example.com', 'mail.test', 'inbox.test'])}`, type: 'email' },
      ...Array.from({ length: rng.int(1, 2) }, () => ({ id: rng.uuid(), type: 'anonymous_id' })),
    ];
    idsOf.set(person, ids);
    for (const x of ids) edges.push({ profile, member: x.id, type: x.type, at: at + rng.int(0, 3_600_000) });
  }
  // Segment records a merge as one row (the merged profile's canonical id); RudderStack's graph lists the merged
  // profile's ids under the surviving main id.
  const merge = (into: string, from: string, at: number) => {
    if (shape === 'segment')
      edges.push({ profile: profileOf.get(into)!, member: profileOf.get(from)!, type: 'profile', at });
    else
      for (const x of idsOf.get(from)!) edges.push({ profile: profileOf.get(into)!, member: x.id, type: x.type, at });
  };
  // Anonymous visitors who identify themselves: their anonymous profile merges into their customer profile.
  for (let i = 0; i < Math.round(sim.subjects.length * rng.float(0.3, 0.8)); i++) {
    const person = rng.pick(sim.subjects);
    const visitor = profileId();
    const anon = rng.uuid();
    const seen = before(20);
    edges.push({ profile: visitor, member: anon, type: 'anonymous_id', at: seen });
    const at = Math.max(seen + DAY, during());
    if (shape === 'segment') edges.push({ profile: profileOf.get(person)!, member: visitor, type: 'profile', at });
    else edges.push({ profile: profileOf.get(person)!, member: anon, type: 'anonymous_id', at });
  }
  // New devices of known customers.
  for (let i = 0; i < Math.round(sim.subjects.length * rng.float(0.2, 0.6)); i++)
    edges.push({
      profile: profileOf.get(rng.pick(sim.subjects))!,
      member: rng.uuid(),
      type: 'anonymous_id',
      at: during(),
    });
  // Now and then a shared device joins two households' customers, whatever the rules.
  if (rng.chance(0.3)) merge(rng.pick(sim.subjects), rng.pick(outsiders), during());
  // The cause: the pairs a manual merge names, when made; the profiles the next stitching run joins after a rule change.
  const cause = sim.cause;
  if (cause && cause.subjects !== 'all' && cause.job === job) {
    const subjects = [...cause.subjects];
    if (cause.kind === 'manual-identity-merge') {
      const at = sim.overlays.find((o) => o.jobName === job.name)?.from;
      if (at !== undefined)
        for (let i = 0; i + 1 < subjects.length; i += 2)
          merge(subjects[i]!, subjects[i + 1]!, at + rng.int(1, 30) * 1000);
    } else {
      const run = runs.find(
        (r) => r.job === job && r.env === 'production' && r.status === 'COMPLETE' && r.output?.taint instanceof Set,
      );
      if (run) {
        const at = () => run.start + rng.int(0, run.end - run.start);
        const pool = rng.shuffle(subjects);
        while (pool.length > 0) {
          const a = pool.pop()!;
          const b = pool.length > 0 && rng.chance(0.4) ? pool.pop()! : rng.pick(outsiders);
          merge(a, b, at());
        }
      }
    }
  }
  edges.sort((a, b) => a.at - b.at);
  return write(shape, edges, rng);
}

const iso = (ms: number) => new Date(ms).toISOString();
const snowflakeTime = (ms: number) => iso(ms).replace('T', ' ').replace('Z', '');
const csv = (rows: ReadonlyArray<ReadonlyArray<string>>) => `${rows.map((r) => r.join(',')).join('\n')}\n`;

function write(shape: Shape, edges: ReadonlyArray<Edge>, rng: Rng): GraphFile[] {
  const folder = rng.pick(['identity', 'exports', 'warehouse-exports']);
  if (shape === 'segment') {
    const external = edges.filter((e) => e.type !== 'profile');
    const merges = edges.filter((e) => e.type === 'profile');
    const event = () => rng.pick(['identify', 'track', 'page']);
    return [
      {
        rel: `${folder}/external_id_mapping_updates.csv`,
        text: csv([
          [
            'segment_id',
            'external_id_type',
            'external_id_value',
            'triggering_event_type',
            'triggering_event_id',
            'timestamp',
          ],
          ...external.map((e) => [e.profile, e.type, e.member, event(), rng.uuid(), snowflakeTime(e.at)]),
        ]),
      },
      {
        rel: `${folder}/id_graph_updates.csv`,
        text: csv([
          ['segment_id', 'canonical_segment_id', 'triggering_event_type', 'triggering_event_id', 'timestamp'],
          ...merges.map((e) => [e.member, e.profile, 'identify', rng.uuid(), snowflakeTime(e.at)]),
        ]),
      },
    ];
  }
  const upper = rng.chance(0.5);
  const main = rng.pick(['main_id', 'user_main_id']);
  const names = [main, 'other_id', 'other_id_type', 'valid_at'].map((n) => (upper ? n.toUpperCase() : n));
  const rows = edges.filter((e) => e.type !== 'profile');
  if (shape === 'rudderstack-ndjson')
    return [
      {
        rel: `${folder}/id_graph.jsonl`,
        text: rows
          .map((e) =>
            JSON.stringify(Object.fromEntries(names.map((n, i) => [n, [e.profile, e.member, e.type, iso(e.at)][i]]))),
          )
          .join('\n')
          .concat('\n'),
      },
    ];
  return [
    {
      rel: `${folder}/${upper ? 'ID_GRAPH' : 'id_graph'}.csv`,
      text: csv([names, ...rows.map((e) => [e.profile, e.member, e.type, upper ? snowflakeTime(e.at) : iso(e.at)])]),
    },
  ];
}
