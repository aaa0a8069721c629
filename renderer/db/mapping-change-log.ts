/**
 * A changed column mapping is an entry (`mapping.changed`) in the log of every case that reads the source through it.
 * A source is one row shared by the cases that cite it, and a saved connection one connection for the cases opened
 * on it: the mapping screen (Sources of a case, All sources, the connections panel) changes what each of them reads,
 * wherever it was opened from, so each of their logs records it — as a removed source is (source-removal-log.ts).
 * The entries are written after the change itself, one case at a time: a log that cannot take its entry is named
 * with the reason, and the change stands.
 */
import type { Act } from '../../shared/case/case-actions';
import type { CaseConnection } from '../../shared/case/case-types';
import type { ImportMapping } from '../../shared/importers/mapping';
import { mappingChanges } from '../../shared/importers/mapping-changes';
import { recordCaseAction } from './case-log';
import type { CaseRecord, LineageDb, StoredSource } from './lineage-db';
import { citedSource, type UnloggedCase } from './source-removal-log';

/** What was re-mapped: an imported source (its row after the re-import), or a saved connection by its id. */
export type Remapped =
  { readonly source: StoredSource } | { readonly connection: CaseConnection & { readonly id: string } };

const reads = (row: CaseRecord, remapped: Remapped) =>
  'source' in remapped ? row.sourceIds.includes(remapped.source.id) : row.connection?.id === remapped.connection.id;

/**
 * Writes `mapping.changed` (`before` → `after`) to the log of each case that reads `remapped`; nothing when the
 * mapping is the same. Resolves with the cases written and those whose log refused the entry.
 */
export async function logMappingChange(
  db: LineageDb,
  remapped: Remapped,
  before: ImportMapping | undefined,
  after: ImportMapping | undefined,
  act: Act,
): Promise<{ readonly logged: ReadonlyArray<string>; readonly unlogged: ReadonlyArray<UnloggedCase> }> {
  const logged: string[] = [];
  const unlogged: UnloggedCase[] = [];
  if (mappingChanges(before, after).length === 0) return { logged, unlogged };
  const named =
    'source' in remapped
      ? { source: citedSource(remapped.source) }
      : { connection: { name: remapped.connection.name, location: remapped.connection.location } };
  const payload = { ...named, ...(before && { before }), ...(after && { after }) };
  const cases = (await db.cases.toArray()).filter((row) => reads(row, remapped));
  for (const { id } of cases) {
    try {
      await recordCaseAction(db, id, { ...act, action: 'mapping.changed', payload });
      logged.push(id);
    } catch (error) {
      unlogged.push({ caseId: id, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { logged, unlogged };
}
