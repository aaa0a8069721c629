/**
 * Re-checking a case's citations when it is opened again: the sources its findings cite (what its report would
 * cite), each against where it was read. A file with a known path is re-hashed by the main process
 * (`origin:sha256`, through the shared `checkCitations`); a Git repository is asked whether the cited commits are
 * still there (`origin:commits`); a source imported in the browser has no path and is listed as not re-checked.
 * Paths are known for the sample's files and, in the desktop app, for files the user dropped or picked (recorded at
 * import by renderer/import/file-origins.ts, and allowed for re-hashing by the main process on registration).
 */
import { checkCitations, citedSources, type CitedSource } from '../../shared/case/citations';
import type { ActivityEntry, Case } from '../../shared/case/case-types';
import type { IpcApi } from '../../shared/ipc/contract';
import type { EvidenceSet } from '../../shared/model/evidence-set';
import type { Decision, Provenance } from '../../shared/model/records';
import { reportProvenances } from '../../shared/report/report-data';
import type { StoredSource } from '../db/lineage-db';
import { investigationOf, sourceNamesOf } from '../report/report-input';
import type { DerivedResults } from '../stores/derive';

export type CitationFinding =
  | { readonly kind: 'changed'; readonly source: CitedSource; readonly expected: string; readonly actual: string }
  | { readonly kind: 'unreadable'; readonly source: CitedSource; readonly expected: string; readonly reason: string }
  | {
      readonly kind: 'commits-missing';
      readonly source: CitedSource;
      readonly commits: ReadonlyArray<string>;
      readonly reason?: string;
    };

export interface CitationReport {
  /** The citations that no longer match what was imported. */
  readonly problems: ReadonlyArray<CitationFinding>;
  /** Sources re-checked and unchanged. */
  readonly unchanged: ReadonlyArray<CitedSource>;
  /** Sources that could not be re-checked, each with why (e.g. no path known). */
  readonly notChecked: ReadonlyArray<{ readonly source: CitedSource; readonly reason: string }>;
}

export interface CaseCitationInput {
  readonly case: Case;
  readonly activity: ReadonlyArray<ActivityEntry>;
  readonly evidence: EvidenceSet;
  readonly sources: ReadonlyArray<StoredSource>;
  readonly decision?: Decision;
  readonly featureName?: string;
  readonly results: DerivedResults;
}

/** The provenances the case cites: what its report cites once a decision is chosen, else its pinned evidence. */
export function caseProvenances(input: CaseCitationInput): Array<Provenance | undefined> {
  const pinned = input.case.pinnedEvidence.map((p) => p.evidence);
  if (!input.decision || !input.featureName) return pinned;
  const investigation = investigationOf(input.evidence, input.decision, input.featureName, input.results);
  return reportProvenances({
    case: input.case,
    activity: input.activity,
    investigation,
    sourceNames: sourceNamesOf(input.sources),
    generatedAt: new Date(0).toISOString(),
    timeZone: 'UTC',
    generator: '',
  });
}

/** The case's cited sources (only sources of the case), with each one's path on disk where it is known. */
export function caseCitedSources(input: CaseCitationInput): CitedSource[] {
  const ids = new Set(input.sources.map((s) => s.id));
  const paths = Object.fromEntries(input.sources.flatMap((s) => (s.origin ? [[s.id, s.origin.path]] : [])));
  const provenances = caseProvenances(input).filter((p) => p !== undefined && ids.has(p.sourceId));
  return citedSources(provenances, sourceNamesOf(input.sources), paths);
}

/** The commits cited in a git-log source: for each cited line, the commit whose entry holds it. */
export function citedCommits(source: CitedSource, evidence: EvidenceSet): string[] {
  const starts = evidence.commits
    .filter((c) => c.provenance.sourceId === source.sha256 && c.provenance.line !== undefined)
    .map((c) => ({ line: c.provenance.line as number, sha: c.sha }))
    .sort((a, b) => a.line - b.line);
  const commits = new Set<string>();
  for (const line of source.lines) {
    let found: string | undefined;
    for (const start of starts) {
      if (start.line > line) break;
      found = start.sha;
    }
    if (found) commits.add(found);
  }
  return [...commits].sort();
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Re-checks each cited source where it came from; `noPath` is why a source without a path is not re-checked. */
export async function recheckCitations(
  api: IpcApi,
  cited: ReadonlyArray<CitedSource>,
  sources: ReadonlyArray<StoredSource>,
  evidence: EvidenceSet,
  noPath: string,
): Promise<CitationReport> {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const problems: CitationFinding[] = [];
  const unchanged: CitedSource[] = [];
  const notChecked: { source: CitedSource; reason: string }[] = [];
  const files: CitedSource[] = [];
  for (const source of cited) {
    const repository = byId.get(source.sha256)?.repository;
    if (repository) {
      const commits = citedCommits(source, evidence);
      if (commits.length === 0) {
        notChecked.push({ source, reason: 'no cited commit found in its history' });
        continue;
      }
      try {
        const answer = await api.invoke('origin:commits', { repository, commits });
        if (answer.missing.length === 0) unchanged.push(source);
        else problems.push({ kind: 'commits-missing', source, commits: answer.missing, reason: answer.reason });
      } catch (error) {
        notChecked.push({ source, reason: message(error) });
      }
    } else if (source.path) files.push(source);
    else notChecked.push({ source, reason: noPath });
  }
  const reasons = new Map<string, string>();
  const failed = new Set<string>();
  const changed = await checkCitations(files, async (source) => {
    try {
      const answer = await api.invoke('origin:sha256', { path: source.path as string });
      if (answer.reason) reasons.set(source.sha256, answer.reason);
      return answer.sha256 ?? undefined;
    } catch (error) {
      // The main process refused or failed to look: not re-checked, which is not the same as a mismatch.
      failed.add(source.sha256);
      notChecked.push({ source, reason: message(error) });
      return source.sha256;
    }
  });
  for (const p of changed)
    problems.push(
      p.actual === undefined
        ? { kind: 'unreadable', source: p.source, expected: p.expected, reason: reasons.get(p.expected) ?? p.message }
        : { kind: 'changed', source: p.source, expected: p.expected, actual: p.actual },
    );
  const flagged = new Set(changed.map((p) => p.expected));
  unchanged.push(...files.filter((f) => !flagged.has(f.sha256) && !failed.has(f.sha256)));
  return { problems, unchanged, notChecked };
}
