/**
 * "Export case file…": the open case's portable case file (docs/case-file.md), signed in the main process with the
 * investigator's key — its activity chain, the cited evidence records, the traced subgraph and the pinned items.
 */
import { citedSources } from '../../shared/case/citations';
import type { IpcApi } from '../../shared/ipc/contract';
import { reportProvenances } from '../../shared/report/report-data';
import type { TimeZoneChoice } from '../../shared/time/format-time';
import { currentActor } from '../case/reviewer-store';
import { citedExcerpts, subjectIdsIn } from '../report/cited-excerpts';
import { buildOpenCaseReport } from '../report/export-actions';
import { useInvestigation } from '../stores/investigation-store';

export interface ExportedCaseFile {
  readonly text: string;
  readonly title: string;
  readonly fingerprint: string;
  readonly entries: number;
  readonly records: number;
  readonly nodes: number;
}

/** Builds and signs the open case's case file; throws naming what is missing or wrong. */
export async function exportOpenCaseFile(
  api: IpcApi,
  timeZone: TimeZoneChoice,
  options: { readonly pseudonymizeKey?: string } = {},
): Promise<ExportedCaseFile> {
  const report = await buildOpenCaseReport(api, timeZone);
  if (report.recordSource === 'headless')
    throw new Error(
      'This case has no activity log of its own yet (or it cannot be read): a reviewer’s entries would have nothing to extend.',
    );
  const { evidence, sources } = useInvestigation.getState();
  if (!evidence) throw new Error('No case is open.');
  const input = report.input;
  const counts = Object.fromEntries(
    sources.map((s) => [s.id, Object.values(s.counts ?? {}).reduce((a, b) => a + b, 0)]),
  );
  const excerpts = citedExcerpts(evidence, citedSources(reportProvenances(input), input.sourceNames), counts).map(
    ({ name, sha256, text }) => ({ name, sha256, text }),
  );
  const { nodes, edges } = input.investigation.trace;
  const subgraph = { nodes: [...nodes], edges: [...edges] };
  const key = options.pseudonymizeKey;
  const subjectIds = key ? subjectIdsIn(evidence, [...excerpts.map((e) => e.text), JSON.stringify(subgraph)]) : [];
  const out = await api.invoke('caseFile:export', {
    caseRecord: { case: input.case, activity: [...input.activity] },
    excerpts,
    subgraph,
    signer: currentActor(),
    ...(key ? { pseudonymize: { key, subjectIds } } : {}),
  });
  return { ...out, title: input.case.title, nodes: nodes.length };
}
