/**
 * One file's import as the worker runs it: stage the source, stream the text through the importer, write chunk
 * rows as they fill, and commit in one final transaction — or, on cancel or error, delete what was staged.
 * A source's id is its file's SHA-256. A large file is not hashed in a pass before parsing: its chunks are staged
 * under a provisional id (a random 64-hex token) while its bytes, once decoded, go to a hasher (in the import
 * worker: a second worker, on the other core); at the end the source becomes its SHA-256 — or, when that file was
 * already imported, the staged rows are deleted and nothing changes. A file that is not evidence (the importer's
 * `skipped` reason: documentation, a JSON Schema, …) is not committed: its staged source is discarded and the end
 * says why it was skipped. Progress is reported at most every PROGRESS_INTERVAL_MS, and saved on the staging row
 * every STAGED_PROGRESS_INTERVAL_MS, so an import the app's end interrupts is named with what it had read; a failed
 * one keeps its row (without its records) with the reason.
 */
import type { ImportMapping } from '../../shared/importers/mapping';
import { encodingWarnings } from '../../shared/importers/encoding-warning';
import { HEAD_SIZE, startImport, withWarnings } from '../../shared/importers/streaming';
import { SNIFF_BYTES } from '../../shared/importers/text-encoding';
import type { LineageDb, StoredSource } from '../db/lineage-db';
import {
  addToCase,
  beginStaging,
  commitProvisional,
  commitStaged,
  discardStaged,
  failStaged,
  saveStagedProgress,
} from '../db/staged-import';
import { ChunkBuffer } from './chunk-buffer';
import { type FileHasher, inThreadHasher } from './file-hasher';
import { ImportTimings } from './import-timings';
import { decodeFile, hashFile, pieces, readHead, type TextPiece } from './read-input';
import { bytesAtSlice, textSlices } from './text-slices';
import { WritePipeline } from './write-pipeline';
import type { ImportEnd, ImportPhase, ImportProgress, TextInput } from './worker-protocol';

export const PROGRESS_INTERVAL_MS = 100;
/** How often a running import saves its progress on its staging row. */
export const STAGED_PROGRESS_INTERVAL_MS = 1000;
/**
 * Full chunks written per transaction. Starting a write clones its rows in this thread, synchronously: 8 chunks of
 * OpenLineage events took 1.5 s in Chromium, with no progress meanwhile; 2 take under half a second.
 */
const CHUNKS_PER_WRITE = 2;
/** Files from this size are staged under a provisional id and hashed alongside; smaller ones are hashed first. */
export const PROVISIONAL_FROM = 8 << 20;

/** A file (with, for a CSV in a dbt project's seed folders, that project's `dbt_project.yml`: dbt-seeds.ts), or text. */
export type ImportInputSource =
  { readonly file: Blob; readonly name: string; readonly dbtSeedOf?: string } | { readonly text: TextInput };

export interface RunOptions {
  readonly caseId?: string;
  /** The column mapping to read the file through (saved on the source). */
  readonly mapping?: ImportMapping;
  readonly cancelled: () => boolean;
  readonly onProgress: (progress: ImportProgress) => void;
  readonly now?: () => number;
  /** The hasher of a file staged under a provisional id (default: in this thread). */
  readonly hasher?: () => FileHasher;
  /** From which size a file is staged under a provisional id (default PROVISIONAL_FROM). */
  readonly provisionalFrom?: number;
  /** Bytes read and decoded at a time. */
  readonly pieceSize?: number;
  /** Collects the time of each phase. */
  readonly timings?: ImportTimings;
  /** The token of the import lock this import holds (import-lock.ts), saved on its staging row. */
  readonly holder?: string;
}

/** A random 64-hex token: the provisional id of a source whose SHA-256 is not known yet. */
function provisionalId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Imports one input into `db`; never throws (a failure is an `ImportEnd`). */
export async function runImport(db: LineageDb, input: ImportInputSource, options: RunOptions): Promise<ImportEnd> {
  const now = options.now ?? (() => performance.now());
  const timings = options.timings ?? new ImportTimings(now);
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

  let stagedId: string | undefined;
  let hasher: FileHasher | undefined;
  let writes: WritePipeline | undefined;
  const discard = async (failure?: string) => {
    hasher?.dispose();
    await writes?.settle();
    if (!stagedId) return;
    const done = failure === undefined ? discardStaged(db, stagedId) : failStaged(db, stagedId, failure);
    await done.catch(() => undefined);
  };
  try {
    const derived = 'text' in input ? input.text : undefined;
    const provisional =
      'file' in input &&
      totalBytes >= (options.provisionalFrom ?? PROVISIONAL_FROM) &&
      // a stored source of the same size may be this very file: hash first, so a re-import costs one pass
      (await db.sources
        .where('status')
        .equals('complete')
        .filter((s) => s.size === totalBytes)
        .count()) === 0;
    const sha256 = provisional
      ? undefined
      : 'file' in input
        ? await hashFile(input.file, (bytes) => report('hashing', bytes, 0), options.cancelled)
        : input.text.sha256;
    if ((!provisional && sha256 === undefined) || options.cancelled()) return { status: 'cancelled' };
    const id = sha256 ?? provisionalId();
    const startedAt = new Date().toISOString();
    const staging: StoredSource = {
      id,
      name,
      sha256: sha256 ?? '',
      size: totalBytes,
      detected: 'unknown',
      importer: '',
      importerVersion: '',
      importedAt: startedAt,
      counts: {},
      rejected: 0,
      warnings: 0,
      ...(provisional ? { storageId: id } : {}),
      ...(derived?.derivedAs ? { derivedAs: derived.derivedAs } : {}),
      ...(derived?.repository ? { repository: derived.repository } : {}),
      ...(options.mapping ? { mapping: options.mapping } : {}),
      staged: {
        ...(options.caseId ? { caseId: options.caseId } : {}),
        holder: options.holder ?? provisionalId(),
        startedAt,
        updatedAt: startedAt,
        bytes: 0,
        records: 0,
      },
    };
    const stage = await beginStaging(db, staging);
    if (!stage.staged) {
      if (options.caseId) await addToCase(db, options.caseId, id);
      return { status: 'already-imported', source: stage.existing };
    }
    stagedId = id;
    if (provisional) hasher = (options.hasher ?? inThreadHasher)();

    phaseStart = now();
    const onBytes = hasher ? hasher.update : undefined;
    const stream: AsyncIterator<TextPiece> =
      'file' in input
        ? decodeFile(input.file, { ...(options.pieceSize ? { pieceSize: options.pieceSize } : {}), timings, onBytes })
        : pieces(input.text.text);
    const { head, read } = await readHead(stream, HEAD_SIZE);
    const importer = startImport(
      head,
      {
        id,
        name,
        ...(derived?.derivedAs ? { derivedAs: derived.derivedAs } : {}),
        ...(derived?.repository ? { repository: derived.repository } : {}),
        ...('file' in input && input.dbtSeedOf !== undefined ? { dbtSeedOf: input.dbtSeedOf } : {}),
      },
      options.mapping ? { mapping: options.mapping } : {},
    );
    const buffer = new ChunkBuffer(id);
    const pipeline = new WritePipeline(db, timings);
    writes = pipeline;
    let bytes = 0;
    let lastSaved = -Infinity;
    const consume = async (piece: TextPiece) => {
      const before = bytes;
      // In slices, with progress between them: a large piece of one long line is a long parse.
      for (const slice of textSlices(piece.text)) {
        const records = timings.time('importer', () => {
          importer.push(slice.text);
          return importer.take();
        });
        timings.time('chunk', () => buffer.add(records));
        report('importing', bytesAtSlice(before, piece.bytes, slice, piece.text.length), buffer.total);
        if (buffer.readyCount >= CHUNKS_PER_WRITE) await pipeline.put(buffer.drain());
      }
      bytes = piece.bytes;
      report('importing', bytes, buffer.total);
      if (now() - lastSaved >= STAGED_PROGRESS_INTERVAL_MS) {
        lastSaved = now();
        await saveStagedProgress(db, id, bytes, buffer.total);
      }
    };
    for (const piece of read) await consume(piece);
    for (let next = await stream.next(); !next.done; next = await stream.next()) {
      if (options.cancelled()) break;
      await consume(next.value);
    }
    if (options.cancelled()) {
      await stream.return?.(undefined);
      await discard();
      return { status: 'cancelled' };
    }
    const ended = timings.time('importer', () => importer.end());
    if (ended.skipped !== undefined) {
      await discard();
      return { status: 'skipped', reason: ended.skipped };
    }
    // Read as Windows-1252 (read-input.ts decides by the same first bytes): said on the source, as the CLI says it.
    const first = 'file' in input ? new Uint8Array(await input.file.slice(0, SNIFF_BYTES).arrayBuffer()) : undefined;
    const summary = first ? withWarnings(ended, encodingWarnings(name, first)) : ended;
    buffer.add(importer.take());
    await pipeline.put(buffer.drain(true));
    await timings.wait('write-wait', () => pipeline.flush());
    report('committing', bytes, buffer.total, true);
    // The hasher was given every byte as it was decoded: it ends about when the parse does.
    const hashed = hasher ? await timings.wait('hash-wait', () => hasher!.digest()) : undefined;
    if (options.cancelled()) {
      await discard();
      return { status: 'cancelled' };
    }
    const commit = {
      counts: { ...summary.counts, ...buffer.counts() },
      rejections: summary.rejections,
      rejected: summary.rejectedCount,
      warnings: summary.warnings,
      warningCount: summary.warningCount,
      ...(summary.rejectionGroups && { rejectionGroups: summary.rejectionGroups }),
      ...(summary.warningGroups && { warningGroups: summary.warningGroups }),
      importer: derived?.gitReader ?? summary.importer,
      importerVersion: summary.importerVersion,
      detected: summary.detected,
      importedAt: new Date().toISOString(),
      durationMs: Math.round(now() - started),
    };
    if (hashed === undefined) {
      const source = await timings.wait('commit', () => commitStaged(db, id, commit, options.caseId));
      return { status: 'imported', source };
    }
    const outcome = await timings.wait('commit', () => commitProvisional(db, id, hashed, commit, options.caseId));
    return outcome.committed
      ? { status: 'imported', source: outcome.source }
      : { status: 'already-imported', source: outcome.existing };
  } catch (error) {
    const reason = `${name}: ${error instanceof Error ? error.message : String(error)}`;
    await discard(reason);
    return { status: 'failed', reason };
  }
}
