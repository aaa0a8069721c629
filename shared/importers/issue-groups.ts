/**
 * Repeated warnings and rejections grouped for reading: one message × N records, with where the first ones are.
 * Messages that differ only in numbers (a line, an index in a pointer, a count), in hex ids or in a quoted value are one
 * group, shown by its first message; a group says whether its messages are all the same or only alike. Order: first seen first.
 * An import tallies its issues as it meets them (`IssueTally`), so its groups count every one, listed or not.
 */
import type { IssueGroup as RecordsIssueGroup } from '../model/records';

/** A warning or a rejection as the importers list it. */
export interface Issue {
  readonly line?: number;
  readonly pointer?: string;
  readonly message?: string;
  readonly reason?: string;
}

/** One kind of message among an import's issues (records.ts). */
export type IssueGroup<T extends Issue = Issue> = RecordsIssueGroup<T>;

const textOf = (issue: Issue): string => issue.message ?? issue.reason ?? '';

/**
 * What messages of one group share: the text with quoted values (`field "ts" ("17 May")`: the value in parentheses),
 * hex ids and numbers masked.
 */
export const messageShape = (message: string): string =>
  message
    .replace(/\("(?:[^"\\]|\\.)*"\)/g, '(<value>)')
    .replace(/\b[0-9a-f]{7,64}\b/gi, '<id>')
    .replace(/\d+/g, '#');

/** How many kinds of message a tally keeps apart; issues of further kinds are counted by their total only. */
const MAX_GROUPS = 200;

/**
 * Issues grouped as they come, each group with its count and its first `firstShown` members: an import tallies every
 * warning and rejection this way, so the counts cover those past the listed first thousand.
 */
export class IssueTally<T extends Issue = Issue> {
  private readonly groups = new Map<string, { message: string; count: number; identical: boolean; first: T[] }>();

  constructor(private readonly firstShown = 3) {}

  add(issue: T): void {
    this.addGroup({ message: textOf(issue), count: 1, identical: true, first: [issue] });
  }

  /** Adds a group counted elsewhere (another tally's) as its count of issues. */
  addGroup(added: IssueGroup<T>): void {
    const key = messageShape(added.message);
    const group = this.groups.get(key);
    if (!group) {
      if (this.groups.size >= MAX_GROUPS) return;
      this.groups.set(key, { ...added, first: added.first.slice(0, this.firstShown) });
      return;
    }
    group.count += added.count;
    group.identical &&= added.identical && group.message === added.message;
    for (const issue of added.first) if (group.first.length < this.firstShown) group.first.push(issue);
  }

  /** The groups in the order their messages first came. */
  list(): Array<IssueGroup<T>> {
    return [...this.groups.values()].map((g) => ({ ...g, first: [...g.first] }));
  }
}

/** The issues grouped by message shape, each with its count and first `firstShown` members. */
export function groupIssues<T extends Issue>(issues: ReadonlyArray<T>, firstShown = 3): Array<IssueGroup<T>> {
  const tally = new IssueTally<T>(firstShown);
  for (const issue of issues) tally.add(issue);
  return tally.list();
}

/** The groups of `before` then those of `after`, merged by message shape (extra warnings put before an import's). */
export function mergeGroups<T extends Issue>(
  before: ReadonlyArray<IssueGroup<T>>,
  after: ReadonlyArray<IssueGroup<T>>,
): Array<IssueGroup<T>> {
  const tally = new IssueTally<T>();
  for (const g of [...before, ...after]) tally.addGroup(g);
  return tally.list();
}

/** `line 7`, `/Records/3`, both, or `the whole document` (an empty JSON pointer) for one issue's place. */
export function placeOf(issue: Issue): string {
  const parts = [issue.line !== undefined ? `line ${issue.line}` : '', issue.pointer ? issue.pointer : ''];
  const named = parts.filter(Boolean).join(' ');
  if (named) return named;
  return issue.pointer === '' ? 'JSON pointer "" (the whole document)' : 'the file';
}

/** The places of a group's first members, `, …` when it has more. */
export function groupPlaces(group: IssueGroup): string {
  return group.first.map(placeOf).join(', ') + (group.count > group.first.length ? ', …' : '');
}

/** A group's message with its count: `186 × no "schemaURL" …`, or `12 alike, the first: …` when they differ. */
export function countedMessage(group: IssueGroup): string {
  const n = group.count.toLocaleString('en');
  if (group.count === 1) return group.message;
  return group.identical ? `${n} × ${group.message}` : `${n} alike, the first: ${group.message}`;
}
