/**
 * The streaming import API: one incremental importer per input file. The caller reads the file in chunks
 * (the Node reader in electron/sources/, the browser worker in renderer/), decodes them as UTF-8, and pushes
 * them; records are drained with `take()` so they can be written in batches, and `end()` gives the summary.
 * `importInput(file)` is this API over a whole text, so both paths give identical results.
 */
import type { EvidenceRecord, ImportWarning, Rejection } from '../model/records';
import { createAutoImport } from './auto-import';
import { createCsvImport, isCsvHead } from './csv-importer';
import { createGitLogImport } from './git-log-stream';
import { groupIssues, mergeGroups, type IssueGroup } from './issue-groups';
import type { ImportMapping } from './mapping';
import type { NeedsMapping } from './needs-mapping';
import { appOutputHeadOf } from './app-outputs';
import { binaryFormatReason } from './binary-formats';
import { IMPORTER_VERSION } from './record-runner';
import { sourceTextReason } from './source-text';
import { damageWarnings, ReplacementCounter } from './text-damage';

export type { ImportMapping } from './mapping';

/** The input file as an importer sees it: its id (its SHA-256) and its name for messages. */
export interface ImportSource {
  readonly id: string;
  readonly name: string;
  /** `git-log`: the text is `git log` output in the format of git-log-format.ts, made from a repository. */
  readonly derivedAs?: 'git-log';
  /** For `git-log`: the repository the commits belong to (defaults to `name`). */
  readonly repository?: string;
  /** For a CSV in a dbt project's seed folders (dbt-seeds.ts): that project's `dbt_project.yml`. */
  readonly dbtSeedOf?: string;
}

/** What an import found: the importer, the detected kind, records by kind, rejections and warnings. */
export interface ImportSummary {
  readonly importer: string;
  readonly importerVersion: string;
  /** The detected kind of input, e.g. "openlineage", "aws-cloudtrail", "dbt-manifest", or "unknown". */
  readonly detected: string;
  /** Records made, by record kind (`lineage-run`, `audit`, `job`, …). */
  readonly counts: Readonly<Record<string, number>>;
  /** The first MAX_LISTED rejections; `rejectedCount` counts them all. */
  readonly rejections: ReadonlyArray<Rejection>;
  readonly rejectedCount: number;
  /** The first MAX_LISTED warnings; `warningCount` counts them all. */
  readonly warnings: ReadonlyArray<ImportWarning>;
  readonly warningCount: number;
  /** Every rejection grouped by message (issue-groups.ts), counted past the listed ones; absent: group the listed. */
  readonly rejectionGroups?: ReadonlyArray<IssueGroup<Rejection>>;
  /** Every warning grouped by message, counted past the listed ones; absent: group the listed. */
  readonly warningGroups?: ReadonlyArray<IssueGroup<ImportWarning>>;
  /**
   * Set when the file is not evidence (an empty file, documentation, a JSON Schema, a single OpenLineage facet,
   * dbt structured logs — see describe-input.ts): the reason it was skipped. Nothing was lost: no records and no
   * rejection.
   */
  readonly skipped?: string;
  /**
   * Set when the file is a table no importer reads without a column mapping (a CSV, JSON records of other fields:
   * needs-mapping.ts): its columns and the reason, also listed as its rejection at line 1.
   */
  readonly needsMapping?: NeedsMapping;
}

/** One file's import in progress. Never throws on bad input. */
export interface StreamingImport {
  /** Any chunk size; lines and JSON values may span chunks. */
  push(chunk: string): void;
  /** Records parsed since the last take() (drain to write in batches). */
  take(): EvidenceRecord[];
  /** Flushes; the summary. Records completed by the flush are returned by the next take(). */
  end(): ImportSummary;
}

export interface StartOptions {
  /** A saved column mapping for a CSV, or JSON records whose field names the detector does not know. */
  readonly mapping?: ImportMapping;
}

/** How many rejections and warnings a summary lists (all are counted). */
export const MAX_LISTED = 1000;

/** How many characters of a file's start `startImport` wants as `head` to detect its kind. */
export const HEAD_SIZE = 65536;

/**
 * Detects the kind from the first characters (`head`, e.g. the first 64 KB; the whole text when shorter) and
 * returns the incremental importer. `head` is only looked at: every character, head included, must still be pushed.
 * Invalid UTF-8 (U+FFFD in the decoded text) is warned of with its lines (text-damage.ts).
 */
export function startImport(head: string, source: ImportSource, options: StartOptions = {}): StreamingImport {
  if (source.derivedAs === 'git-log') return createGitLogImport(source);
  const notEvidence =
    sourceTextReason(source.name, head, head.length >= HEAD_SIZE) ??
    appOutputHeadOf(head) ??
    binaryFormatReason(source.name, head);
  if (notEvidence !== undefined) return skippedImport(notEvidence);
  const job = isCsvHead(head) ? createCsvImport(head, source, options) : createAutoImport(head, source, options);
  return withDamageWarning(job, source.name);
}

/** The import, warning of the U+FFFD it was pushed (invalid UTF-8) with their lines, unless it skipped the file. */
function withDamageWarning(job: StreamingImport, sourceName: string): StreamingImport {
  const counter = new ReplacementCounter();
  return {
    push(chunk) {
      counter.scan(chunk);
      job.push(chunk);
    },
    take: () => job.take(),
    end() {
      const summary = job.end();
      const extra = summary.skipped === undefined ? damageWarnings(counter.damage(), sourceName) : [];
      return withWarnings(summary, extra);
    },
  };
}

/** The summary with warnings found outside the importer put first: listed, counted and grouped. */
export function withWarnings(summary: ImportSummary, extra: ReadonlyArray<ImportWarning>): ImportSummary {
  if (extra.length === 0) return summary;
  return {
    ...summary,
    warnings: [...extra, ...summary.warnings],
    warningCount: summary.warningCount + extra.length,
    warningGroups: mergeGroups(groupIssues(extra), summary.warningGroups ?? groupIssues(summary.warnings)),
  };
}

/** The import of a file that is not evidence (source-text.ts): it reads nothing and says why. */
function skippedImport(reason: string): StreamingImport {
  return {
    push: () => undefined,
    take: () => [],
    end: () => ({
      importer: 'detector',
      importerVersion: IMPORTER_VERSION,
      detected: 'unknown',
      counts: {},
      rejections: [],
      rejectedCount: 0,
      warnings: [],
      warningCount: 0,
      skipped: reason,
    }),
  };
}
