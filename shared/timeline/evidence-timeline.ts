/**
 * One timeline of a case's evidence (what Timesketch gives forensic investigators): every commit and merge, pull
 * request and review, deployment per environment, audit-log edit, enforcement record, schema change and lineage run
 * on one time axis, with the outcome rate of the decisions, the onset and the investigated decision marked. Each
 * entry keeps its citation (source file and line) and, where the record says, its job and environment. Pure.
 */
import type { OnsetEstimate, Suspect } from '../analysis/engine-types';
import type { Recovery } from '../analysis/recovery';
import type { EvidenceSet } from '../model/evidence-set';
import type {
  AuditEntry,
  Commit,
  Decision,
  Deployment,
  EnforcementEntry,
  LineageRunEvent,
  Provenance,
  PullRequest,
} from '../model/records';
import { utcMillis } from '../time/utc-millis';
import { type Describer, GIVEN, LazyEntry, plainEntry } from './lazy-entry';

export const TIMELINE_KINDS = [
  'commit',
  'merge',
  'pull-request',
  'review',
  'deployment',
  'audit',
  'enforcement',
  'schema',
  'run',
  'outcome-rate',
  'last-good',
  'onset',
  'decision',
  'recovery',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const TIMELINE_KIND_LABELS: Readonly<Record<TimelineKind, string>> = {
  commit: 'Commit',
  merge: 'Merge',
  'pull-request': 'Pull request',
  review: 'Review',
  deployment: 'Deployment',
  audit: 'Audit edit',
  enforcement: 'Enforcement',
  schema: 'Schema change',
  run: 'Run',
  'outcome-rate': 'Outcome rate',
  'last-good': 'Last good decision',
  onset: 'Onset',
  decision: 'Investigated decision',
  recovery: 'Recovery',
};

export interface TimelineEntry {
  /** Stable across openings: the kind and the record's own id (or its citation). */
  readonly id: string;
  readonly kind: TimelineKind;
  /** The instant as the evidence wrote it (RFC 3339). */
  readonly time: string;
  /** `time` in epoch milliseconds: what the axis sorts and filters by. */
  readonly at: number;
  readonly title: string;
  readonly actor?: string;
  readonly job?: string;
  readonly environment?: string;
  /** The record behind the entry (source file by id, and line or pointer); absent for the engine's own marks. */
  readonly evidence?: Provenance;
  /** For a change the engine ranked among the suspects: its rank (1: the top suspect, the likeliest cause). */
  readonly rank?: number;
  /** For an outcome-rate bin: the share of its decisions that had the outcome (0 to 1). */
  readonly rate?: number;
}

/**
 * What the engine said about the case's decision, when it has run: the onset and its series (with the last good
 * decision before it), the ranked suspects (schema changes among them), and the change after which the data was good
 * again.
 */
export interface TimelineAnalysis {
  readonly decision?: Decision;
  readonly onset?: OnsetEstimate;
  readonly suspects?: ReadonlyArray<Suspect>;
  readonly recovery?: Recovery;
}

export interface Timeline {
  /** Sorted by time, then by kind (in `TIMELINE_KINDS` order), then by id. */
  readonly entries: ReadonlyArray<TimelineEntry>;
  /** Records with no time to place them on the axis (a review without `submittedAt`), kept to be counted. */
  readonly undated: ReadonlyArray<Omit<TimelineEntry, 'time' | 'at'>>;
}

const KIND_ORDER = new Map(TIMELINE_KINDS.map((k, i) => [k, i]));
/**
 * The kinds a suspect can be. Only their entries are looked up by id among the suspects: hashing every run's id
 * (a rope of its run id and source's SHA-256 until then) cost a fifth of the build on the large sample.
 */
const RANKED_KINDS: ReadonlySet<TimelineKind> = new Set(['commit', 'merge', 'deployment', 'audit', 'schema']);
const where = (p: Provenance) => `${p.sourceId}:${p.line ?? p.pointer ?? ''}`;
const short = (sha: string) => sha.slice(0, 10);

/**
 * A dataset's name (`namespace:name`), one string per dataset: 100k runs name a few hundred jobs, so the same string
 * (hashed once where the index codes it) instead of a new one per run.
 */
function datasetNames() {
  const names = new Map<string, Map<string, string>>();
  return (d: { readonly namespace: string; readonly name: string }) => {
    let byName = names.get(d.namespace);
    if (!byName) names.set(d.namespace, (byName = new Map()));
    let name = byName.get(d.name);
    if (name === undefined) byName.set(d.name, (name = `${d.namespace}:${d.name}`));
    return name;
  };
}

/** A pull request as its entries name it: `repository#number`, or `#number`. */
const repoOf = (pr: PullRequest) => (pr.repository ? `${pr.repository}#${pr.number}` : `#${pr.number}`);

const COMMIT: Describer<Commit> = {
  id: (c) => `commit:${c.sha}`,
  title: (c) => `${short(c.sha)} ${c.subject}`,
};
const PULL_REQUEST: Describer<PullRequest> = {
  id: (pr) => `pull-request:${repoOf(pr)}`,
  title: (pr) => `Pull request ${repoOf(pr)} opened: ${pr.title}`,
};
type PullRequestReview = {
  readonly pr: PullRequest;
  readonly review: PullRequest['reviews'][number];
  readonly i: number;
};
const REVIEW: Describer<PullRequestReview> = {
  id: ({ pr, i }) => `review:${repoOf(pr)}:${i}`,
  title: ({ pr, review: r }) =>
    `${r.state.toLowerCase().replace(/_/g, ' ')} on ${repoOf(pr)}${r.commitId ? ` at ${short(r.commitId)}` : ''}`,
};
const DEPLOYMENT: Describer<Deployment> = {
  id: (d) => `deployment:${d.id}`,
  title: (d) =>
    `Deployed ${short(d.commit)}${d.component ? ` (${d.component})` : ''} to ${d.environment}${d.status ? `: ${d.status}` : ''}`,
};
const AUDIT: Describer<AuditEntry> = {
  id: (a) => `audit:${a.id}`,
  title: (a) => `${a.action} ${a.target.type} ${a.target.name ?? a.target.id}${a.channel ? ` (${a.channel})` : ''}`,
};
const ENFORCEMENT: Describer<EnforcementEntry> = {
  id: (e) => `enforcement:${e.id}`,
  title: (e) =>
    `${e.rule}${e.ruleVersion ? ` ${e.ruleVersion}` : ''}: ${e.outcome}${e.violations.length ? ` (${e.violations.length} violations)` : ''}`,
};
/** A run's entry names its job and outputs by `dataset`, the build's one string per dataset. */
const runDescriber = (dataset: ReturnType<typeof datasetNames>): Describer<LineageRunEvent> => ({
  id: (r) => `run:${r.runId}:${r.eventType}:${where(r.provenance)}`,
  title: (r) => `${dataset(r.job)} ${r.eventType}${r.outputs.length ? ` → ${r.outputs.map(dataset).join(', ')}` : ''}`,
});

/**
 * Builds the timeline of an evidence set and, where the engine ran, its analysis of the investigated decision. Each
 * entry's id and title are made when first read (lazy-entry.ts); rows posted to the window are `plainEntry`s.
 */
export function buildTimeline(set: EvidenceSet, analysis: TimelineAnalysis = {}): Timeline {
  const entries: TimelineEntry[] = [];
  const undated: Array<Omit<TimelineEntry, 'time' | 'at'>> = [];
  const rank = new Map((analysis.suspects ?? []).map((s, i) => [suspectEntryId(s), i + 1]));
  const dataset = datasetNames();
  /** Adds the entry `e` at `time`: one object per record (every entry of one shape), its time and rank set here. */
  function add<R>(e: LazyEntry<R>, time: string | undefined) {
    const at = time === undefined ? Number.NaN : utcMillis(time);
    if (time === undefined || Number.isNaN(at)) {
      const { time: _time, at: _at, ...rest } = plainEntry(e);
      undated.push(rest);
      return;
    }
    e.time = time;
    e.at = at;
    if (rank.size && RANKED_KINDS.has(e.kind)) e.rank = rank.get(e.id);
    entries.push(e);
  }
  const given = (id: string, kind: TimelineKind, title: string) => new LazyEntry({ id, title }, GIVEN, kind);

  for (const c of set.commits) {
    const kind = c.parents.length > 1 ? 'merge' : 'commit';
    add(new LazyEntry(c, COMMIT, kind, c.authorName, undefined, undefined, c.provenance), c.committerDate);
  }
  for (const pr of set.pullRequests) {
    add(new LazyEntry(pr, PULL_REQUEST, 'pull-request', pr.author, undefined, undefined, pr.provenance), pr.createdAt);
    pr.reviews.forEach((review, i) => {
      const e = new LazyEntry({ pr, review, i }, REVIEW, 'review', review.user, undefined, undefined, pr.provenance);
      add(e, review.submittedAt);
    });
  }
  for (const d of set.deployments)
    add(new LazyEntry(d, DEPLOYMENT, 'deployment', d.actor, d.component, d.environment, d.provenance), d.timestamp);
  for (const a of set.audit) {
    const target = a.target.name ?? a.target.id;
    add(new LazyEntry(a, AUDIT, 'audit', a.actor, target, a.environment, a.provenance), a.timestamp);
  }
  for (const e of set.enforcement)
    add(new LazyEntry(e, ENFORCEMENT, 'enforcement', undefined, undefined, e.environment, e.provenance), e.timestamp);
  const run = runDescriber(dataset);
  for (const r of set.runs)
    add(new LazyEntry(r, run, 'run', undefined, dataset(r.job), undefined, r.provenance), r.eventTime);
  for (const s of analysis.suspects ?? [])
    if (s.kind === 'schema') {
      const record = { id: `schema:${s.id}`, title: s.summary };
      add(
        new LazyEntry(record, GIVEN, 'schema', s.actor || undefined, s.touches[0], undefined, s.evidence),
        s.timestamp,
      );
    }
  const onset = analysis.onset;
  if (onset) {
    for (const bin of onset.series) {
      const title = `${onset.outcome}: ${(bin.rate * 100).toFixed(1)} % of ${bin.decisions} decisions (${onset.seriesBy.replace('_', ' ')} ${bin.key})`;
      const record = { id: `outcome-rate:${onset.seriesBy}:${bin.key}`, title };
      add(new LazyEntry(record, GIVEN, 'outcome-rate', undefined, undefined, undefined, undefined, bin.rate), bin.from);
    }
    if (onset.lastGood) {
      const title = `Last good decision ${onset.lastGood.decisionId} before the onset`;
      add(given('last-good', 'last-good', title), onset.lastGood.timestamp);
    }
    const first = onset.firstBad ? `: decision ${onset.firstBad.decisionId}` : '';
    add(given('onset', 'onset', `Onset of the wrong decisions (${onset.method})${first}`), onset.onset);
  }
  const recovery = analysis.recovery;
  if (recovery)
    add(given('recovery', 'recovery', `Recovery after ${recovery.changeId}: ${recovery.note}`), recovery.time);
  const d = analysis.decision;
  if (d) {
    const title = `Decision ${d.decisionId}${d.subjectId ? ` on ${d.subjectId}` : ''}: ${d.action ?? String(d.output ?? '')}`;
    const record = { id: `decision:${d.decisionId}`, title };
    add(new LazyEntry(record, GIVEN, 'decision', undefined, d.model.name, d.environment, d.provenance), d.timestamp);
  }

  return { entries: inTimeOrder(entries), undated };
}

/**
 * The entries sorted by time, then kind (in `TIMELINE_KINDS` order), then id: by their indexes over typed arrays of
 * the two numbers, the ids compared only between entries of one kind at one instant.
 */
function inTimeOrder(entries: ReadonlyArray<TimelineEntry>): TimelineEntry[] {
  const n = entries.length;
  const at = new Float64Array(n);
  const kind = new Uint8Array(n);
  const index = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const e = entries[i]!;
    at[i] = e.at;
    kind[i] = KIND_ORDER.get(e.kind) ?? 0;
    index[i] = i;
  }
  index.sort(function byTimeKindId(a, b) {
    const d = at[a]! - at[b]! || kind[a]! - kind[b]!;
    if (d !== 0) return d;
    const x = entries[a]!.id;
    const y = entries[b]!.id;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const sorted = new Array<TimelineEntry>(n);
  for (let i = 0; i < n; i++) sorted[i] = entries[index[i]!]!;
  return sorted;
}

/** The timeline id of a suspect change: the id its record's entry has. */
const suspectEntryId = (s: Suspect) => `${s.kind}:${s.id}`;

/** What to keep: an empty or absent set keeps every value; `from`/`to` bound the time range (inclusive, ms). */
export interface TimelineFilter {
  readonly kinds?: ReadonlySet<TimelineKind>;
  readonly sources?: ReadonlySet<string>;
  readonly jobs?: ReadonlySet<string>;
  readonly environments?: ReadonlySet<string>;
  readonly from?: number;
  readonly to?: number;
  /** Words each kept entry's title, actor, job or environment contains (case-insensitive, in any order). */
  readonly text?: string;
}

/** A filter's set of values, or undefined where it keeps every value (absent or empty). */
const wanted = <T>(set: ReadonlySet<T> | undefined) => (set && set.size > 0 ? set : undefined);
const keeps = (set: ReadonlySet<string> | undefined, value: string | undefined) =>
  !set || (value !== undefined && set.has(value));

/** The entries the filter keeps, in timeline order (one pass, each criterion tested only when it is set). */
export function filterTimeline(entries: ReadonlyArray<TimelineEntry>, filter: TimelineFilter): TimelineEntry[] {
  const { from = -Infinity, to = Infinity } = filter;
  const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const kinds = wanted(filter.kinds);
  const sources = wanted(filter.sources);
  const jobs = wanted(filter.jobs);
  const environments = wanted(filter.environments);
  const kept: TimelineEntry[] = [];
  for (const e of entries) {
    if (e.at < from || e.at > to || (kinds && !kinds.has(e.kind))) continue;
    if (!keeps(sources, e.evidence?.sourceId) || !keeps(jobs, e.job) || !keeps(environments, e.environment)) continue;
    if (words.length > 0) {
      const text = `${e.title} ${e.actor ?? ''} ${e.job ?? ''} ${e.environment ?? ''}`.toLowerCase();
      if (!words.every((w) => text.includes(w))) continue;
    }
    kept.push(e);
  }
  return kept;
}

export interface TimelineFacets {
  readonly kinds: ReadonlyMap<TimelineKind, number>;
  readonly sources: ReadonlyMap<string, number>;
  readonly jobs: ReadonlyMap<string, number>;
  readonly environments: ReadonlyMap<string, number>;
}

/** How many entries have each kind, source, job and environment: the filter's choices. */
export function timelineFacets(entries: ReadonlyArray<TimelineEntry>): TimelineFacets {
  const kinds = new Map<TimelineKind, number>();
  const sources = new Map<string, number>();
  const jobs = new Map<string, number>();
  const environments = new Map<string, number>();
  const bump = <K>(m: Map<K, number>, k: K | undefined) => {
    if (k !== undefined) m.set(k, (m.get(k) ?? 0) + 1);
  };
  for (const e of entries) {
    bump(kinds, e.kind);
    bump(sources, e.evidence?.sourceId);
    bump(jobs, e.job);
    bump(environments, e.environment);
  }
  return { kinds, sources, jobs, environments };
}
