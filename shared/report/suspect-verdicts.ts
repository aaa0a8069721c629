/**
 * The report's "Investigator's verdicts" under the ranked changes: for each change the investigator confirmed as a
 * cause or dismissed (the latest verdict per change, `suspect.confirmed` / `suspect.dismissed` in the case's
 * hash-chained log), the verdict, the reason given for a dismissal, who gave it and when. The ranking stays the
 * engine's: a verdict does not move a change, and the section says so, so a reader never takes one for the other.
 */
import type { Case } from '../case/case-types';
import type { Investigation } from '../case/investigation';
import { htmlTable, htmlText } from './html-escape';
import { mdCode, mdTable, mdText } from './markdown-escape';

export interface SuspectVerdictRow {
  /** The change's place in the engine's ranking (1 = top), absent when the ranking no longer lists it. */
  readonly rank?: number;
  readonly id: string;
  readonly label: string;
  readonly verdict: 'confirmed' | 'dismissed';
  readonly reason?: string;
  readonly by: string;
  readonly time: string;
}

const VERDICT_TEXT = { confirmed: 'Confirmed as a cause', dismissed: 'Dismissed' } as const;

/** Says whose the ranking is and whose the verdicts are. */
export const SUSPECT_VERDICTS_NOTE =
  'The ranking above is the engine’s; these verdicts are the investigator’s, each an entry in the case’s activity log. A verdict does not change the ranking.';
const NONE = 'The investigator has not confirmed or dismissed any ranked change.';

/** The case's verdicts in the engine's ranking order; verdicts on changes it no longer ranks follow, oldest first. */
export function suspectVerdictRows(c: Case, inv: Investigation): SuspectVerdictRow[] {
  const rank = new Map(inv.changes.changes.map((ch, i) => [ch.id, i + 1]));
  return (c.suspectVerdicts ?? [])
    .map((v) => ({ ...v, rank: rank.get(v.id) }))
    .sort(
      (a, b) =>
        (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) ||
        Date.parse(a.time) - Date.parse(b.time),
    )
    .map((v) => ({
      ...(v.rank !== undefined && { rank: v.rank }),
      id: v.id,
      label: v.label,
      verdict: v.verdict,
      ...(v.reason !== undefined && { reason: v.reason }),
      by: v.by,
      time: v.time,
    }));
}

const HEADER = ['rank', 'change', 'verdict', 'reason', 'by', 'time'];

/** The HTML subsection of the Suspects section. */
export function suspectVerdictsHtml(rows: ReadonlyArray<SuspectVerdictRow>, time: (iso: string) => string): string {
  const heading = '<h3>Investigator’s verdicts</h3>';
  if (rows.length === 0) return `${heading}<p class="none">${NONE}</p>`;
  const table = htmlTable(
    HEADER,
    rows.map((r) => [
      r.rank === undefined ? 'no longer ranked' : String(r.rank),
      `<code>${htmlText(r.id)}</code> ${htmlText(r.label)}`,
      htmlText(VERDICT_TEXT[r.verdict]),
      r.reason === undefined ? '—' : htmlText(r.reason),
      htmlText(r.by),
      htmlText(time(r.time)),
    ]),
  );
  return `${heading}<p class="meta">${SUSPECT_VERDICTS_NOTE}</p>${table}`;
}

/** The Markdown subsection's lines. */
export function suspectVerdictsMarkdown(
  rows: ReadonlyArray<SuspectVerdictRow>,
  time: (iso: string) => string,
): string[] {
  const heading = ['### Investigator’s verdicts', ''];
  if (rows.length === 0) return [...heading, NONE, ''];
  return [
    ...heading,
    SUSPECT_VERDICTS_NOTE,
    '',
    mdTable(
      HEADER,
      rows.map((r) => [
        r.rank === undefined ? 'no longer ranked' : String(r.rank),
        `${mdCode(r.id)} ${mdText(r.label)}`,
        VERDICT_TEXT[r.verdict],
        r.reason === undefined ? '—' : mdText(r.reason),
        mdText(r.by),
        time(r.time),
      ]),
    ),
    '',
  ];
}
