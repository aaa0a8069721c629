/**
 * The renderer's store: one Dexie database class with versioned schemas (never edit a past version).
 * Sources are kept by their SHA-256; bulk evidence rows live in chunks of 1,000 (see chunks.ts); a case is a small
 * row (what is not evidence: its sources, focus and description) plus its hash-chained activity log, whose fold
 * (`caseFromActivity`) is the case's state: severity, status, owner, steps, annotations, pins, root cause.
 */
import Dexie, { type Table } from 'dexie';
import { verifyChain } from '../../shared/case/activity-log';
import { type Act, type CaseAction, caseFromActivity, recordAction } from '../../shared/case/case-actions';
import type { ActivityEntry, CaseRecord as CaseWithActivity, CaseSeverity, Sha256 } from '../../shared/case/case-types';
import type { ImportMapping } from '../../shared/importers/mapping';
import type { InputFile } from '../../shared/ipc/contract';
import type { EvidenceSet } from '../../shared/model/evidence-set';
import { toEvidenceSet } from '../../shared/model/evidence-set';
import type { EvidenceRecord, ImportResult, ImportWarning, Rejection, SourceInfo } from '../../shared/model/records';
import { sha256Sync, webSha256 } from '../case/web-sha256';
import { type RecordChunk, countByKind, toChunks } from './chunks';
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
}

/** The first rejections and warnings of a source (all are counted on the source), for the Sources screen. */
export interface SourceIssues {
  readonly sourceId: string;
  readonly rejections: ReadonlyArray<Rejection>;
  readonly warnings: ReadonlyArray<ImportWarning>;
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
  readonly featureName?: string;
  readonly sourceIds: ReadonlyArray<string>;
  /** The investigator's correction of the onset: a feature version or an RFC 3339 time (absent: the estimate). */
  readonly onsetOverride?: string;
}

/** One activity entry as stored: the entry and its case. */
export interface StoredActivity extends ActivityEntry {
  readonly caseId: string;
}

/** What opening a case needs; severity defaults to medium, owner to `unassigned`, the actor to the owner. */
export interface NewCase extends Omit<CaseRecord, 'createdAt'> {
  readonly createdAt?: string;
  readonly severity?: CaseSeverity;
  readonly owner?: string;
  readonly actor?: string;
}

/** A case's row and its activity log (seq order). */
export interface CaseWithLog {
  readonly record: CaseRecord;
  readonly activity: ReadonlyArray<ActivityEntry>;
}

export interface ImportOutcome {
  readonly source: StoredSource;
  /** False when a source with the same SHA-256 was already stored (nothing changed). */
  readonly created: boolean;
}

export class LineageDb extends Dexie {
  declare sources: Table<StoredSource, string>;
  declare recordChunks: Table<RecordChunk, [string, string, number]>;
  declare cases: Table<CaseRecord, string>;
  declare activity: Table<StoredActivity, [string, number]>;
  declare sourceIssues: Table<SourceIssues, string>;

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
  }

  /**
   * Stores one imported file in ONE transaction: its source row and its record chunks.
   * Idempotent: a file whose SHA-256 is already stored changes nothing.
   */
  async importResult(file: InputFile, result: ImportResult, now: Date = new Date()): Promise<ImportOutcome> {
    return this.transaction('rw', this.sources, this.recordChunks, this.sourceIssues, async () => {
      const existing = await this.sources.get(file.sha256);
      if (existing) return { source: existing, created: false };
      const source: StoredSource = {
        id: file.sha256,
        name: file.name,
        detected: result.detected,
        size: file.size,
        sha256: file.sha256,
        importer: result.importer,
        importerVersion: result.importerVersion,
        importedAt: now.toISOString(),
        counts: countByKind(result.records),
        rejected: result.rejections.length,
        warnings: result.warnings.length,
        status: 'complete',
        ...(file.repository ? { repository: file.repository } : {}),
      };
      await this.recordChunks.bulkPut(toChunks(source.id, result.records));
      await this.sources.add(source);
      await this.sourceIssues.put(issuesOf(source.id, result.rejections, result.warnings));
      return { source, created: true };
    });
  }

  /** The stored sources among these ids, in the order given. */
  async getSources(ids: ReadonlyArray<string>): Promise<StoredSource[]> {
    const rows = await this.sources.bulkGet([...ids]);
    return rows.filter((s): s is StoredSource => s !== undefined);
  }

  /** All records of these sources: per source, per kind, in the order they were imported. */
  async loadRecords(sourceIds: ReadonlyArray<string>): Promise<EvidenceRecord[]> {
    const records: EvidenceRecord[] = [];
    for (const id of sourceIds) {
      const chunks = await this.recordChunks.where('sourceId').equals(id).toArray();
      chunks.sort((a, b) => (a.kind === b.kind ? a.seq - b.seq : a.kind < b.kind ? -1 : 1));
      for (const chunk of chunks) records.push(...chunk.rows);
    }
    return records;
  }

  /** The evidence set of a case: its sources' records grouped by kind and sorted by time. */
  async loadEvidence(sourceIds: ReadonlyArray<string>): Promise<EvidenceSet> {
    return toEvidenceSet(await this.loadRecords(sourceIds));
  }

  /** Cases, newest first. */
  async listCases(): Promise<CaseRecord[]> {
    return this.cases.orderBy('createdAt').reverse().toArray();
  }

  async getCase(id: string): Promise<CaseRecord | undefined> {
    return this.cases.get(id);
  }

  /** Opens a case: its row and its `case.opened` entry, in ONE transaction. Returns the stored row. */
  async createCase(init: NewCase, sha256: Sha256 = webSha256): Promise<CaseRecord> {
    const { severity = 'medium', owner = 'unassigned', actor, createdAt, ...row } = init;
    const record: CaseRecord = { ...row, createdAt: createdAt ?? new Date().toISOString() };
    const opened = await recordAction(
      undefined,
      {
        time: record.createdAt,
        actor: actor ?? owner,
        action: 'case.opened',
        payload: {
          id: record.id,
          title: record.title,
          severity,
          owner,
          decisionIds: record.decisionId ? [record.decisionId] : [],
          ...(record.featureName ? { featureName: record.featureName } : {}),
        },
      },
      sha256,
    );
    await this.transaction('rw', this.cases, this.activity, async () => {
      await this.cases.add(record);
      await this.activity.bulkAdd(opened.activity.map((e) => ({ ...e, caseId: record.id })));
    });
    return record;
  }

  /** Records the decision and suspect feature the user chose. */
  async setCaseFocus(caseId: string, decisionId: string, featureName: string): Promise<void> {
    await this.cases.update(caseId, { decisionId, featureName });
  }

  /** Records the investigator's onset correction (a feature version or a time), or removes it (`undefined`). */
  async setCaseOnset(caseId: string, onset: string | undefined): Promise<void> {
    await this.cases.update(caseId, { onsetOverride: onset });
  }

  /** A case's activity log, in seq order. */
  async readActivity(caseId: string): Promise<ActivityEntry[]> {
    const rows = await this.activity
      .where('[caseId+seq]')
      .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
      .toArray();
    return rows.map(({ caseId: _case, ...entry }) => entry);
  }

  /** Every case with its activity log, newest first. */
  async listCasesWithActivity(): Promise<CaseWithLog[]> {
    const [cases, entries] = await Promise.all([this.listCases(), this.activity.toArray()]);
    const logs = new Map<string, ActivityEntry[]>();
    for (const { caseId, ...entry } of entries) logs.set(caseId, [...(logs.get(caseId) ?? []), entry]);
    return cases.map((record) => ({
      record,
      activity: (logs.get(record.id) ?? []).sort((a, b) => a.seq - b.seq),
    }));
  }

  /**
   * Records one action on a case: checks the stored chain and the action against the case, then appends the entry
   * (and applies `rowChange` to the case's row) in ONE transaction. Throws, naming the reason, when the chain is
   * broken, the case cannot take the action, or another window appended first.
   */
  async recordCaseAction(
    caseId: string,
    act: Act & CaseAction,
    rowChange: Partial<Omit<CaseRecord, 'id'>> = {},
    sha256: Sha256 = webSha256,
  ): Promise<CaseWithActivity> {
    const activity = await this.readActivity(caseId);
    const chain = await verifyChain(activity, sha256);
    if (!chain.ok)
      throw new Error(`The activity log of case ${caseId} is broken (${chain.reason}); nothing was recorded.`);
    const next = await recordAction({ case: caseFromActivity(activity), activity }, act, sha256);
    const entry = next.activity[next.activity.length - 1]!;
    await this.transaction('rw', this.cases, this.activity, async () => {
      if (await this.activity.get([caseId, entry.seq]))
        throw new Error(`Case ${caseId} changed in another window (entry ${entry.seq} exists); reopen it.`);
      await this.activity.add({ ...entry, caseId });
      if (Object.keys(rowChange).length > 0) await this.cases.update(caseId, rowChange);
    });
    return next;
  }
}

/** The issues row of a source: its first ISSUES_SHOWN rejections and warnings. */
export function issuesOf(
  sourceId: string,
  rejections: ReadonlyArray<Rejection>,
  warnings: ReadonlyArray<ImportWarning>,
): SourceIssues {
  return { sourceId, rejections: rejections.slice(0, ISSUES_SHOWN), warnings: warnings.slice(0, ISSUES_SHOWN) };
}
