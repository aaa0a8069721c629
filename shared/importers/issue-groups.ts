/**
 * Repeated warnings and rejections grouped for reading: one message × N records, with where the first ones are.
 * Messages that differ only in numbers (a line, an index in a pointer, a count) or in hex ids are one group, shown by
 * its first message; a group says whether its messages are all the same or only alike. Order: first seen first.
 */

/** A warning or a rejection as the importers list it. */
export interface Issue {
  readonly line?: number;
  readonly pointer?: string;
  readonly message?: string;
  readonly reason?: string;
}

export interface IssueGroup<T extends Issue = Issue> {
  /** The first message of the group, as it was written. */
  readonly message: string;
  readonly count: number;
  /** True when every message of the group is the same text (else they differ in numbers or ids). */
  readonly identical: boolean;
  /** The first `firstShown` issues of the group, for their places. */
  readonly first: ReadonlyArray<T>;
}

const textOf = (issue: Issue): string => issue.message ?? issue.reason ?? '';

/** What messages of one group share: the text with numbers and hex ids masked. */
export const messageShape = (message: string): string =>
  message.replace(/\b[0-9a-f]{7,64}\b/gi, '<id>').replace(/\d+/g, '#');

/** The issues grouped by message shape, each with its count and first `firstShown` members. */
export function groupIssues<T extends Issue>(issues: ReadonlyArray<T>, firstShown = 3): Array<IssueGroup<T>> {
  const groups = new Map<string, { message: string; count: number; identical: boolean; first: T[] }>();
  for (const issue of issues) {
    const text = textOf(issue);
    const key = messageShape(text);
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { message: text, count: 1, identical: true, first: [issue] });
      continue;
    }
    group.count += 1;
    group.identical &&= group.message === text;
    if (group.first.length < firstShown) group.first.push(issue);
  }
  return [...groups.values()];
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
