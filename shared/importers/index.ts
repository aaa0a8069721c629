/**
 * The importers' entry point: `importInput(file)` imports one whole input file through the streaming API
 * (streaming.ts), so a file read at once and a file streamed in chunks give identical results.
 */
import type { InputFile } from '../ipc/contract';
import type { EvidenceRecord, ImportResult } from '../model/records';
import { HEAD_SIZE, startImport, type ImportSource, type StartOptions } from './streaming';

export type { InputKind } from './detect';
export type { ImportMapping, ImportSource, ImportSummary, StartOptions, StreamingImport } from './streaming';
export { HEAD_SIZE, MAX_LISTED, startImport } from './streaming';
export { IMPORTER_VERSION } from './record-runner';

/**
 * Imports one input file: detects its kind by content (a `git-log` file by its `derivedAs`), then parses it.
 * The source id of every record is the file's SHA-256. Never throws on bad input.
 */
export function importInput(file: InputFile, options: StartOptions = {}): ImportResult {
  const source: ImportSource = {
    id: file.sha256,
    name: file.name,
    ...(file.derivedAs && { derivedAs: file.derivedAs }),
    ...(file.repository !== undefined && { repository: file.repository }),
  };
  const job = startImport(file.text.slice(0, HEAD_SIZE), source, options);
  job.push(file.text);
  const summary = job.end();
  const records: EvidenceRecord[] = job.take();
  return {
    importer: (file.derivedAs === 'git-log' && file.gitReader) || summary.importer,
    importerVersion: summary.importerVersion,
    detected: summary.detected,
    records,
    rejections: summary.rejections,
    warnings: summary.warnings,
    counts: summary.counts,
    rejectedCount: summary.rejectedCount,
    warningCount: summary.warningCount,
    ...(summary.rejectionGroups && { rejectionGroups: summary.rejectionGroups }),
    ...(summary.warningGroups && { warningGroups: summary.warningGroups }),
  };
}
