/**
 * The Governance section's body in Markdown, shared by the case report and the case export: for each change its
 * verdict, the findings that are only notes, and one row per control with its verdict and evidence.
 */
import { CONTROL_VERDICT_LABEL, governanceControls } from '../analysis/governance-controls';
import type { GovernanceRow } from '../analysis/types';
import type { Provenance } from '../model/records';
import { formatTimesIn, type TimeZoneChoice } from '../time/format-time';
import { mdCode, mdTable, mdText } from './markdown-escape';

/** A change's verdict as the report prints it: in words (`insufficient evidence`), never its code. */
export const verdictWords = (verdict: GovernanceRow['verdict']): string => verdict.replace(/-/g, ' ');

/**
 * The lines for `rows`; `cite` writes a finding's evidence as the document cites it, and the times in a finding's
 * sentence are printed in `zone` as the document's other times.
 */
export function governanceMarkdown(
  rows: ReadonlyArray<GovernanceRow>,
  cite: (p: Provenance | undefined) => string,
  zone: TimeZoneChoice,
): string[] {
  const out: string[] = [];
  const finding = (f: { text: string; evidence?: Provenance }) =>
    `${mdText(formatTimesIn(f.text, zone))}${f.evidence ? ` (${cite(f.evidence)})` : ''}`;
  for (const g of rows) {
    out.push(`### ${mdCode(g.changeId)} — ${verdictWords(g.verdict)}`, '');
    const { controls, notes } = governanceControls(g.findings);
    for (const f of notes) out.push(finding(f), '');
    if (controls.length)
      out.push(
        mdTable(
          ['control', 'verdict', 'evidence'],
          controls.map((c) => [mdText(c.label), CONTROL_VERDICT_LABEL[c.verdict], c.findings.map(finding).join('; ')]),
        ),
      );
    out.push('');
  }
  return out;
}
