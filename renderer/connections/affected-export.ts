/**
 * The affected decisions, and their subjects, of a case read in place, exported as CSV: the main process writes each
 * file a chunk at a time (`connections:affectedCsv`, `connections:affectedSubjectsCsv`, the imported case's columns),
 * and each chunk is kept as a Blob as it arrives, so the renderer never holds the decisions or the subjects, only the
 * file's parts, joined into one Blob to save.
 */
import type { AffectedSelection } from '../../shared/warehouse/affected-selection';
import { getApi } from '../api';

export interface AffectedCsvRequest {
  readonly connectionId: string;
  readonly selection: AffectedSelection;
  readonly featureName: string;
  /** Called after each chunk with how many decisions (or subjects) were written so far. */
  readonly onProgress?: (written: number) => void;
  /** Stops before the next chunk is asked for (the export then rejects with an AbortError). */
  readonly signal?: AbortSignal;
}

interface CsvChunk {
  readonly csv: string;
  readonly rows: number;
  readonly done: boolean;
}

/** The chunks `ask` gives from each offset until one says it was the last, as one Blob; its rows counted. */
async function chunkedCsv(
  ask: (offset: number) => Promise<CsvChunk>,
  r: Pick<AffectedCsvRequest, 'onProgress' | 'signal'>,
): Promise<{ blob: Blob; rows: number }> {
  const parts: Blob[] = [];
  let offset = 0;
  for (;;) {
    r.signal?.throwIfAborted();
    const chunk = await ask(offset);
    if (chunk.csv) parts.push(new Blob([chunk.csv]));
    offset += chunk.rows;
    r.onProgress?.(offset);
    if (chunk.done) break;
  }
  return { blob: new Blob(parts, { type: 'text/csv;charset=utf-8' }), rows: offset };
}

/** The whole CSV, asked for chunk by chunk until the main process says it was the last; its decisions counted. */
export async function connectionAffectedCsv(r: AffectedCsvRequest): Promise<{ blob: Blob; decisions: number }> {
  const { blob, rows } = await chunkedCsv(
    (offset) =>
      getApi().invoke('connections:affectedCsv', {
        id: r.connectionId,
        selection: r.selection,
        featureName: r.featureName,
        offset,
      }),
    r,
  );
  return { blob, decisions: rows };
}

/** The affected subjects' CSV, chunk by chunk as the decisions' is; its subjects counted. */
export async function connectionAffectedSubjectsCsv(
  r: Omit<AffectedCsvRequest, 'featureName'>,
): Promise<{ blob: Blob; subjects: number }> {
  const { blob, rows } = await chunkedCsv(
    (offset) =>
      getApi().invoke('connections:affectedSubjectsCsv', { id: r.connectionId, selection: r.selection, offset }),
    r,
  );
  return { blob, subjects: rows };
}
