/**
 * What one import (the files picked or dropped together, all ended) gave, in a few numbers: how many files were
 * imported, already there, skipped as not evidence, failed or cancelled, and the records, warnings and rejected
 * records of those imported. The import's rows are gone with the window; this summary is kept (last-import-store.ts)
 * so that the Sources screen still says, after a reload, what the last import did.
 */
import type { ImportEnd } from './worker-protocol';
import { plural } from './format-progress';

/** A file the import did not keep, with why. */
export interface NotImported {
  readonly name: string;
  readonly status: 'skipped' | 'failed' | 'cancelled';
  readonly reason?: string;
}

export interface ImportSummary {
  /** When the last of its files ended (ISO). */
  readonly endedAt: string;
  readonly files: number;
  readonly imported: number;
  readonly alreadyImported: number;
  readonly skipped: number;
  readonly failed: number;
  readonly cancelled: number;
  /** Of the files imported (not those already there): their records, warnings and rejected records. */
  readonly records: number;
  readonly warnings: number;
  readonly rejected: number;
  /** The first NOT_IMPORTED_KEPT files not kept; the counts above count them all. */
  readonly notImported: ReadonlyArray<NotImported>;
}

/** How many files not kept a summary names (a folder of documentation may skip hundreds). */
export const NOT_IMPORTED_KEPT = 50;

/** The summary of ended imports: each file's name and how its import ended. */
export function summarizeImport(
  ended: ReadonlyArray<{ readonly name: string; readonly end: ImportEnd }>,
  endedAt: string,
): ImportSummary {
  let [imported, alreadyImported, skipped, failed, cancelled, records, warnings, rejected] = [0, 0, 0, 0, 0, 0, 0, 0];
  const notImported: NotImported[] = [];
  for (const { name, end } of ended) {
    switch (end.status) {
      case 'imported':
        imported += 1;
        records += Object.values(end.source.counts).reduce((a, b) => a + b, 0);
        warnings += end.source.warnings;
        rejected += end.source.rejected;
        break;
      case 'already-imported':
        alreadyImported += 1;
        break;
      case 'skipped':
        skipped += 1;
        if (notImported.length < NOT_IMPORTED_KEPT) notImported.push({ name, status: 'skipped', reason: end.reason });
        break;
      case 'failed':
        failed += 1;
        if (notImported.length < NOT_IMPORTED_KEPT) notImported.push({ name, status: 'failed', reason: end.reason });
        break;
      case 'cancelled':
        cancelled += 1;
        if (notImported.length < NOT_IMPORTED_KEPT) notImported.push({ name, status: 'cancelled' });
        break;
    }
  }
  return {
    endedAt,
    files: ended.length,
    imported,
    alreadyImported,
    skipped,
    failed,
    cancelled,
    records,
    warnings,
    rejected,
    notImported,
  };
}

/**
 * The summary in two sentences: "3 files: 1 imported, 1 already imported, 1 skipped (not evidence)." and
 * "Imported 26 records with 2 warnings, 3 rejected." (the second only when a file was imported).
 */
export function describeImportSummary(summary: ImportSummary): { readonly files: string; readonly records?: string } {
  const parts = [
    `${summary.imported.toLocaleString('en')} imported`,
    summary.alreadyImported > 0 && `${summary.alreadyImported.toLocaleString('en')} already imported`,
    `${summary.skipped.toLocaleString('en')} skipped (not evidence)`,
    summary.failed > 0 && `${summary.failed.toLocaleString('en')} failed`,
    summary.cancelled > 0 && `${summary.cancelled.toLocaleString('en')} cancelled`,
  ].filter((part): part is string => typeof part === 'string');
  const files = `${plural(summary.files, 'file')}: ${parts.join(', ')}.`;
  if (summary.imported === 0) return { files };
  const warned = summary.warnings > 0 ? ` with ${plural(summary.warnings, 'warning')}` : '';
  return {
    files,
    records: `Imported ${plural(summary.records, 'record')}${warned}, ${summary.rejected.toLocaleString('en')} rejected.`,
  };
}
