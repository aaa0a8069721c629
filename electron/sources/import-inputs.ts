/**
 * Imports every listed input through the streaming importers: a file is hashed, then decoded chunk by chunk
 * (UTF-8, or UTF-16 after its byte order mark; invalid UTF-8 is warned of by the importer, with its lines) and pushed; a Git repository's `git log` is streamed
 * from git. Records are handed to `onRecords` in batches, never gathered here. Inputs are identified by their
 * SHA-256, as the app's store identifies sources: an input with the bytes of one read before (a copy, a bundle
 * given twice) is not read again but listed in `duplicates`, with the same files listing-inputs.ts found.
 */
import { encodingWarnings } from '../../shared/importers/encoding-warning.js';
import { SNIFF_BYTES } from '../../shared/importers/text-encoding.js';
import type { ImportMapping } from '../../shared/importers/mapping.js';
import {
  HEAD_SIZE,
  startImport,
  withWarnings,
  type ImportSource,
  type ImportSummary,
  type StartOptions,
  type StreamingImport,
} from '../../shared/importers/streaming.js';
import type { EvidenceRecord, ImportWarning } from '../../shared/model/records.js';
import type { GitRunner } from '../services/git-runner.js';
import { decodeFile, hashFile, type OnBytes, type ReadProgress } from './decode-stream.js';
import { streamGitHistory } from './git-log-stream.js';
import { listInputs, type DuplicateInput, type ListedInput, type ReadProblem } from './list-inputs.js';
import { firstBytes, isParquet } from './file-head.js';
import { parquetIdentityGraph } from './parquet-rows.js';
import { dbtSeedsOfListed, type ListedFile } from './dbt-project-seeds.js';

/** One imported input: what it was, who read it, its hash and size, and the importer's summary. */
export interface ImportedInput {
  /** The input's place in the listing (the `inputIndex` its records were handed over with). */
  readonly index: number;
  readonly path: string;
  readonly name: string;
  /**
   * `file`, `git` (a repository's history; `summary.importer` says which reader: git-cli or isomorphic-git), or
   * `parquet` (an identity graph in Parquet, read through DuckDB: parquet-rows.ts).
   */
  readonly reader: 'file' | 'git' | 'parquet';
  readonly sha256: string;
  readonly size: number;
  readonly summary: ImportSummary;
  /** For Git: the repository handle (its name) and local folder, for diffs on demand. */
  readonly repository?: { readonly handle: string; readonly folder: string };
}

export interface ImportInputsOptions {
  readonly git: GitRunner;
  readonly cacheDir: string;
  readonly gitPath?: string;
  readonly start?: StartOptions;
  /**
   * A saved column mapping for the inputs not recognized by their content: a file whose import says it needs one
   * (a CSV, JSON records of other fields: the files the app's mapping dialog opens for) is read again through it.
   * Other inputs are read as always.
   */
  readonly mapping?: ImportMapping;
  /** Receives the records of each input in batches, in file order. */
  readonly onRecords?: (records: EvidenceRecord[], inputIndex: number) => void;
  /** Told the bytes read of each file, in its two passes (its SHA-256, then its text); not of Git histories. */
  readonly onProgress?: (progress: ReadProgress) => void;
}

export interface ImportedInputs {
  readonly imported: ReadonlyArray<ImportedInput>;
  readonly problems: ReadonlyArray<ReadProblem>;
  /** Inputs not read because they are the same file, or the same bytes, as one that was. */
  readonly duplicates: ReadonlyArray<DuplicateInput>;
}

/** Imports every path; never throws for one bad path (it is listed in `problems`). */
export async function importInputs(
  paths: ReadonlyArray<string>,
  options: ImportInputsOptions,
): Promise<ImportedInputs> {
  const listed = await listInputs(paths, options);
  const seedOf = await dbtSeedsOfListed(listed.inputs);
  const imported: ImportedInput[] = [];
  const problems = [...listed.problems];
  const copies: DuplicateInput[] = [];
  /** SHA-256 → the path of the input first read with it. */
  const read = new Map<string, string>();
  for (const [index, input] of listed.inputs.entries()) {
    try {
      const hash =
        input.type === 'git' ? input : await hashFile(input.path, progressOf(input.path, 'hashing', options));
      const shown = input.type === 'git' ? input.given : input.path;
      const first = read.get(hash.sha256);
      if (first !== undefined) {
        copies.push({ path: shown, duplicateOf: first, reason: `the same bytes, SHA-256 ${hash.sha256}` });
        continue;
      }
      read.set(hash.sha256, shown);
      imported.push(await importOne(input, index, options, hash, seedOf));
    } catch (error) {
      problems.push({ path: input.path, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { imported, problems, duplicates: [...listed.duplicates, ...copies] };
}

async function importOne(
  input: ListedInput,
  index: number,
  options: ImportInputsOptions,
  hash: { readonly sha256: string; readonly size: number },
  seedOf: (file: ListedFile) => string | undefined = () => undefined,
): Promise<ImportedInput> {
  const drain = (job: { take(): EvidenceRecord[] }) => {
    const records = job.take();
    if (records.length > 0) options.onRecords?.(records, index);
  };
  if (input.type === 'git') {
    const source = { id: input.sha256, name: input.name, derivedAs: 'git-log' as const, repository: input.name };
    const job = startImport('', source);
    const read = await streamGitHistory(
      input.path,
      (text) => {
        job.push(text);
        drain(job);
      },
      options.gitPath,
    );
    const summary = job.end();
    drain(job);
    const shallow: ImportWarning[] = input.shallow
      ? [{ sourceName: input.name, message: 'shallow clone: commits before the shallow boundary are missing' }]
      : [];
    return {
      index,
      path: input.given,
      name: input.name,
      reader: 'git',
      sha256: input.sha256,
      size: input.size,
      summary: withWarnings({ ...summary, importer: read.reader }, shallow),
      repository: { handle: input.name, folder: input.path },
    };
  }
  const { sha256, size } = hash;
  const project = seedOf(input);
  const source = { id: sha256, name: input.name, ...(project !== undefined && { dbtSeedOf: project }) };
  const job = headedImport(source, options.start, drain);
  const first = await firstBytes(input.path, SNIFF_BYTES);
  const rows = isParquet(first) ? await parquetIdentityGraph(input.path) : undefined;
  if (rows) {
    for await (const text of rows) job.push(text);
    return { index, path: input.path, name: input.name, reader: 'parquet', sha256, size, summary: job.end() };
  }
  await decodeFile(input.path, (text) => job.push(text), progressOf(input.path, 'reading', options));
  const ended = job.end();
  const summary = ended.skipped === undefined ? withWarnings(ended, encodingWarnings(input.name, first)) : ended;
  if (options.mapping && !options.start?.mapping && summary.needsMapping)
    return importOne(input, index, { ...options, start: { ...options.start, mapping: options.mapping } }, hash, seedOf);
  return { index, path: input.path, name: input.name, reader: 'file', sha256, size, summary };
}

/** An import pushed text in pieces of any size: its kind is told by the first HEAD_SIZE characters. */
function headedImport(
  source: ImportSource,
  start: StartOptions | undefined,
  drain: (job: StreamingImport) => void,
): { push(text: string): void; end(): ImportSummary } {
  let job: StreamingImport | undefined;
  let head = '';
  return {
    push(text) {
      if (!job) {
        head += text;
        if (head.length < HEAD_SIZE) return;
        job = startImport(head.slice(0, HEAD_SIZE), source, start);
        job.push(head);
      } else job.push(text);
      drain(job);
    },
    end() {
      job ??= startImport(head, source, start);
      if (head.length < HEAD_SIZE) job.push(head);
      const summary = job.end();
      drain(job);
      return summary;
    },
  };
}

/** The listener of one pass over a file, telling `options.onProgress` (none without it). */
function progressOf(path: string, pass: ReadProgress['pass'], options: ImportInputsOptions): OnBytes | undefined {
  const { onProgress } = options;
  return onProgress && ((bytes, totalBytes) => onProgress({ path, pass, bytes, totalBytes }));
}
