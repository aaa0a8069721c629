/**
 * The headless path every CLI command shares: stream every input through the importers and gather the records
 * into one evidence set, keeping each input's summary for reporting. Files that are not evidence (documentation,
 * JSON Schemas, … — see shared/importers/describe-input.ts) are not loaded: they are listed as skipped, with why.
 */
import type { ImportMapping } from '../../shared/importers/mapping.js';
import type { InputFile } from '../../shared/ipc/contract.js';
import { toEvidenceSet, type EvidenceSet } from '../../shared/model/evidence-set.js';
import type { EvidenceRecord, ImportResult } from '../../shared/model/records.js';
import type { RepeatedRecord } from '../../shared/model/repeated-records.js';
import type { GitRunner } from '../services/git-runner.js';
import type { ReadProgress } from './decode-stream.js';
import { importInputs, type ImportedInput } from './import-inputs.js';
import type { DuplicateInput, ReadProblem } from './list-inputs.js';

export interface LoadedFile {
  /** The input as read (its text is not kept: inputs are streamed). */
  readonly file: Omit<InputFile, 'text'> & { readonly path: string; readonly reader: ImportedInput['reader'] };
  readonly result: ImportResult;
}

/** A file read but not evidence: nothing of it was lost. */
export interface SkippedFile {
  readonly path: string;
  readonly name: string;
  readonly sha256: string;
  /** Why it is not evidence, e.g. "a JSON Schema of a format, not data". */
  readonly reason: string;
}

export interface LoadedEvidence {
  /** The inputs that are evidence (imported, possibly with rejections); skipped files are not among them. */
  readonly loaded: ReadonlyArray<LoadedFile>;
  readonly skipped: ReadonlyArray<SkippedFile>;
  readonly problems: ReadonlyArray<ReadProblem>;
  /** Inputs read once though given again (the same file, a link to it, a copy of its bytes). */
  readonly duplicates: ReadonlyArray<DuplicateInput>;
  /** Records read again in other files or lines (the same decision, the same entry): counted once. */
  readonly repeats: ReadonlyArray<RepeatedRecord>;
  readonly set: EvidenceSet;
  /** Source id (SHA-256) → file name, to cite evidence. */
  readonly sourceNames: Readonly<Record<string, string>>;
  readonly repositories: ReadonlyMap<string, string>;
}

/**
 * Reads and imports every path (files, folders, Git repositories, bundles) into one evidence set; inputs not
 * recognized by their content (a CSV, JSON lines of other field names) through `mapping` when one is given.
 */
export async function loadEvidence(
  paths: ReadonlyArray<string>,
  options: {
    readonly git: GitRunner;
    readonly cacheDir: string;
    readonly gitPath?: string;
    readonly mapping?: ImportMapping;
    /** Told the bytes read of each file (import-inputs.ts). */
    readonly onProgress?: (progress: ReadProgress) => void;
  },
): Promise<LoadedEvidence> {
  const byInput = new Map<number, EvidenceRecord[]>();
  const { imported, problems, duplicates } = await importInputs(paths, {
    ...options,
    onRecords: (records, index) => {
      const list = byInput.get(index) ?? [];
      for (const r of records) list.push(r);
      byInput.set(index, list);
    },
  });
  const skipped = imported.flatMap((input) =>
    input.summary.skipped === undefined
      ? []
      : [{ path: input.path, name: input.name, sha256: input.sha256, reason: input.summary.skipped }],
  );
  const loaded: LoadedFile[] = imported
    .filter((input) => input.summary.skipped === undefined)
    .map((input) => ({
      file: {
        path: input.path,
        name: input.name,
        sha256: input.sha256,
        size: input.size,
        reader: input.reader,
        ...(input.reader === 'git' && { derivedAs: 'git-log' as const, repository: input.name }),
      },
      result: {
        importer: input.summary.importer,
        importerVersion: input.summary.importerVersion,
        detected: input.summary.detected,
        records: byInput.get(input.index) ?? [],
        rejections: input.summary.rejections,
        warnings: input.summary.warnings,
        counts: input.summary.counts,
        rejectedCount: input.summary.rejectedCount,
        warningCount: input.summary.warningCount,
        ...(input.summary.rejectionGroups && { rejectionGroups: input.summary.rejectionGroups }),
        ...(input.summary.warningGroups && { warningGroups: input.summary.warningGroups }),
      },
    }));
  const repeats: RepeatedRecord[] = [];
  const set = toEvidenceSet(
    loaded.flatMap((l) => l.result.records),
    (r) => repeats.push(r),
  );
  const sourceNames = Object.fromEntries(loaded.map((l) => [l.file.sha256, l.file.name]));
  const repositories = new Map(
    imported.flatMap((i) => (i.repository ? [[i.repository.handle, i.repository.folder]] : [])),
  );
  return { loaded, skipped, problems, duplicates, repeats, set, sourceNames, repositories };
}
