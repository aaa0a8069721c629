/**
 * What the Export panel's buttons do, outside React: build the open case's sealed report (HTML and Markdown in the
 * renderer), print it to PDF and write the evidence bundle through the main process (`report:pdf`,
 * `bundle:export`).
 */
import { citedSources } from '../../shared/case/citations';
import type { BundleExportResponse, IpcApi } from '../../shared/ipc/contract';
import type { EvidenceSet } from '../../shared/model/evidence-set';
import { excerptDigests } from '../../shared/report/report-anchors';
import { reportProvenances } from '../../shared/report/report-data';
import type { TimeZoneChoice } from '../../shared/time/format-time';
import { webSha256 } from '../case/web-sha256';
import { connectionCitation, connectionQueryDigests, connectionSourceName } from '../connections/connection-citation';
import { useInvestigation } from '../stores/investigation-store';
import { citedExcerpts, subjectIdsIn } from './cited-excerpts';
import { openCaseRecord, type CaseRecordSource } from './open-case-record';
import { investigationOf, sealedReport, sourceNamesOf, type SealedReport } from './report-input';

export interface BuiltCaseReport extends SealedReport {
  readonly recordSource: CaseRecordSource;
}

/** Builds the open case's sealed report; throws naming what is missing. */
export async function buildOpenCaseReport(
  api: IpcApi,
  timeZone: TimeZoneChoice,
  now: Date = new Date(),
): Promise<BuiltCaseReport> {
  const { caseRecord, evidence, decision, featureName, results, sources, connectionQueries } =
    useInvestigation.getState();
  if (!caseRecord || !evidence) throw new Error('No case is open.');
  if (!decision || !featureName) throw new Error('Choose a decision and its suspect feature first (Identify).');
  const info = await api.invoke('app:info', {});
  const generator = `${info.name} ${info.version}`;
  const investigation = investigationOf(evidence, decision, featureName, results);
  const { record, source } = await openCaseRecord(caseRecord, investigation, generator, now);
  const connectionName = await connectionSourceName(caseRecord);
  const names = { ...sourceNamesOf(sources), ...connectionName };
  const provenances = reportProvenances({
    case: record.case,
    activity: record.activity,
    investigation,
    sourceNames: names,
    generatedAt: now.toISOString(),
    timeZone,
    generator,
  });
  const cited = citedSources(provenances, names);
  const citedDigests = (
    await Promise.all(
      excerptsOf(evidence, cited, sources, connectionName).map((e) => excerptDigests(e.text, webSha256)),
    )
  ).flat();
  const key = await api.invoke('signing:publicKey', {});
  const signer = { fingerprint: key.fingerprint, publicKeyPem: key.publicKeyPem };
  const queryDigests = await connectionQueryDigests(caseRecord, connectionQueries);
  const built = await sealedReport(record, investigation, names, timeZone, generator, now, {
    citedDigests,
    signer,
    ...(queryDigests.length > 0 && { queryDigests }),
  });
  return { ...built, recordSource: source };
}

/** The excerpts the bundle carries for the cited sources (the report anchors each entry's SHA-256). */
function excerptsOf(
  evidence: EvidenceSet,
  cited: ReturnType<typeof citedSources>,
  sources: ReadonlyArray<{ readonly id: string; readonly counts?: Readonly<Record<string, number>> }>,
  connection: Readonly<Record<string, string>>,
) {
  const counts = Object.fromEntries(
    sources.map((s) => [s.id, Object.values(s.counts ?? {}).reduce((a, b) => a + b, 0)]),
  );
  // A decision log read where it lives is cited by its queries, not excerpted (connection-citation.ts).
  return citedExcerpts(evidence, cited, counts).filter((e) => !(e.sha256 in connection));
}

/** Prints the report's HTML to PDF in the main process; returns the PDF's bytes. */
export async function printReportPdf(api: IpcApi, html: string): Promise<Uint8Array> {
  const { pdfBase64 } = await api.invoke('report:pdf', { html });
  return fromBase64(pdfBase64);
}

/** Writes the evidence bundle of the open case's report in the main process. */
export async function exportCaseBundle(
  api: IpcApi,
  report: BuiltCaseReport,
  options: { readonly pseudonymizeKey?: string; readonly archive: boolean },
): Promise<BundleExportResponse> {
  const { evidence, sources, caseRecord: open, connectionQueries } = useInvestigation.getState();
  if (!evidence || !open) throw new Error('No case is open.');
  const connection = connectionCitation(open, connectionQueries);
  const input = report.input;
  const cited = citedSources(reportProvenances(input), input.sourceNames);
  const excerpts = excerptsOf(evidence, cited, sources, await connectionSourceName(open));
  const caseRecord = { case: input.case, activity: [...input.activity] };
  const key = options.pseudonymizeKey;
  const texts = [report.html.text, report.markdown.text, JSON.stringify(caseRecord), ...excerpts.map((e) => e.text)];
  return api.invoke('bundle:export', {
    caseRecord,
    reportHtml: report.html.text,
    reportMarkdown: report.markdown.text,
    reportHash: report.html.hash,
    excerpts,
    ...(key ? { pseudonymize: { key, subjectIds: subjectIdsIn(evidence, texts) } } : {}),
    archive: options.archive,
    ...(connection && { connection }),
  });
}

/** Base64 → bytes. */
export function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
