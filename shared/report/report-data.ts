/**
 * What a case report is made of, and the parts both renderings (HTML, Markdown) derive from it: the timeline
 * of changes, deployments and wrong decisions, and the evidence index (every cited file with its SHA-256 and lines).
 */
import type { ActivityEntry, Case } from '../case/case-types';
import { citedSources, type CitedSource } from '../case/citations';
import type { Investigation } from '../case/investigation';
import { isGap, type CardAnswer } from '../lineage/card-types';
import type { Provenance } from '../model/records';
import { formatTime, formatTimesIn, type TimeZoneChoice } from '../time/format-time';
import { pointerText } from '../model/citation';
import { countOf } from '../model/count-words';
import type { CitedDigest, QueryDigest } from './report-anchors';
import { recordKeeping, type RecordKeepingField } from './record-keeping';

export interface ReportInput {
  readonly case: Case;
  readonly activity: ReadonlyArray<ActivityEntry>;
  readonly investigation: Investigation;
  /** Source id (the file's SHA-256) → file name. */
  readonly sourceNames: Readonly<Record<string, string>>;
  /** RFC 3339 with offset. */
  readonly generatedAt: string;
  readonly timeZone: TimeZoneChoice;
  /** What produced the report, e.g. `lineage-investigator 0.1.0`. */
  readonly generator: string;
  /** The SHA-256 of each cited line or pointer as the evidence bundle carries it (report-anchors.ts). */
  readonly citedDigests?: ReadonlyArray<CitedDigest>;
  /** The queries of decision logs read in place that the case's decisions came from (report-anchors.ts). */
  readonly queryDigests?: ReadonlyArray<QueryDigest>;
  /** The key that signs the evidence bundle: its fingerprint (`sha256:<hex>` of the SPKI DER) and PEM. */
  readonly signer?: { readonly fingerprint: string; readonly publicKeyPem: string };
}

export interface TimelineEntry {
  readonly time: string;
  readonly kind: 'change' | 'deployment' | 'decision';
  /** The record's id as FORMATS.md names it. */
  readonly id: string;
  readonly text: string;
}

/** The eight answers of the lineage card, in the card's order, with their labels. */
export const CARD_QUESTIONS = [
  ['origin', 'Origin'],
  ['sourceEvent', 'Source event'],
  ['transformation', 'Transformation'],
  ['versionAtInference', 'Version active at inference'],
  ['approvedBy', 'Who approved it'],
  ['deployedAt', 'When it was deployed'],
  ['environment', 'Which environment'],
  ['environmentMatchesApproval', 'Environment matched where it was approved'],
] as const;

export interface CardRow {
  readonly question: string;
  readonly answer: string;
  readonly gap?: string;
  readonly evidence: ReadonlyArray<Provenance>;
}

/**
 * The card's eight answers as rows: the answer's sentence, or the gap that stops it (named in words, as the app names
 * it: `serving layer opacity`), its times in `zone`.
 */
export function cardRows(inv: Investigation, zone: TimeZoneChoice): CardRow[] {
  return CARD_QUESTIONS.map(([key, question]) => {
    const a = inv.card.answers[key] as CardAnswer<unknown>;
    return isGap(a)
      ? { question, answer: formatTimesIn(a.explanation, zone), gap: a.gap.replaceAll('-', ' '), evidence: [] }
      : { question, answer: formatTimesIn(a.text, zone), evidence: a.evidence };
  });
}

/**
 * What the decision log records of a decision's subject and action, in words (`subject u-1`, `action approve`):
 * nothing for what it does not record, so a summary never reads 'subject —'. Escaped by each renderer.
 */
export function subjectAndAction(d: { readonly subjectId?: string; readonly action?: string }): string[] {
  return [d.subjectId ? `subject ${d.subjectId}` : '', d.action ? `action ${d.action}` : ''].filter(Boolean);
}

/** Changes, the deployments that shipped them, the onset, the case's decision and the last affected decision. */
export function reportTimeline(inv: Investigation): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const c of inv.changes.changes)
    entries.push({ time: c.timestamp, kind: 'change', id: c.id, text: `${c.kind}: ${c.summary} (${c.actor})` });
  const seen = new Set<string>();
  for (const g of inv.governance) {
    for (const d of g.deployments) {
      if (seen.has(d.id)) continue;
      seen.add(d.id);
      entries.push({ time: d.timestamp, kind: 'deployment', id: d.id, text: `deployed to ${d.environment}` });
    }
  }
  const s = inv.scope;
  const first = inv.changes.firstWrong;
  // What the scope's decisions have in common, as the scope counted them: the data the top cause reached, the
  // suspect version, or nothing (a log recording no version counts the decision alone).
  const on =
    s.method === 'blast-radius'
      ? { first: 'first decision that read data the top cause reached (onset)', last: 'that read it' }
      : s.versionKind === 'none'
        ? { first: 'first decision with the wrong outcome (onset)', last: '' }
        : { first: 'first decision on the suspect version (onset)', last: 'on the suspect version' };
  if (first) entries.push({ time: first.timestamp, kind: 'decision', id: first.decisionId, text: on.first });
  entries.push({
    time: inv.decision.timestamp,
    kind: 'decision',
    id: inv.decision.decisionId,
    text: 'the decision under investigation',
  });
  const lastId = s.decisionIds[s.decisionIds.length - 1];
  if (s.last && lastId && on.last && lastId !== first?.decisionId && lastId !== inv.decision.decisionId)
    entries.push({
      time: s.last,
      kind: 'decision',
      id: lastId,
      text: `last of ${countOf(s.decisions, 'decision')} ${on.last}`,
    });
  return entries.sort((a, b) => Date.parse(a.time) - Date.parse(b.time) || a.id.localeCompare(b.id));
}

/**
 * Every provenance the report cites: the path, the card's answers, the changes, governance, pinned and starred
 * evidence.
 */
export function reportProvenances(input: ReportInput): Array<Provenance | undefined> {
  const inv = input.investigation;
  return [
    ...inv.card.path.map((n) => n.evidence),
    ...cardRows(inv, input.timeZone).flatMap((r) => r.evidence),
    ...inv.changes.changes.map((c) => c.evidence),
    ...inv.governance.flatMap((g) => g.findings.map((f) => f.evidence)),
    ...input.case.pinnedEvidence.map((p) => p.evidence),
    ...(input.case.starredEvidence ?? []).map((s) => s.evidence),
  ];
}

/** The timeline entries the reviewers starred, in time order, each with its tags. */
export function starredEntries(c: Case) {
  const tags = new Map((c.timelineTags ?? []).map((t) => [t.id, t.tags]));
  return [...(c.starredEvidence ?? [])]
    .sort((a, b) => Date.parse(a.entryTime) - Date.parse(b.entryTime))
    .map((s) => ({ ...s, tags: tags.get(s.id) ?? [] }));
}

/** The evidence index: each cited source file with its SHA-256 and the lines cited in it. */
export function evidenceIndex(input: ReportInput): CitedSource[] {
  return citedSources(reportProvenances(input), input.sourceNames);
}

/** `file line N` (or `file /pointer`) for one provenance. */
export function citeText(p: Provenance | undefined, names: Readonly<Record<string, string>>): string {
  if (!p) return '—';
  const file = names[p.sourceId] ?? p.sourceId.slice(0, 12);
  return p.line !== undefined
    ? `${file} line ${p.line}`
    : p.pointer !== undefined
      ? `${file} ${pointerText(p.pointer)}`
      : file;
}

/** Lines as a short list: `3, 12, 40–42`, at most `max` items, then `… (N more)`. */
export function lineList(lines: ReadonlyArray<number>, max = 40): string {
  const ranges: string[] = [];
  for (let i = 0; i < lines.length;) {
    let j = i;
    while (j + 1 < lines.length && (lines[j + 1] as number) === (lines[j] as number) + 1) j++;
    ranges.push(i === j ? String(lines[i]) : `${lines[i]}–${lines[j]}`);
    i = j + 1;
  }
  return ranges.length > max ? `${ranges.slice(0, max).join(', ')} … (${ranges.length - max} more)` : ranges.join(', ');
}

/** The record-keeping fields a regulator expects for the investigated decision: present (cited) or missing. */
export function recordKeepingRows(input: ReportInput): RecordKeepingField[] {
  return recordKeeping(input.investigation.decision, (iso) => formatTime(iso, input.timeZone));
}
