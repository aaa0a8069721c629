/**
 * Imports that did not complete: a `staging` row whose holder is no longer running (its window was closed, crashed
 * or killed) or that failed. Never evidence — a case lists only complete sources — and shown on its case with what it
 * had read until it is retried or discarded. A row whose holder still runs, in this window or another, is left alone.
 */
import type { LineageDb, StoredSource } from './lineage-db';

/** Without Web Locks (running tokens unknown), a staging row whose progress is older than this is taken as stale. */
export const STALE_AFTER_MS = 60_000;

export interface InterruptedImport {
  readonly sourceId: string;
  readonly name: string;
  readonly size: number;
  readonly caseId?: string;
  readonly startedAt: string;
  /** When it last saved its progress: about when it stopped. */
  readonly updatedAt: string;
  readonly bytes: number;
  readonly records: number;
  /** Why it stopped, when it failed; absent when the app or its window ended mid-way. */
  readonly failure?: string;
  /** The repository whose history it was reading (retried by reading it again), for a Git history. */
  readonly repository?: string;
}

function interrupted(row: StoredSource): InterruptedImport {
  const staged = row.staged;
  return {
    sourceId: row.id,
    name: row.name,
    size: row.size,
    ...(staged?.caseId ? { caseId: staged.caseId } : {}),
    startedAt: staged?.startedAt ?? row.importedAt,
    updatedAt: staged?.updatedAt ?? row.importedAt,
    bytes: staged?.bytes ?? 0,
    records: staged?.records ?? 0,
    ...(staged?.failure ? { failure: staged.failure } : {}),
    ...(row.repository ? { repository: row.repository } : {}),
  };
}

/**
 * The interrupted imports into `caseId` (or every one when `caseId` is undefined), oldest first. `running` gives
 * the lock tokens of the imports running now in any window (import-lock.ts); undefined where that cannot be known,
 * when rows whose progress is older than STALE_AFTER_MS count as interrupted. It is asked after the rows are read,
 * and the rows it leaves are read again: an import that starts or ends meanwhile is not taken for an interrupted one.
 */
export async function listInterruptedImports(
  db: LineageDb,
  running: () => Promise<ReadonlySet<string> | undefined>,
  caseId?: string,
  nowMs: number = Date.now(),
): Promise<InterruptedImport[]> {
  const staging = async () =>
    (await db.sources.where('status').equals('staging').toArray()).filter(
      (row) => caseId === undefined || row.staged?.caseId === caseId,
    );
  const rows = await staging();
  if (rows.length === 0) return [];
  const tokens = await running();
  const stopped = (row: StoredSource) => {
    const staged = row.staged;
    if (!staged || staged.failure) return true;
    return tokens ? !tokens.has(staged.holder) : nowMs - Date.parse(staged.updatedAt) > STALE_AFTER_MS;
  };
  const candidates = new Map(rows.filter(stopped).map((row) => [row.id, row.staged?.holder]));
  return (await staging())
    .filter((row) => candidates.has(row.id) && candidates.get(row.id) === row.staged?.holder)
    .map(interrupted)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}
