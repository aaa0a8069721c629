/**
 * One timeline of a case's evidence (what Timesketch gives forensic investigators): every commit and merge, pull
 * request and review, deployment per environment, audit-log edit, enforcement record, schema change and lineage run
 * on one time axis, with the outcome rate of the decisions, the onset and the investigated decision marked. Each
 * entry keeps its citation (source file and line) and, where the record says, its job and environment. Pure.
 */
import type { OnsetEstimate, Suspect } from '../analysis/engine-types';
import type { Recovery } from '../analysis/recovery';
import type { EvidenceSet } from '../model/evidence-set';
import type { Decision, Provenance } from '../model/records';

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
const dataset = (d: { namespace: string; name: string }) => `${d.namespace}:${d.name}`;

/** Builds the timeline of an evidence set and, where the engine ran, its analysis of the investigated decision. */
export function buildTimeline(set: EvidenceSet, analysis: TimelineAnalysis = {}): Timeline {
  const entries: TimelineEntry[] = [];
  const undated: Array<Omit<TimelineEntry, 'time' | 'at'>> = [];
  const rank = new Map((analysis.suspects ?? []).map((s, i) => [suspectEntryId(s), i + 1]));
  // Every entry of one shape (each property present, some undefined): the filter and the axis read 200k of them.
  function add(draft: Omit<TimelineEntry, 'time' | 'at'>, time: string | undefined) {
    const at = time === undefined ? Number.NaN : Date.parse(time);
    if (time === undefined || Number.isNaN(at)) {
      undated.push(draft);
      return;
    }
    entries.push({
      id: draft.id,
      kind: draft.kind,
      time,
      at,
      title: draft.title,
      actor: draft.actor,
      job: draft.job,
      environment: draft.environment,
      evidence: draft.evidence,
      rank: rank.size && RANKED_KINDS.has(draft.kind) ? rank.get(draft.id) : undefined,
      rate: draft.rate,
    });
  }

  for (const c of set.commits) {
    const merge = c.parents.length > 1;
    add(
      {
        id: `commit:${c.sha}`,
        kind: merge ? 'merge' : 'commit',
        title: `${short(c.sha)} ${c.subject}`,
        actor: c.authorName,
        evidence: c.provenance,
      },
      c.committerDate,
    );
  }
  for (const pr of set.pullRequests) {
    const repo = pr.repository ? `${pr.repository}#${pr.number}` : `#${pr.number}`;
    add(
      {
        id: `pull-request:${repo}`,
        kind: 'pull-request',
        title: `Pull request ${repo} opened: ${pr.title}`,
        actor: pr.author,
        evidence: pr.provenance,
      },
      pr.createdAt,
    );
    pr.reviews.forEach((r, i) =>
      add(
        {
          id: `review:${repo}:${i}`,
          kind: 'review',
          title: `${r.state.toLowerCase().replace(/_/g, ' ')} on ${repo}${r.commitId ? ` at ${short(r.commitId)}` : ''}`,
          actor: r.user,
          evidence: pr.provenance,
        },
        r.submittedAt,
      ),
    );
  }
  for (const d of set.deployments)
    add(
      {
        id: `deployment:${d.id}`,
        kind: 'deployment',
        title: `Deployed ${short(d.commit)}${d.component ? ` (${d.component})` : ''} to ${d.environment}${d.status ? `: ${d.status}` : ''}`,
        actor: d.actor,
        job: d.component,
        environment: d.environment,
        evidence: d.provenance,
      },
      d.timestamp,
    );
  for (const a of set.audit)
    add(
      {
        id: `audit:${a.id}`,
        kind: 'audit',
        title: `${a.action} ${a.target.type} ${a.target.name ?? a.target.id}${a.channel ? ` (${a.channel})` : ''}`,
        actor: a.actor,
        job: a.target.name ?? a.target.id,
        environment: a.environment,
        evidence: a.provenance,
      },
      a.timestamp,
    );
  for (const e of set.enforcement)
    add(
      {
        id: `enforcement:${e.id}`,
        kind: 'enforcement',
        title: `${e.rule}${e.ruleVersion ? ` ${e.ruleVersion}` : ''}: ${e.outcome}${e.violations.length ? ` (${e.violations.length} violations)` : ''}`,
        environment: e.environment,
        evidence: e.provenance,
      },
      e.timestamp,
    );
  for (const r of set.runs) {
    const job = dataset(r.job);
    const outputs = r.outputs.map(dataset);
    add(
      {
        id: `run:${r.runId}:${r.eventType}:${where(r.provenance)}`,
        kind: 'run',
        title: `${job} ${r.eventType}${outputs.length ? ` → ${outputs.join(', ')}` : ''}`,
        job,
        evidence: r.provenance,
      },
      r.eventTime,
    );
  }
  for (const s of analysis.suspects ?? [])
    if (s.kind === 'schema')
      add(
        {
          id: `schema:${s.id}`,
          kind: 'schema',
          title: s.summary,
          actor: s.actor || undefined,
          job: s.touches[0],
          evidence: s.evidence,
        },
        s.timestamp,
      );
  const onset = analysis.onset;
  if (onset) {
    for (const bin of onset.series)
      add(
        {
          id: `outcome-rate:${onset.seriesBy}:${bin.key}`,
          kind: 'outcome-rate',
          rate: bin.rate,
          title: `${onset.outcome}: ${(bin.rate * 100).toFixed(1)} % of ${bin.decisions} decisions (${onset.seriesBy.replace('_', ' ')} ${bin.key})`,
        },
        bin.from,
      );
    if (onset.lastGood)
      add(
        {
          id: 'last-good',
          kind: 'last-good',
          title: `Last good decision ${onset.lastGood.decisionId} before the onset`,
        },
        onset.lastGood.timestamp,
      );
    const first = onset.firstBad ? `: decision ${onset.firstBad.decisionId}` : '';
    add({ id: 'onset', kind: 'onset', title: `Onset of the wrong decisions (${onset.method})${first}` }, onset.onset);
  }
  const recovery = analysis.recovery;
  if (recovery)
    add(
      { id: 'recovery', kind: 'recovery', title: `Recovery after ${recovery.changeId}: ${recovery.note}` },
      recovery.time,
    );
  const d = analysis.decision;
  if (d)
    add(
      {
        id: `decision:${d.decisionId}`,
        kind: 'decision',
        title: `Decision ${d.decisionId}${d.subjectId ? ` on ${d.subjectId}` : ''}: ${d.action ?? String(d.output ?? '')}`,
        job: d.model.name,
        environment: d.environment,
        evidence: d.provenance,
      },
      d.timestamp,
    );

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
