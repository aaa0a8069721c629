/**
 * Importers of whole documents (a dbt manifest, a tracking plan, a Profiles project): each recognizes the
 * document by its shape and emits any number of records through the sink, with JSON pointers as provenance.
 */
import type { EvidenceRecord, Provenance } from '../model/records';
import type { Where } from './import-sink';

export interface DocumentOutput {
  readonly sourceId: string;
  /** For YAML: the line a JSON pointer was written on. */
  readonly lineOf?: (pointer: string) => number | undefined;
  record(record: EvidenceRecord): void;
  reject(where: Where, reason: string): void;
  warn(where: Where, message: string): void;
}

export interface DocumentImporter {
  /** The detected kind, e.g. `dbt-manifest`. */
  readonly kind: string;
  readonly importer: string;
  /** True when the parsed document is of this kind. */
  readonly detect: (value: unknown) => boolean;
  readonly run: (value: unknown, out: DocumentOutput) => void;
}

/** The provenance of the item at a JSON pointer. */
export function at(out: DocumentOutput, pointer: string): Provenance {
  const line = out.lineOf?.(pointer);
  return { sourceId: out.sourceId, ...(line !== undefined && { line }), pointer };
}

/** A JSON pointer segment (RFC 6901). */
export function seg(key: string | number): string {
  return `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
