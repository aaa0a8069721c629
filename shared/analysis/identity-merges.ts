/**
 * Which subjects' profiles an identity graph merged with another subject's, and when. Identity resolution joins ids
 * to profiles all the time (a new device, an email); what wrongs a decision is a profile that comes to hold two
 * different people's ids of one kind — two customer ids, two of the decision log's subjects: its features are
 * computed from someone else's data. That is a collision merge, the signature of a wrong stitching rule or a wrong
 * manual merge, and the subjects in it are the ones the change reached.
 *
 * The links are read in time order into components (union–find). A link is a merge when its two ends were already
 * known and in different components; it is a collision when both components held an id of one type (by the links'
 * id types: the type of the decision log's subject ids) or each held one of the decision log's subjects.
 */
import type { EvidenceSet } from '../model/evidence-set';
import type { IdentityLink } from '../model/records';

export interface IdentityMerge {
  /** When the link that merged the two profiles was made (ms). */
  readonly at: number;
  readonly link: IdentityLink;
  /** The decision log's subjects in the merged profile (none when it joined people the model never scored). */
  readonly subjects: ReadonlyArray<string>;
}

export interface IdentityMerges {
  /** Collision merges, in time order (of people the model never scored too: they say how the stitching behaves). */
  readonly merges: ReadonlyArray<IdentityMerge>;
  /** Whether any subject id of the decision log is an id of the graph (else the graph cannot resolve subjects). */
  readonly resolvable: boolean;
  /** The first collision merge of `subject`'s profile at or after `from` and before `to`. */
  mergeOf(subject: string, from: number, to?: number): IdentityMerge | undefined;
  /** The subjects whose profile a collision merge joined with another's at or after `from` and before `to`. */
  subjectsMerged(from: number, to?: number): ReadonlySet<string>;
}

const cache = new WeakMap<EvidenceSet, IdentityMerges | null>();

/**
 * The collision merges of the set's identity graph, or undefined where no identity graph was imported. The decision
 * log's subjects are the set's decisions', or `logSubjects` where the log is read in place (those of the graph's ids
 * that it holds are enough).
 */
export function identityMerges(set: EvidenceSet, logSubjects?: ReadonlySet<string>): IdentityMerges | undefined {
  if (logSubjects) return set.identityLinks.length > 0 ? build(set, logSubjects) : undefined;
  let found = cache.get(set);
  if (found === undefined) {
    found = set.identityLinks.length > 0 ? build(set, subjectsOf(set)) : null;
    cache.set(set, found);
  }
  return found ?? undefined;
}

function subjectsOf(set: EvidenceSet): Set<string> {
  const known = new Set<string>();
  for (const d of set.decisions) if (d.subjectId !== undefined) known.add(d.subjectId);
  return known;
}

interface Component {
  /** Ids by type, for the types of the decision log's subject ids. */
  readonly typed: Map<string, Set<string>>;
  readonly subjects: Set<string>;
}

function build(set: EvidenceSet, known: ReadonlySet<string>): IdentityMerges {
  // The id types the decision log's subjects have in the graph.
  const subjectTypes = new Set<string>();
  for (const l of set.identityLinks)
    if (l.memberType !== undefined && known.has(l.member)) subjectTypes.add(l.memberType.toLowerCase());
  const parent = new Map<string, string>();
  const parts = new Map<string, Component>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    for (let x = id; x !== root;) {
      const next = parent.get(x) as string;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  const add = (id: string, type?: string) => {
    if (!parent.has(id)) {
      parent.set(id, id);
      parts.set(id, { typed: new Map(), subjects: new Set() });
    }
    const part = parts.get(find(id)) as Component;
    if (known.has(id)) part.subjects.add(id);
    const t = type?.toLowerCase();
    if (t !== undefined && subjectTypes.has(t)) {
      const ids = part.typed.get(t) ?? new Set<string>();
      ids.add(id);
      part.typed.set(t, ids);
    }
  };
  const merges: IdentityMerge[] = [];
  let resolvable = false;
  for (const link of set.identityLinks) {
    const at = Date.parse(link.validFrom);
    if (Number.isNaN(at)) continue;
    if (known.has(link.member) || known.has(link.profile)) resolvable = true;
    const bothKnown = parent.has(link.profile) && parent.has(link.member);
    add(link.profile);
    add(link.member, link.memberType);
    const [a, b] = [find(link.profile), find(link.member)];
    if (a === b) continue;
    const [pa, pb] = [parts.get(a) as Component, parts.get(b) as Component];
    const collides =
      bothKnown &&
      ((pa.subjects.size > 0 && pb.subjects.size > 0) ||
        [...pa.typed.keys()].some((t) => (pb.typed.get(t)?.size ?? 0) > 0));
    parent.set(b, a);
    for (const s of pb.subjects) pa.subjects.add(s);
    for (const [t, ids] of pb.typed) pa.typed.set(t, new Set([...(pa.typed.get(t) ?? []), ...ids]));
    parts.delete(b);
    if (collides) merges.push({ at, link, subjects: [...pa.subjects].sort() });
  }
  const inRange = (m: IdentityMerge, from: number, to: number) => m.at >= from && m.at < to;
  return {
    merges,
    resolvable,
    mergeOf: (subject, from, to = Infinity) => merges.find((m) => inRange(m, from, to) && m.subjects.includes(subject)),
    subjectsMerged: (from, to = Infinity) =>
      new Set(merges.filter((m) => inRange(m, from, to)).flatMap((m) => m.subjects)),
  };
}
