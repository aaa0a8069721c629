/**
 * The same evidence read twice counts once. A decision log re-exported with other line ends, a second window of
 * lineage events overlapping the first, an audit log given beside an older copy of itself: each is another file (its
 * SHA-256 differs, so it is no duplicate input), yet its records are ones already read. A record is the same as one
 * read before when it has the same identity — a decision its model and `decision_id` (FORMATS.md; two models' logs
 * may both number their decisions from 1), an audit, deployment or enforcement entry its id, a run event its run,
 * type, time and job, a commit its repository and SHA, a pull request its repository and number, an identity link its
 * profile, member and time — and the same content, where it was read aside. A decision read again with other content
 * is still that decision: the first read counts, and the repeat says it differs. Any other record with the same
 * identity and other content is kept: it is not the same evidence.
 */
import { isIdFromPlace } from './place-ids';
import type { EvidenceRecord, Provenance } from './records';

/** A record not counted (or, with other content, counted beside the first): where it was read and where first. */
export interface RepeatedRecord {
  readonly kind: EvidenceRecord['kind'];
  /** Its identity, e.g. the decision id. */
  readonly identity: string;
  readonly first: Provenance;
  readonly again: Provenance;
  /** Its content differs from the first's (where it was read aside). */
  readonly differs: boolean;
  /** Whether it counts: only a decision read again with other content does not, beside its first read. */
  readonly counted: boolean;
}

/** An audit entry whose id was made from its file and line (place-ids.ts): it carries no identity of its own. */
const placeNamed = (r: EvidenceRecord): boolean => r.kind === 'audit' && isIdFromPlace(r.id, r.provenance);

/** The scope of entries named by their place: known by their content, apart from those with ids of their own. */
const PLACE = '(place)';

/**
 * A record's identity within its kind and scope (a decision's model: two models' logs may number decisions alike),
 * or undefined for declarations (jobs, datasets, plans, settings).
 */
function identityOf(r: EvidenceRecord): string | undefined {
  switch (r.kind) {
    case 'decision':
      return r.decisionId;
    case 'audit':
    case 'deployment':
    case 'enforcement':
      return r.id;
    case 'lineage-run':
      return `${r.runId} ${r.eventType} ${r.eventTime} ${r.job.namespace} ${r.job.name}`;
    case 'commit':
      return `${r.repository} ${r.sha}`;
    case 'pull-request':
      return `${r.repository ?? ''}#${r.number}`;
    case 'identity-link':
      return `${r.profile} ${r.member} ${r.memberType ?? ''} ${r.validFrom}`;
    default:
      return undefined;
  }
}

/** JSON with object keys sorted, so two importers' key orders compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

const content = (r: EvidenceRecord) => canonical({ ...r, provenance: undefined });

/**
 * The records to count, in the order given, each read again left out (see the module's note); `onRepeat` is told of
 * every record whose identity was read before.
 */
export function withoutRepeats(
  records: Iterable<EvidenceRecord>,
  onRepeat?: (repeat: RepeatedRecord) => void,
): EvidenceRecord[] {
  const kept: EvidenceRecord[] = [];
  // Kind, then scope, then identity: no key is built per record (a million decisions are read here).
  const seen = new Map<string, Map<string, Map<string, EvidenceRecord | EvidenceRecord[]>>>();
  for (const r of records) {
    const place = placeNamed(r);
    const identity = place ? canonical({ ...r, id: undefined, provenance: undefined }) : identityOf(r);
    if (identity === undefined) {
      kept.push(r);
      continue;
    }
    let scopes = seen.get(r.kind);
    if (!scopes) seen.set(r.kind, (scopes = new Map()));
    const scope = r.kind === 'decision' ? r.model.name : place ? PLACE : '';
    let ids = scopes.get(scope);
    if (!ids) scopes.set(scope, (ids = new Map()));
    const held = ids.get(identity);
    if (held === undefined) {
      ids.set(identity, r);
      kept.push(r);
      continue;
    }
    const before = Array.isArray(held) ? held : [held];
    let same: EvidenceRecord | undefined;
    if (place) {
      // Named by its place, its identity is its content: the same entry only when read from another file.
      same = before.find((b) => b.provenance.sourceId !== r.provenance.sourceId);
      if (same === undefined) {
        // The same content twice in one file, without ids: two lines of the log, both counted.
        ids.set(identity, [...before, r]);
        kept.push(r);
        continue;
      }
    } else {
      const mine = content(r);
      same = before.find((b) => content(b) === mine);
    }
    const first = (same ?? before[0]) as EvidenceRecord;
    const counted = same === undefined && r.kind !== 'decision';
    onRepeat?.({
      kind: r.kind,
      identity: r.kind === 'audit' && place ? r.id : scope ? `${scope} ${identity}` : identity,
      first: first.provenance,
      again: r.provenance,
      differs: same === undefined,
      counted,
    });
    if (counted) {
      ids.set(identity, [...before, r]);
      kept.push(r);
    }
  }
  return kept;
}
