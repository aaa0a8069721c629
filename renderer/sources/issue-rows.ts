/**
 * The rows of a source's rejections or warnings in the Sources screen: one row per kind of message (issue-groups.ts),
 * `N × message` with where its first records are, so a file whose 500 events miss the same field shows one row.
 */
import { countedMessage, groupIssues, placeOf, type Issue, type IssueGroup } from '../../shared/importers/issue-groups';

export interface IssueRow {
  /** The file and the place of the first records: `file, line 5`, `file at /Records/3`, `file, line 1, line 2, …`. */
  readonly where: string;
  /** The message, with its count when repeated. */
  readonly text: string;
}

function placeIn(sourceName: string, issue: Issue): string {
  if (issue.line !== undefined) return `${sourceName}, line ${issue.line}`;
  if (issue.pointer) return `${sourceName} at ${issue.pointer}`;
  return `${sourceName}, ${placeOf(issue)}`;
}

type SourceIssue = Issue & { readonly sourceName: string };

/**
 * One source's issues as grouped rows, in the order their messages first appear: the import's groups (counting every
 * issue) when it kept them, else the listed issues grouped.
 */
export function issueRows(
  issues: ReadonlyArray<SourceIssue>,
  groups: ReadonlyArray<IssueGroup<SourceIssue>> = groupIssues(issues),
): IssueRow[] {
  return groups.map((g) => {
    const [first, ...rest] = g.first;
    const name = first?.sourceName ?? '';
    const more = [...rest.map((i) => placeOf(i)), ...(g.count > g.first.length ? ['…'] : [])];
    return { where: [placeIn(name, first ?? {}), ...more].join(', '), text: countedMessage(g) };
  });
}
