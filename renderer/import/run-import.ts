/**
 * One file's import as the worker runs it: hash (streamed), stage the source, stream the text through the
 * importer, write chunk rows as they fill, and commit in one final transaction — or, on cancel or error,
 * delete what was staged. Progress is reported at most every PROGRESS_INTERVAL_MS.
 */
import type { ImportMapping } from '../../shared/importers/mapping';
import { HEAD_SIZE, startImport } from '../../shared/importers/streaming';
import type { LineageDb, StoredSource } from '../db/lineage-db';
import { addToCase, beginStaging, commitStaged, discardStaged } from '../db/staged-import';
import { ChunkBuffer } from './chunk-buffer';
import { WritePipeline } from './write-pipeline';
import { decodeFile, hashFile, pieces, readHead, type TextPiece } from './read-input';
import type { ImportEnd, ImportPhase, ImportProgress, TextInput } from './worker-protocol';

export const PROGRESS_INTERVAL_MS = 100;
/** Full chunks written per transaction. */
const CHUNKS_PER_WRITE = 8;

export type ImportInputSource = { readonly file: Blob; readonly name: string } | { readonly text: TextInput };

export interface RunOptions {
  readonly caseId?: string;
  /** The column mapping to read the file through (saved on the source). */
  readonly mapping?: ImportMapping;
  readonly cancelled: () => boolean;
  readonly onProgress: (progress: ImportProgress) => void;
  readonly now?: () => number;
}

/** Imports one input into `db`; never throws (a failure is an `ImportEnd`). */
export async function runImport(db: LineageDb, input: ImportInputSource, options: RunOptions): Promise<ImportEnd> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const totalBytes = 'file' in input ? input.file.size : input.text.size;
  const name = 'file' in input ? input.name : input.text.name;
  let lastReport = -Infinity;
  let lastPhase: ImportPhase | undefined;
  let phaseStart = started;
  const report = (phase: ImportPhase, bytes: number, records: number, force = false) => {
    const t = now();
    if (!force && phase === lastPhase && t - lastReport < PROGRESS_INTERVAL_MS) return;
    lastReport = t;
    lastPhase = phase;
    const seconds = (t - phaseStart) / 1000;
    options.onProgress({ phase, bytes, totalBytes, records, bytesPerSecond: seconds > 0 ? bytes / seconds : 0 });
  };

  let sourceId: string | undefined;
  let writes: WritePipeline | undefined;
  try {
    const sha256 =
      'file' in input
        ? await hashFile(input.file, (bytes) => report('hashing', bytes, 0), options.cancelled)
        : input.text.sha256;
    if (sha256 === undefined || options.cancelled()) return { status: 'cancelled' };
    const derived = 'text' in input ? input.text : undefined;
    const staging: StoredSource = {
      id: sha256,
      name,
      sha256,
      size: totalBytes,
      detected: 'unknown',
      importer: '',
      importerVersion: '',
      importedAt: new Date().toISOString(),
      counts: {},
      rejected: 0,
      warnings: 0,
      ...(derived?.derivedAs ? { derivedAs: derived.derivedAs } : {}),
      ...(derived?.repository ? { repository: derived.repository } : {}),
      ...(options.mapping ? { mapping: options.mapping } : {}),
    };
    const stage = await beginStaging(db, staging);
    if (!stage.staged) {
      if (options.caseId) await addToCase(db, options.caseId, sha256);
      return { status: 'already-imported', source: stage.existing };
    }
    sourceId = sha256;

    phaseStart = now();
    const stream: AsyncIterator<TextPiece> = 'file' in input ? decodeFile(input.file) : pieces(input.text.text);
    const { head, read } = await readHead(stream, HEAD_SIZE);
    const importer = startImport(
      head,
      {
        id: sha256,
        name,
        ...(derived?.derivedAs ? { derivedAs: derived.derivedAs } : {}),
        ...(derived?.repository ? { repository: derived.repository } : {}),
      },
      options.mapping ? { mapping: options.mapping } : {},
    );
    const buffer = new ChunkBuffer(sha256);
    const pipeline = new WritePipeline(db);
    writes = pipeline;
    let bytes = 0;
    const consume = async (piece: TextPiece) => {
      importer.push(piece.text);
      buffer.add(importer.take());
      bytes = piece.bytes;
      if (buffer.readyCount >= CHUNKS_PER_WRITE) await pipeline.put(buffer.drain());
      report('importing', bytes, buffer.total);
    };
    for (const piece of read) await consume(piece);
    for (let next = await stream.next(); !next.done; next = await stream.next()) {
      if (options.cancelled()) break;
      await consume(next.value);
    }
    if (options.cancelled()) {
      await stream.return?.(undefined);
      await pipeline.settle();
      await discardStaged(db, sha256);
      return { status: 'cancelled' };
    }
    const summary = importer.end();
    buffer.add(importer.take());
    await pipeline.put(buffer.drain(true));
    await pipeline.flush();
    report('committing', bytes, buffer.total, true);
    const source = await commitStaged(
      db,
      sha256,
      {
        counts: { ...summary.counts, ...buffer.counts() },
        rejections: summary.rejections,
        rejected: summary.rejectedCount,
        warnings: summary.warnings,
        warningCount: summary.warningCount,
        importer: derived?.gitReader ?? summary.importer,
        importerVersion: summary.importerVersion,
        detected: summary.detected,
        importedAt: new Date().toISOString(),
        durationMs: Math.round(now() - started),
      },
      options.caseId,
    );
    return { status: 'imported', source };
  } catch (error) {
    await writes?.settle();
    if (sourceId) await discardStaged(db, sourceId).catch(() => undefined);
    return { status: 'failed', reason: `${name}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
