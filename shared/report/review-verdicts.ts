/**
 * The report's "Reviews" section: each reviewer's verdict on the root cause (agree, disagree, needs more evidence)
 * with the reasons, when it was given, and the key that signed it — from the `review.merged` entry that took the
 * reviewer's signed case file into the case (docs/case-file.md). Absent while the case has no review.
 */
import type { ActivityEntry, Case } from '../case/case-types';
import { htmlTable, htmlText } from './html-escape';
import { mdCode, mdTable, mdText } from './markdown-escape';

export interface ReviewRow {
  readonly verdict: string;
  readonly reviewer: string;
  readonly time: string;
  readonly text: string;
  /** The fingerprint of the key that signed the reviewer's entries, as the merge recorded it. */
  readonly fingerprint?: string;
}

const VERDICT_TEXT: Readonly<Record<string, string>> = {
  agree: 'Agrees with the root cause',
  disagree: 'Disputes the root cause',
  'needs-more-evidence': 'Needs more evidence',
};

/** The case's reviews, in the order they were given, each with the key the merge recorded for its reviewer. */
export function reviewRows(c: Case, activity: ReadonlyArray<ActivityEntry>): ReviewRow[] {
  const keys = new Map<string, string>();
  for (const e of activity)
    if (e.action === 'review.merged')
      for (const r of (e.payload as { reviews?: Array<{ reviewer: string; fingerprint: string }> }).reviews ?? [])
        keys.set(r.reviewer, r.fingerprint);
  return (c.reviews ?? []).map((r) => ({
    verdict: VERDICT_TEXT[r.verdict] ?? r.verdict,
    reviewer: r.reviewer,
    time: r.time,
    text: r.text,
    ...(keys.has(r.reviewer) ? { fingerprint: keys.get(r.reviewer) } : {}),
  }));
}

const HEADER = ['verdict', 'reviewer', 'time', 'reasons', 'signed with'];

/** The HTML section, or '' when there is no review. */
export function reviewsHtml(rows: ReadonlyArray<ReviewRow>, time: (iso: string) => string): string {
  if (rows.length === 0) return '';
  const table = htmlTable(
    HEADER,
    rows.map((r) => [
      htmlText(r.verdict),
      htmlText(r.reviewer),
      htmlText(time(r.time)),
      htmlText(r.text),
      r.fingerprint ? `<code class="hash">${htmlText(r.fingerprint)}</code>` : '—',
    ]),
  );
  return `<section><h2>Reviews</h2>${table}</section>`;
}

/** The Markdown section's lines, or none when there is no review. */
export function reviewsMarkdown(rows: ReadonlyArray<ReviewRow>, time: (iso: string) => string): string[] {
  if (rows.length === 0) return [];
  return [
    '## Reviews',
    '',
    mdTable(
      HEADER,
      rows.map((r) => [
        mdText(r.verdict),
        mdText(r.reviewer),
        time(r.time),
        mdText(r.text),
        r.fingerprint ? mdCode(r.fingerprint) : '—',
      ]),
    ),
    '',
  ];
}
