/**
 * The renderer's store: one Dexie database class with versioned schemas (never edit a past version).
 * Sources are kept by their SHA-256; bulk evidence rows live in chunks of 1,000 (see chunks.ts);
 * cases and their notes are small tables.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { InputFile } from '../../shared/ipc/contract';
import type { EvidenceSet } from '../../shared/model/evidence-set';
import { toEvidenceSet } from '../../shared/model/evidence-set';
import type { EvidenceRecord, ImportResult, SourceInfo } from '../../shared/model/records';
import { type CaseSteps, type StepId, emptySteps } from '../steps/step-ids';
import { type RecordChunk, countByKind, toChunks } from './chunks';

/** A source as stored: the shared SourceInfo plus the repository handle `git:show` needs, for Git inputs. */
export interface StoredSource extends SourceInfo {
  readonly repository?: string;
}

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

  constructor(name = 'lineage-investigator') {
    super(name);
    this.version(1).stores({
      sources: 'id, name, detected',
      recordChunks: '[sourceId+kind+seq], sourceId',
      cases: 'id, createdAt',
      notes: '++id, caseId',
    });
  }

  /**
   * Stores one imported file in ONE transaction: its source row and its record chunks.
   * Idempotent: a file whose SHA-256 is already stored changes nothing.
   */
  async importResult(file: InputFile, result: ImportResult, now: Date = new Date()): Promise<ImportOutcome> {
    return this.transaction('rw', this.sources, this.recordChunks, async () => {
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
        ...(file.repository ? { repository: file.repository } : {}),
      };
      await this.recordChunks.bulkPut(toChunks(source.id, result.records));
      await this.sources.add(source);
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
