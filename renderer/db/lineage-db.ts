/**
 * The renderer's store: one Dexie database class with versioned schemas (never edit a past version).
 * Sources are kept by their SHA-256; bulk evidence rows live in chunks of 1,000 (see chunks.ts);
 * cases and their notes are small tables.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { InputFile } from '../../shared/ipc/contract';
import type { EvidenceSet } from '../../shared/model/evidence-set';
import { toEvidenceSet } from '../../shared/model/evidence-set';
import type { EvidenceRecord, ImportResult, ImportWarning, Rejection, SourceInfo } from '../../shared/model/records';
import { type CaseSteps, type StepId, emptySteps } from '../steps/step-ids';
import { type RecordChunk, countByKind, toChunks } from './chunks';

/** A source as stored: the shared SourceInfo plus the repository handle `git:show` needs, for Git inputs. */
export interface StoredSource extends SourceInfo {
  readonly repository?: string;
  /** `staging` while a file's chunks are being written (never part of a case); `complete` once committed. */
  readonly status?: 'staging' | 'complete';
  /** How long the import took, from the first byte read to the commit. */
  readonly durationMs?: number;
  /** `git-log` for a repository read by the main process. */
  readonly derivedAs?: 'git-log';
}

/** The first rejections and warnings of a source (all are counted on the source), for the Sources screen. */
export interface SourceIssues {
  readonly sourceId: string;
  readonly rejections: ReadonlyArray<Rejection>;
  readonly warnings: ReadonlyArray<ImportWarning>;
}

/** How many rejections and warnings a source keeps to show (all are counted). */
export const ISSUES_SHOWN = 1000;

export interface CaseRecord {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly createdAt: string;
  /** The decision the investigation starts from (absent until evidence is imported and one is chosen). */
  readonly decisionId?: string;
  readonly featureName?: string;
  readonly sourceIds: ReadonlyArray<string>;
  readonly steps: CaseSteps;
}

export interface NoteRecord {
  readonly id: number;
  readonly caseId: string;
  readonly text: string;
  readonly createdAt: string;
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
  declare notes: EntityTable<NoteRecord, 'id'>;
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

  /** Creates a case with no completed step; returns the stored record. */
  async createCase(
    init: Omit<CaseRecord, 'steps' | 'createdAt'> & { readonly createdAt?: string },
  ): Promise<CaseRecord> {
    const record: CaseRecord = { ...init, createdAt: init.createdAt ?? new Date().toISOString(), steps: emptySteps() };
    await this.cases.add(record);
    return record;
  }

  /** Records the decision and suspect feature the user chose. */
  async setCaseFocus(caseId: string, decisionId: string, featureName: string): Promise<void> {
    await this.cases.update(caseId, { decisionId, featureName });
  }

  /** Marks a step complete (with the time) or not complete. */
  async setStepComplete(caseId: string, step: StepId, complete: boolean, now: Date = new Date()): Promise<CaseRecord> {
    return this.transaction('rw', this.cases, async () => {
      const record = await this.cases.get(caseId);
      if (!record) throw new Error(`No case ${caseId}`);
      const steps: CaseSteps = { ...record.steps, [step]: complete ? { completedAt: now.toISOString() } : {} };
      const updated: CaseRecord = { ...record, steps };
      await this.cases.put(updated);
      return updated;
    });
  }

  /** Adds a note to a case; returns it with its id. */
  async addNote(caseId: string, text: string, now: Date = new Date()): Promise<NoteRecord> {
    const createdAt = now.toISOString();
    const id = await this.notes.add({ caseId, text, createdAt });
    return { id, caseId, text, createdAt };
  }

  /** A case's notes, oldest first. */
  async listNotes(caseId: string): Promise<NoteRecord[]> {
    const notes = await this.notes.where('caseId').equals(caseId).toArray();
    return notes.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
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
