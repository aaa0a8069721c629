/**
 * The headless path from imported evidence to a sealed report: run the engine on the decision, open (or take)
 * the case, render HTML and Markdown, pseudonymize subject ids when asked, and seal both.
 */
import { readFile, stat } from 'node:fs/promises';
import { verifyChain } from '../../shared/case/activity-log.js';
import { caseFromActivity } from '../../shared/case/case-actions.js';
import { canonicalJson } from '../../shared/case/canonical-json.js';
import { citedSources } from '../../shared/case/citations.js';
import type { CaseRecord, CaseSeverity } from '../../shared/case/case-types.js';
import { headlessCase } from '../../shared/case/headless-case.js';
import type { DiffOf } from '../../shared/analysis/engine-types.js';
import type { EngineResult } from '../../shared/analysis/engine.js';
import { investigate, investigationOfEngine, type Investigation } from '../../shared/case/investigation.js';
import type { EvidenceSet } from '../../shared/model/evidence-set.js';
import { activityHead, excerptDigests, type CitedDigest } from '../../shared/report/report-anchors.js';
import { reportProvenances, type ReportInput } from '../../shared/report/report-data.js';
import { renderReportHtmlUnsealed } from '../../shared/report/report-html.js';
import { renderReportMarkdownUnsealed } from '../../shared/report/report-markdown.js';
import { sealReport } from '../../shared/report/report-seal.js';
import type { TimeZoneChoice } from '../../shared/time/format-time.js';
import { excerptOf } from './excerpts.js';
import { sha256Hex } from './hashing.js';
import { pseudonymizeText } from './pseudonymize.js';
import type { BundlePseudonymization } from './export-bundle.js';

export interface BuildReportOptions {
  readonly decisionId: string;
  readonly featureName: string;
  readonly sourceNames: Readonly<Record<string, string>>;
  readonly generator: string;
  readonly timeZone: TimeZoneChoice;
  readonly now: Date;
  /** An existing case record (case.json) to report on; else a case is opened headless. */
  readonly caseFile?: string;
  readonly title?: string;
  readonly owner?: string;
  readonly severity?: CaseSeverity;
  readonly rootCause?: string;
  readonly pseudonymize?: BundlePseudonymization;
  /** The changed lines of the suspect commits (as `investigate` reads them), so the report ranks as the app does. */
  readonly diffOf?: DiffOf;
  /** Source SHA-256 → the file read (not a repository folder): the report anchors the SHA-256 of each cited line. */
  readonly sourcePaths?: Readonly<Record<string, string>>;
  /** The key that will sign the bundle: the report prints its fingerprint and public key, and anchors it. */
  readonly signer?: ReportInput['signer'];
  /** The queries of decision logs read in place the case's decisions came from: the report anchors them. */
  readonly queryDigests?: ReportInput['queryDigests'];
  /**
   * The engine's result for the decision where it was computed already (`investigate`'s, counted where a decision
   * log lives: pushed-investigation.ts): the report is of that result, not of another engine call over `set`.
   */
  readonly engine?: EngineResult;
}

export interface BuiltReport {
  readonly investigation: Investigation;
  readonly record: CaseRecord;
  readonly input: ReportInput;
  readonly html: { readonly text: string; readonly hash: string };
  readonly markdown: { readonly text: string; readonly hash: string };
}

/** Builds and seals the report of one decision's case. Throws naming what is wrong (unknown decision, broken case). */
export async function buildReport(set: EvidenceSet, options: BuildReportOptions): Promise<BuiltReport> {
  const p = options.pseudonymize;
  const evidence: EvidenceSet = p
    ? { ...set, decisions: set.decisions.map((d) => (d.subjectId ? { ...d, subjectId: p.pseudonym(d.subjectId) } : d)) }
    : set;
  const decision = evidence.decisions.find((d) => d.decisionId === options.decisionId);
  if (!decision) throw new Error(`Unknown decision ${options.decisionId}: it is in none of the decision logs read.`);
  const given = options.engine;
  if (given && (given.decision.decisionId !== decision.decisionId || given.featureName !== options.featureName))
    throw new Error(
      `The investigation given is of decision ${given.decision.decisionId} (${given.featureName}), not of ${options.decisionId} (${options.featureName}).`,
    );
  const investigation = given
    ? investigationOfEngine(evidence, { ...given, decision })
    : investigate(evidence, decision, options.featureName, { diffOf: options.diffOf });
  const record = options.caseFile
    ? await readCaseRecord(options.caseFile)
    : await headlessCase(
        investigation,
        {
          id: `case-${options.decisionId}-${options.now.toISOString().replace(/[-:]/g, '').slice(0, 15)}`,
          title: options.title,
          severity: options.severity,
          owner: options.owner ?? 'lineage-investigator',
          actor: options.generator,
          time: options.now.toISOString(),
          rootCause: options.rootCause,
        },
        sha256Hex,
      );
  const hide = (text: string) => (p ? pseudonymizeText(text, p.subjectIds, p.pseudonym) : text);
  const unanchored: ReportInput = {
    case: record.case,
    activity: record.activity,
    investigation,
    sourceNames: options.sourceNames,
    generatedAt: options.now.toISOString(),
    timeZone: options.timeZone,
    generator: options.generator,
    ...(options.signer && { signer: options.signer }),
    ...(options.queryDigests?.length && { queryDigests: options.queryDigests }),
  };
  const input: ReportInput = {
    ...unanchored,
    citedDigests: await citedDigestsOf(unanchored, options.sourcePaths ?? {}, hide),
  };
  const html = await sealReport(hide(renderReportHtmlUnsealed(input)), sha256Hex);
  const markdown = await sealReport(hide(renderReportMarkdownUnsealed(input)), sha256Hex);
  return { investigation, record, input, html, markdown };
}

/**
 * The SHA-256 of every cited line or pointer of the cited files, over the excerpt the bundle carries for them
 * (pseudonymized as the bundle's excerpts are); repository folders and files without a path are not anchored.
 */
async function citedDigestsOf(
  input: ReportInput,
  paths: Readonly<Record<string, string>>,
  hide: (text: string) => string,
): Promise<CitedDigest[]> {
  const digests: CitedDigest[] = [];
  for (const source of citedSources(reportProvenances(input), input.sourceNames)) {
    const path = paths[source.sha256];
    if (!path || !(await stat(path).catch(() => undefined))?.isFile()) continue;
    digests.push(...(await excerptDigests(hide(await excerptOf(source, path)), sha256Hex)));
  }
  return digests;
}

/** Reads a case.json, checking its activity chain and that the case is what the log records. */
export async function readCaseRecord(path: string): Promise<CaseRecord> {
  const record = JSON.parse(await readFile(path, 'utf8')) as CaseRecord;
  const chain = await verifyChain(record.activity ?? [], sha256Hex);
  if (!chain.ok) throw new Error(`${path}: ${chain.reason}`);
  if (canonicalJson(caseFromActivity(record.activity)) !== canonicalJson(record.case))
    throw new Error(`${path}: the case does not match what its activity log records.`);
  // A bundle's case.json records its log's head: a log with its last entries dropped is still a valid chain.
  const anchored = (record as { activityHead?: { entries?: unknown; hash?: unknown } }).activityHead;
  const head = activityHead(record.activity);
  if (anchored && (anchored.entries !== head.entries || anchored.hash !== head.hash))
    throw new Error(
      `${path}: its activity log (${head.entries} entries, last hash ${head.hash}) is not the one its activityHead records (${String(anchored.entries)}, ${String(anchored.hash)}).`,
    );
  return { case: record.case, activity: record.activity };
}
