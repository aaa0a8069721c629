/**
 * The affected decisions of a case read in place, exported as CSV: the main process writes it a chunk at a time
 * (`connections:affectedCsv`, the imported case's columns), and each chunk is kept as a Blob as it arrives, so the
 * renderer never holds the decisions, only the file's parts, joined into one Blob to save.
 */
import type { AffectedSelection } from '../../shared/warehouse/affected-selection';
import { getApi } from '../api';

export interface AffectedCsvRequest {
  readonly connectionId: string;
  readonly selection: AffectedSelection;
  readonly featureName: string;
  /** Called after each chunk with how many decisions were written so far. */
  readonly onProgress?: (written: number) => void;
  /** Stops before the next chunk is asked for (the export then rejects with an AbortError). */
  readonly signal?: AbortSignal;
}

/** The whole CSV, asked for chunk by chunk until the main process says it was the last; its decisions counted. */
export async function connectionAffectedCsv(r: AffectedCsvRequest): Promise<{ blob: Blob; decisions: number }> {
  const parts: Blob[] = [];
  let offset = 0;
  for (;;) {
    r.signal?.throwIfAborted();
    const chunk = await getApi().invoke('connections:affectedCsv', {
      id: r.connectionId,
      selection: r.selection,
      featureName: r.featureName,
      offset,
    });
    if (chunk.csv) parts.push(new Blob([chunk.csv]));
    offset += chunk.rows;
    r.onProgress?.(offset);
    if (chunk.done) break;
  }
  return { blob: new Blob(parts, { type: 'text/csv;charset=utf-8' }), decisions: offset };
}
