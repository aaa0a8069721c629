/**
 * The renderer's store: one Dexie database class with versioned schemas (never edit a past version) and the rows
 * its tables hold. Sources are kept by their SHA-256; bulk evidence rows live in chunks of 1,000 (see chunks.ts); a
 * case is a small row (what is not evidence: its sources, focus and description) plus its hash-chained activity log,
 * whose fold (`caseFromActivity`) is the case's state: severity, status, owner, steps, annotations, pins, root cause.
 * What is done with the rows lives beside this file: storing an imported file (import-result.ts), reading a case's
 * evidence (load-evidence.ts), a case and its activity log (case-log.ts), staged imports and source removal
 * (staged-import.ts).
 */
import Dexie, { type Table } from 'dexie';
import type { ActivityEntry, CaseConnection } from '../../shared/case/case-types';
import type { ImportMapping } from '../../shared/importers/mapping';
import type { ImportWarning, IssueGroup, Rejection, SourceInfo } from '../../shared/model/records';
import { sha256Sync } from '../case/web-sha256';
import type { RecordChunk } from './chunks';
import { type LegacyCaseRow, type LegacyNote, migratedActivity } from './migrate-case';

/** A source as stored: the shared SourceInfo plus the repository handle `git:show` needs, for Git inputs. */
export interface StoredSource extends SourceInfo {
  readonly repository?: string;
  /** `staging` while a file's chunks are being written (never part of a case); `complete` once committed. */
  readonly status?: 'staging' | 'complete';
  /** How long the import took, from the first byte read to the commit. */
  readonly durationMs?: number;
  /** `git-log` for a repository read by the main process. */
  readonly derivedAs?: 'git-log';
  /** The column mapping a CSV (or JSON lines with other field names) was imported through. */
  readonly mapping?: ImportMapping;
  /**
   * Where the file was read from on this machine, when known (the sample's files; absent for files imported in
   * the browser, which gives no path). Not indexed, so no schema version: Dexie stores the whole object.
   */
  readonly origin?: { readonly path: string };
  /**
   * The key its record chunks are stored under when it is not `id`: a large file's chunks are written under a
   * provisional id while its SHA-256 is computed alongside (renderer/import/run-import.ts). Read with `chunkKey`.
   */
  readonly storageId?: string;
  /** While `staging`: the import's case, its progress and holder, or why it failed (staged-import.ts). */
  readonly staged?: StagedImport;
}

/**
 * What a staging source's import had done, saved as it runs: the next start tells an interrupted import (its
 * holder's lock is gone, or it failed) from one running in another window, and says what it had read.
 */
export interface StagedImport {
  /** The case the source was to join (absent: imported into no case, from the Sources screen of all sources). */
  readonly caseId?: string;
  /** The random token of the import's holder lock (renderer/import/import-lock.ts) while it runs. */
  readonly holder: string;
  readonly startedAt: string;
  /** When progress was last saved. */
  readonly updatedAt: string;
  /** Bytes of the file read and parsed, and records written, when progress was last saved. */
  readonly bytes: number;
  readonly records: number;
  /** Why the import stopped, when it failed (its records were deleted; the row says what happened). */
  readonly failure?: string;
}

/** The first rejections and warnings of a source (all are counted on the source), for the Sources screen. */
export interface SourceIssues extends IssueGroups {
  readonly sourceId: string;
  readonly rejections: ReadonlyArray<Rejection>;
  readonly warnings: ReadonlyArray<ImportWarning>;
}

/** Every rejection and warning of an import grouped by message, counted past the listed ones (issue-groups.ts). */
export interface IssueGroups {
  readonly rejectionGroups?: ReadonlyArray<IssueGroup<Rejection>>;
  readonly warningGroups?: ReadonlyArray<IssueGroup<ImportWarning>>;
}

/** How many rejections and warnings a source keeps to show (all are counted). */
export const ISSUES_SHOWN = 1000;

/** A case's row: what is not evidence. Its state is the fold of its activity log (`readCase`). */
export interface CaseRecord {
  readonly id: string;
  /** The title the case was opened with, for screens that only name it (the log's `case.opened` holds it too). */
  readonly title: string;
  readonly description: string;
  /** When the case was opened (its `case.opened` entry's time); the list's order. */
  readonly createdAt: string;
  /** The decision the investigation starts from (absent until evidence is imported and one is chosen). */
  readonly decisionId?: string;
  /**
   * The model whose log holds `decisionId` (two models' logs can share an id). Absent in cases saved before it was
   * recorded: the id then names the decision only when one model's log holds it. Not indexed, so no schema version.
   */
  readonly decisionModel?: string;
  readonly featureName?: string;
  readonly sourceIds: ReadonlyArray<string>;
  /** The investigator's correction of the onset: a feature version or an RFC 3339 time (absent: the estimate). */
  readonly onsetOverride?: string;
  /**
   * Where the case's decisions are read when they are not imported: the saved connection's id on this machine, its
   * name and location (never a password). Not indexed, so no schema version.
   */
  readonly connection?: CaseConnection & { readonly id: string };
}

/**
 * A source removed while its undo is offered: its row and where it stood in each case, its record chunks and issues
 * left in place (under its `chunkKey`) until the removal is final (source-removal.ts).
 */
export interface RemovedSource {
  readonly id: string;
  readonly source: StoredSource;
  /** Each case it was part of, and its index in that case's sources. */
  readonly places: ReadonlyArray<{ readonly caseId: string; readonly index: number }>;
  readonly removedAt: string;
}

/** One activity entry as stored: the entry and its case. */
export interface StoredActivity extends ActivityEntry {
  readonly caseId: string;
}

export class LineageDb extends Dexie {
  declare sources: Table<StoredSource, string>;
  declare recordChunks: Table<RecordChunk, [string, string, number]>;
  declare cases: Table<CaseRecord, string>;
  declare activity: Table<StoredActivity, [string, number]>;
  declare sourceIssues: Table<SourceIssues, string>;
  declare removedSources: Table<RemovedSource, string>;

  constructor(name = 'lineage-investigator') {
    super(name);
    this.version(1).stores({
      sources: 'id, name, detected',
      recordChunks: '[sourceId+kind+seq], sourceId',
      cases: 'id, createdAt',
      notes: '++id, caseId',
    });
    // Staged imports (a source is `staging` until its last chunk is written) and each source's issues.
    this.version(2)
      .stores({ sources: 'id, name, detected, status', sourceIssues: 'sourceId' })
      .upgrade((tx) =>
        tx
          .table('sources')
          .toCollection()
          .modify((source: { status?: string }) => {
            source.status ??= 'complete';
          }),
      );
    // Cases on a hash-chained activity log: each case's steps and notes become its first entries (migrate-case.ts).
    this.version(3)
      .stores({ activity: '[caseId+seq], caseId', notes: null })
      .upgrade(async (tx) => {
        const notes = (await tx.table('notes').toArray()) as LegacyNote[];
        const cases = (await tx.table('cases').toArray()) as LegacyCaseRow[];
        const entries = cases.flatMap((c) =>
          migratedActivity(
            c,
            notes.filter((n) => n.caseId === c.id),
            sha256Sync,
          ).map((e) => ({ ...e, caseId: c.id })),
        );
        await tx.table('activity').bulkAdd(entries);
        await tx
          .table('cases')
          .toCollection()
          .modify((c: { steps?: unknown }) => {
            delete c.steps;
          });
      });
    // Removed sources set aside while their undo is offered (source-removal.ts).
    this.version(4).stores({ removedSources: 'id' });
  }

  /** The stored sources among these ids, in the order given. */
  async getSources(ids: ReadonlyArray<string>): Promise<StoredSource[]> {
    const rows = await this.sources.bulkGet([...ids]);
    return rows.filter((s): s is StoredSource => s !== undefined);
  }

  /** Cases, newest first. */
  async listCases(): Promise<CaseRecord[]> {
    return this.cases.orderBy('createdAt').reverse().toArray();
  }

  /** A case's row (its state is the fold of its activity log: case-log.ts). */
  async getCase(id: string): Promise<CaseRecord | undefined> {
    return this.cases.get(id);
  }
}

/** The issues row of a source: its first ISSUES_SHOWN rejections and warnings, and the groups of all of them. */
export function issuesOf(
  sourceId: string,
  rejections: ReadonlyArray<Rejection>,
  warnings: ReadonlyArray<ImportWarning>,
  groups: IssueGroups = {},
): SourceIssues {
  return {
    sourceId,
    rejections: rejections.slice(0, ISSUES_SHOWN),
    warnings: warnings.slice(0, ISSUES_SHOWN),
    ...(groups.rejectionGroups && { rejectionGroups: groups.rejectionGroups }),
    ...(groups.warningGroups && { warningGroups: groups.warningGroups }),
  };
}
