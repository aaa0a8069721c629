/**
 * The case report as one self-contained HTML document: inline CSS, inline SVG figures, no scripts and no
 * external resources. Printed (PDF), every page carries the case id, the generation time with its zone, the
 * page number and the report's own hash (CSS `@page` margin boxes and counters). See `report-seal.ts` for the hash.
 */
import type { Sha256 } from '../case/case-types';
import { formatTime } from '../time/format-time';
import { htmlBreakable, htmlTable, htmlText } from './html-escape';
import { citeText, recordKeepingRows, type ReportInput } from './report-data';
import {
  caseSection,
  documentSection,
  findingsSection,
  lineageSection,
  timelineAndScopeSection,
} from './report-html-sections';
import { anchorsSectionHtml } from './report-anchor-section';
import { visibleText } from '../model/visible-text';
import { REPORT_HASH_LABEL, REPORT_HASH_PLACEHOLDER, sealReport } from './report-seal';

/** A CSS string literal: quotes, backslashes, newlines and `<` escaped so imported text cannot end it. */
function cssString(text: string): string {
  return `"${visibleText(text).replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

function styles(input: ReportInput): string {
  const generated = `Generated ${formatTime(input.generatedAt, input.timeZone)}`;
  return `
@page { size: A4; margin: 18mm 12mm 20mm 12mm;
  @top-left { content: ${cssString(`Case ${input.case.id}`)}; font: 8pt system-ui, sans-serif; color: #444; }
  @top-right { content: ${cssString(generated)}; font: 8pt system-ui, sans-serif; color: #444; }
  @bottom-left { content: ${cssString(`${REPORT_HASH_LABEL}${REPORT_HASH_PLACEHOLDER}`)}; font: 7pt ui-monospace, monospace; color: #444; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt system-ui, sans-serif; color: #444; }
}
body { font: 10.5pt/1.4 system-ui, sans-serif; color: #111; margin: 0 auto; max-width: 190mm; padding: 0 4mm; }
h1 { font-size: 17pt; margin: 0.4em 0; } h2 { font-size: 13pt; border-bottom: 1px solid #bbb; margin-top: 1.4em; }
h3 { font-size: 11pt; margin: 0.8em 0 0.3em; } h2, h3 { break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0; font-size: 9pt; }
th, td { border: 1px solid #ccc; padding: 2px 4px; text-align: left; vertical-align: top; overflow-wrap: break-word; word-break: normal; hyphens: none; }
th { background: #f0f0f0; } thead { display: table-header-group; } tr { break-inside: avoid; }
code { font: 8.5pt ui-monospace, monospace; overflow-wrap: anywhere; } code.hash { font-size: 7.5pt; }
code.name { overflow-wrap: break-word; }
.time { white-space: nowrap; } tbody.suspect { break-inside: avoid; } tr.suspect td { border-bottom: none; } tr.suspect td:nth-child(3) code { display: inline-block; width: 14ch; }
td.terms { border-top: none; padding-left: 2em; color: #333; } td.terms ul { margin: 0; }
pre { font: 7.5pt/1.35 ui-monospace, monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
figure { margin: 0.5em 0; break-inside: avoid; } figure svg { max-width: 100%; height: auto; }
figcaption, .cite, .none { color: #555; font-size: 9pt; }
ul.terms { margin: 0; padding-left: 1.1em; } .gap { color: #8a3b00; font-weight: bold; }
.verdict.violation { color: #a00; } .verdict.compliant { color: #060; } .verdict.insufficient-evidence { color: #8a6d00; }
.meta { font-size: 9pt; color: #333; } .seal { font: 8pt ui-monospace, monospace; overflow-wrap: anywhere; }
@media print { body { max-width: none; padding: 0; } a { color: inherit; text-decoration: none; } }
`;
}

/** Which fields a regulator expects logged for the decision the record carries, each cited, and which are missing. */
function recordKeepingSection(input: ReportInput): string {
  const rows = recordKeepingRows(input);
  const missing = rows.filter((r) => !r.present).length;
  return [
    '<section><h2>Record keeping</h2>',
    `<p class="meta">Decision <code>${htmlText(input.investigation.decision.decisionId)}</code>: ${rows.length - missing} of ${rows.length} fields logged, ${missing} missing (EU AI Act Art. 12 and 19, ISO/IEC 42001 A.6.2.8).</p>`,
    htmlTable(
      ['field', 'status', 'value', 'evidence'],
      rows.map((r) => [
        htmlText(r.field),
        r.present ? 'present' : '<span class="gap">missing</span>',
        htmlBreakable(r.value),
        htmlBreakable(r.evidence ? citeText(r.evidence, input.sourceNames) : '—'),
      ]),
    ),
    '</section>',
  ].join('\n');
}

/** The report before sealing: holds the hash placeholder wherever the hash goes. */
export function renderReportHtmlUnsealed(input: ReportInput): string {
  const c = input.case;
  const generated = formatTime(input.generatedAt, input.timeZone);
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta name="generator" content="${htmlText(input.generator)}">`,
    `<meta name="case-id" content="${htmlText(c.id)}">`,
    `<meta name="report-sha256" content="${REPORT_HASH_PLACEHOLDER}">`,
    `<title>${htmlText(`${c.title} — case ${c.id}`)}</title>`,
    `<style>${styles(input)}</style></head><body>`,
    `<header><h1>${htmlText(c.title)}</h1><p class="meta">Case <code>${htmlText(c.id)}</code> · generated ${htmlText(generated)} by ${htmlText(input.generator)}</p></header>`,
    '<main>',
    caseSection(input),
    lineageSection(input),
    timelineAndScopeSection(input),
    findingsSection(input),
    recordKeepingSection(input),
    documentSection(input),
    anchorsSectionHtml(input),
    '</main>',
    `<footer><p class="seal">${REPORT_HASH_LABEL}${REPORT_HASH_PLACEHOLDER}</p>`,
    '<p class="meta">The hash is the SHA-256 of this file with every occurrence of the hash replaced by the placeholder &#123;&#123;REPORT-SHA256&#125;&#125; (see docs/evidence-bundle.md).</p></footer>',
    '</body></html>',
    '',
  ].join('\n');
}

/** Renders and seals the HTML report: the text, with its hash on every printed page, and the hash. */
export function renderReportHtml(input: ReportInput, sha256: Sha256): Promise<{ text: string; hash: string }> {
  return sealReport(renderReportHtmlUnsealed(input), sha256);
}
