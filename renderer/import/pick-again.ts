/**
 * Opening the column mapping of a source in a later session. The store keeps a source's records, not its file's
 * bytes, so the user picks the same file again; it is accepted only when its SHA-256 is the source's (the source
 * is its file's hash), and its first rows are the dialog's preview.
 */
import { previewTable, type TablePreview } from '../../shared/importers/csv-format';
import type { StoredSource } from '../db/lineage-db';
import { hashFile } from './read-input';

/** How much of the file the preview reads (its headers and first rows). */
const PREVIEW_BYTES = 65536;

export type PickedAgain =
  { readonly ok: true; readonly preview: TablePreview } | { readonly ok: false; readonly reason: string };

/** The preview of a table (CSV, or flat JSON lines) from its first bytes, or undefined when it is not one. */
export async function tablePreviewOf(file: Blob): Promise<TablePreview | undefined> {
  return previewTable(await file.slice(0, PREVIEW_BYTES).text());
}

/** Checks that `file` is the file `source` was imported from, and previews its table for the mapping dialog. */
export async function checkPickedAgain(source: StoredSource, file: File): Promise<PickedAgain> {
  const sha256 = await hashFile(
    file,
    () => undefined,
    () => false,
  );
  if (sha256 !== source.sha256)
    return {
      ok: false,
      reason:
        `${file.name} is not the file ${source.name} was imported from: its SHA-256 is ${sha256?.slice(0, 12)}…, ` +
        `the source's is ${source.sha256.slice(0, 12)}…: pick the same file (the same bytes) again.`,
    };
  const preview = await tablePreviewOf(file);
  if (!preview || preview.headers.length === 0)
    return { ok: false, reason: `${file.name}: no table (CSV or JSON lines) whose columns could be mapped.` };
  return { ok: true, preview };
}
