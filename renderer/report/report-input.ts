/**
 * The open case's report input, built in the renderer with the same shared functions as the CLI
 * (`electron/bundle/build-report.ts`): the engine's answer the steps show, the lineage card, the case and its
 * activity log, the sources' names, the time zone. Sealing uses Web Crypto's SHA-256.
 */
import type { CaseRecord } from '../../shared/case/case-types';
import { investigate, investigationOfEngine, type Investigation } from '../../shared/case/investigation';
import { lineageCard } from '../../shared/lineage/lineage-card';
import type { EvidenceSet } from '../../shared/model/evidence-set';
import type { Decision } from '../../shared/model/records';
import type { ReportInput } from '../../shared/report/report-data';
import { renderReportHtml } from '../../shared/report/report-html';
import { renderReportMarkdown } from '../../shared/report/report-markdown';
import type { TimeZoneChoice } from '../../shared/time/format-time';
import { webSha256 } from '../case/web-sha256';
import type { DerivedResults } from '../stores/derive';

/** The steps' results as the report's Investigation; where the engine left a step empty, the headless analysis. */
export function investigationOf(
  evidence: EvidenceSet,
  decision: Decision,
  featureName: string,
  results: DerivedResults,
): Investigation {
  if (results.engine) return investigationOfEngine(evidence, results.engine);
  const { trace, scope, changes, governance, remediation } = results;
  if (!trace || !scope || !changes || !governance || !remediation) return investigate(evidence, decision, featureName);
  const card = lineageCard(evidence, decision, featureName);
  return { decision, featureName, card, trace, scope, changes, governance, remediation };
}

/** Source id (SHA-256) → file name. */
export function sourceNamesOf(
  sources: ReadonlyArray<{ readonly id: string; readonly name: string }>,
): Record<string, string> {
  return Object.fromEntries(sources.map((s) => [s.id, s.name]));
}

export interface SealedReport {
  readonly input: ReportInput;
  readonly html: { readonly text: string; readonly hash: string };
  readonly markdown: { readonly text: string; readonly hash: string };
}

/** Renders and seals both reports of a case; `anchors` are the cited digests and signer the report anchors. */
export async function sealedReport(
  record: CaseRecord,
  investigation: Investigation,
  sourceNames: Readonly<Record<string, string>>,
  timeZone: TimeZoneChoice,
  generator: string,
  now: Date = new Date(),
  anchors: Pick<ReportInput, 'citedDigests' | 'signer' | 'queryDigests'> = {},
): Promise<SealedReport> {
  const input: ReportInput = {
    case: record.case,
    activity: record.activity,
    investigation,
    sourceNames,
    generatedAt: now.toISOString(),
    timeZone,
    generator,
    ...anchors,
  };
  const [html, markdown] = await Promise.all([
    renderReportHtml(input, webSha256),
    renderReportMarkdown(input, webSha256),
  ]);
  return { input, html, markdown };
}
