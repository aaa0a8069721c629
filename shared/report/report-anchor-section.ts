/**
 * The report's last section: the key that signs its evidence bundle (fingerprint and public key), and the evidence
 * anchors `verify` reads back (see `report-anchors.ts`) — the case, the activity log's head and the SHA-256 of
 * every cited line or pointer.
 */
import { htmlText } from './html-escape';
import { mdCode } from './markdown-escape';
import type { ReportInput } from './report-data';
import {
  activityHead,
  formatAnchors,
  HTML_ANCHORS_OPEN,
  MARKDOWN_ANCHORS_OPEN,
  type ReportAnchors,
} from './report-anchors';

/** What the report anchors, from its input. */
export function reportAnchors(input: ReportInput): ReportAnchors {
  const head = activityHead(input.activity);
  return {
    caseId: input.case.id,
    activityEntries: head.entries,
    activityHead: head.hash,
    ...(input.signer && { signer: input.signer.fingerprint }),
    cited: input.citedDigests ?? [],
    ...(input.queryDigests?.length && { queries: input.queryDigests }),
  };
}

const EXPLAIN =
  'What this report anchors, read back by lineage-investigator verify: the case, the activity log (entries and last hash), the signing key, and the SHA-256 of each cited line or JSON pointer as the evidence bundle carries it (canonical JSON of its excerpt entry; see docs/evidence-bundle.md), and of each query a decision log read in place answered: the SHA-256 of its text and parameters, its row count and the SHA-256 of its rows.';

function signerSentence(input: ReportInput): string {
  return input.signer
    ? `The evidence bundle of this report is signed (Ed25519) by the key of fingerprint ${input.signer.fingerprint}:`
    : 'No signing key is named: an evidence bundle of this report is not signed by its investigator.';
}

/** The section in HTML; the anchors block's open and close tags stand on lines of their own. */
export function anchorsSectionHtml(input: ReportInput): string {
  const key = input.signer ? `\n<pre class="key">${htmlText(input.signer.publicKeyPem.trim())}</pre>` : '';
  return [
    `<section><h2>Signature and evidence anchors</h2><p>${htmlText(signerSentence(input))}</p>${key}`,
    `<p class="meta">${htmlText(EXPLAIN)}</p>`,
    HTML_ANCHORS_OPEN,
    formatAnchors(reportAnchors(input)),
    '</pre>',
    '</section>',
  ].join('\n');
}

/** The section in Markdown, as lines. */
export function anchorsSectionMarkdown(input: ReportInput): string[] {
  const sentence = input.signer
    ? `The evidence bundle of this report is signed (Ed25519) by the key of fingerprint ${mdCode(input.signer.fingerprint)}:`
    : signerSentence(input);
  const key = input.signer ? ['', '```text', input.signer.publicKeyPem.trim(), '```'] : [];
  return [
    '## Signature and evidence anchors',
    '',
    sentence,
    ...key,
    '',
    EXPLAIN,
    '',
    MARKDOWN_ANCHORS_OPEN,
    formatAnchors(reportAnchors(input)),
    '```',
    '',
  ];
}
