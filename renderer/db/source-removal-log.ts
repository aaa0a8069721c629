/**
 * Removing a source changes the evidence of every case that cited it, and undoing the removal changes it back: each
 * is an entry of those cases' hash-chained activity logs (`source.removed`, `source.restored`), naming the source by
 * its name, kind, SHA-256 and record count. The entries are written after the removal's (or the undo's) own
 * transaction, one case at a time: a log that cannot take its entry (its chain broken, another window appended
 * first) is named with the reason, and the removal stands.
 */
import type { Act, CitedSource } from '../../shared/case/case-actions';
import { recordCaseAction } from './case-log';
import type { LineageDb, RemovedSource, StoredSource } from './lineage-db';

/** The source as a log entry names it: what its row on the Sources screen shows. */
export function citedSource(source: StoredSource): CitedSource {
  return {
    name: source.name,
    kind: source.derivedAs === 'git-log' ? 'git repository' : source.detected,
    sha256: source.sha256,
    records: Object.values(source.counts).reduce((n, count) => n + count, 0),
  };
}

/** A case whose log did not take the entry, and why. */
export interface UnloggedCase {
  readonly caseId: string;
  readonly reason: string;
}

/**
 * Writes `action` to the log of each case `removed` was taken out of: `source.removed` where the case no longer cites
 * the source, `source.restored` where it cites the source again after the undo (a case whose row is gone is left
 * alone). Resolves with the cases that were written and those whose log refused the entry.
 */
export async function logSourceChange(
  db: LineageDb,
  removed: RemovedSource,
  action: 'source.removed' | 'source.restored',
  act: Act,
): Promise<{ readonly logged: ReadonlyArray<string>; readonly unlogged: ReadonlyArray<UnloggedCase> }> {
  const payload = citedSource(removed.source);
  const logged: string[] = [];
  const unlogged: UnloggedCase[] = [];
  for (const { caseId } of removed.places) {
    const record = await db.cases.get(caseId);
    if (!record) continue;
    const cites = record.sourceIds.includes(removed.id);
    if (action === 'source.removed' && cites) continue;
    if (action === 'source.restored' && !cites) continue;
    try {
      await recordCaseAction(db, caseId, { ...act, action, payload });
      logged.push(caseId);
    } catch (error) {
      unlogged.push({ caseId, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { logged, unlogged };
}
