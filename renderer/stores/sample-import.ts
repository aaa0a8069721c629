/**
 * Opens the built-in sample investigation: fetches its files from main, imports those not yet stored
 * (one transaction per file), remembers each file's path on disk, and creates its case once; reopening uses the
 * stored case.
 */
import { importInput } from '../../shared/importers';
import type { InputFile, IpcApi } from '../../shared/ipc/contract';
import type { LineageDb } from '../db/lineage-db';
import { importResult } from '../db/import-result';
import { createCase } from '../db/case-log';

/** A short stable id from text (FNV-1a, 32 bit, hex): the same sample files give the same case id. */
export function stableId(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Records where each file was read (its path from main), so a case re-checks its citations against it later.
 * A source stored earlier without a path (imported in the browser) gains it; a moved sample updates it.
 */
async function rememberOrigins(db: LineageDb, files: ReadonlyArray<InputFile>): Promise<void> {
  const withPath = files.filter((f) => f.path !== undefined);
  if (withPath.length === 0) return;
  await db.transaction('rw', db.sources, async () => {
    for (const file of withPath) {
      const stored = await db.sources.get(file.sha256);
      if (stored && stored.origin?.path !== file.path)
        await db.sources.update(file.sha256, { origin: { path: file.path! } });
    }
  });
}

/** Imports the sample's files and returns the id of its case (created on first open only). */
export async function openSampleCase(
  api: IpcApi,
  db: LineageDb,
  onProgress: (message: string) => void,
  opened: { readonly owner: string; readonly actor: string } = { owner: 'unassigned', actor: 'unassigned' },
): Promise<string> {
  onProgress('Loading the sample investigation…');
  const sample = await api.invoke('sample:load', {});
  const sourceIds = sample.files.map((f) => f.sha256);
  const caseId = `sample-${stableId([...sourceIds].sort().join(','))}`;
  const stored = new Set((await db.getSources(sourceIds)).map((s) => s.id));
  const missing = sample.files.filter((f) => !stored.has(f.sha256));
  for (const [index, file] of missing.entries()) {
    onProgress(`Importing ${file.name} (${index + 1} of ${missing.length})…`);
    await nextFrame();
    await importResult(db, file, importInput(file));
  }
  await rememberOrigins(db, sample.files);
  if (!(await db.getCase(caseId))) {
    await createCase(db, {
      id: caseId,
      title: sample.title,
      description: sample.description,
      decisionId: sample.decisionId,
      featureName: sample.featureName,
      sourceIds,
      severity: 'medium',
      ...opened,
    });
  }
  return caseId;
}
