/**
 * The headless path every CLI command shares: read the paths, import every file, and gather the records into
 * one evidence set, keeping each file's import result for reporting.
 */
import { importInput } from '../../shared/importers/index.js';
import type { InputFile } from '../../shared/ipc/contract.js';
import { toEvidenceSet, type EvidenceSet } from '../../shared/model/evidence-set.js';
import type { ImportResult } from '../../shared/model/records.js';
import type { GitRunner } from '../services/git-runner.js';
import { readInputs, type ReadProblem } from './read-inputs.js';

export interface LoadedFile {
  readonly file: InputFile & { readonly path: string };
  readonly result: ImportResult;
}

export interface LoadedEvidence {
  readonly loaded: ReadonlyArray<LoadedFile>;
  readonly problems: ReadonlyArray<ReadProblem>;
  readonly set: EvidenceSet;
  /** Source id (SHA-256) → file name, to cite evidence. */
  readonly sourceNames: Readonly<Record<string, string>>;
  readonly repositories: ReadonlyMap<string, string>;
}

/** Reads and imports every path (files, folders, Git repositories, bundles) into one evidence set. */
export async function loadEvidence(
  paths: ReadonlyArray<string>,
  options: { readonly git: GitRunner; readonly cacheDir: string },
): Promise<LoadedEvidence> {
  const { files, problems, repositories } = await readInputs(paths, options);
  const loaded = files.map((file) => ({ file, result: importInput(file) }));
  const set = toEvidenceSet(loaded.flatMap((l) => l.result.records));
  const sourceNames = Object.fromEntries(loaded.map((l) => [l.file.sha256, l.file.name]));
  return { loaded, problems, set, sourceNames, repositories };
}
