/**
 * Runs one record mapper over every record of an input — each line of JSON lines, or each item of a
 * JSON document — and gathers records, rejections (with line or JSON pointer) and warnings.
 */
import type { EvidenceRecord, ImportResult, ImportWarning, Provenance, Rejection } from '../model/records';
import { eachLine, isObject, tryParse, type JsonInput } from './json-input';

/** The input file as an importer sees it: its id (SHA-256) and its name for messages. */
export interface ImportSource {
  readonly id: string;
  readonly name: string;
}

export const IMPORTER_VERSION = '1.0.0';

/** What a mapper made of one record. */
export type MapOutcome<R> =
  | { readonly record: R; readonly warnings?: ReadonlyArray<string> }
  | { readonly reason: string; readonly warnings?: ReadonlyArray<string> }
  /** Valid, but produces no record (e.g. an OpenLineage JobEvent); counted by label. */
  | { readonly accepted: string; readonly warnings?: ReadonlyArray<string> };

export interface RunOptions<R> {
  readonly importer: string;
  readonly detected: string;
  /** Keys of a wrapping object whose array holds the records, e.g. `events` for Marquez pages. */
  readonly wrappers?: ReadonlyArray<string>;
  /** What one record is, for messages ("an OpenLineage event"). */
  readonly recordName: string;
  readonly map: (value: Record<string, unknown>, provenance: Provenance) => MapOutcome<R>;
  /**
   * Per-file state, for a mapper that gathers records across items and emits them merged after the last one
   * (OpenLineage jobs and datasets of events not placed in time). When set, each file is mapped by `perFile()`.
   */
  readonly perFile?: () => FileMapper<R>;
}

/** A mapper with per-file state: `map` for each item, then `end` once for what it gathered. */
export interface FileMapper<R> {
  readonly map: (value: Record<string, unknown>, provenance: Provenance) => MapOutcome<R>;
  readonly end: () => FileMapperEnd<R>;
}

/** What a per-file mapper gathered: records, and warnings each at a line or pointer. */
export interface FileMapperEnd<R> {
  readonly records: ReadonlyArray<R>;
  readonly warnings: ReadonlyArray<{ readonly line?: number; readonly pointer?: string; readonly message: string }>;
}

export interface RunOutput {
  readonly result: ImportResult;
  /** Records accepted without producing one, by label. */
  readonly accepted: Readonly<Record<string, number>>;
}

interface Item {
  readonly value: unknown;
  readonly line?: number;
  readonly pointer?: string;
  readonly reason?: string;
}

/** Maps every record of the input; never throws on bad input. */
export function runImport<R extends EvidenceRecord>(input: JsonInput, source: ImportSource, options: RunOptions<R>) {
  const records: R[] = [];
  const rejections: Rejection[] = [];
  const warnings: ImportWarning[] = [];
  const accepted: Record<string, number> = {};
  const sourceName = source.name;
  const fileMapper = options.perFile?.();
  const map = fileMapper?.map ?? options.map;
  for (const item of items(input, options)) {
    const where = {
      ...(item.line !== undefined && { line: item.line }),
      ...((item.pointer !== undefined || item.line === undefined) && { pointer: item.pointer ?? '' }),
    };
    if (item.reason !== undefined) {
      rejections.push({ sourceName, ...where, reason: item.reason });
      continue;
    }
    if (!isObject(item.value)) {
      rejections.push({ sourceName, ...where, reason: `not a JSON object (expected ${options.recordName})` });
      continue;
    }
    const outcome = map(item.value, { sourceId: source.id, ...where });
    for (const message of outcome.warnings ?? []) warnings.push({ sourceName, ...where, message });
    if ('record' in outcome) records.push(outcome.record);
    else if ('reason' in outcome) rejections.push({ sourceName, ...where, reason: outcome.reason });
    else accepted[outcome.accepted] = (accepted[outcome.accepted] ?? 0) + 1;
  }
  const gathered = fileMapper?.end();
  if (gathered) records.push(...gathered.records);
  for (const w of gathered?.warnings ?? []) warnings.push({ sourceName, ...w });
  const result: ImportResult = {
    importer: options.importer,
    importerVersion: IMPORTER_VERSION,
    detected: options.detected,
    records,
    rejections,
    warnings,
  };
  return { result, accepted } satisfies RunOutput;
}

function* items(input: JsonInput, options: RunOptions<unknown>): Generator<Item> {
  switch (input.shape) {
    case 'empty':
      yield { value: undefined, line: 1, reason: 'empty file' };
      return;
    case 'binary':
      yield { value: undefined, reason: 'binary data, not text' };
      return;
    case 'text':
      yield {
        value: undefined,
        line: 1,
        reason: `not JSON (expected ${options.recordName} per line or a JSON document)`,
      };
      return;
    case 'invalid-json':
      yield { value: undefined, line: input.line, reason: input.reason };
      return;
    case 'lines':
      for (const { line, text } of eachLine(input.text)) {
        const parsed = tryParse(text);
        if (!parsed.ok) yield { value: undefined, line, reason: parsed.reason };
        else if (!Array.isArray(parsed.value) && wrapperOf(parsed.value, options.wrappers) === undefined) {
          yield { value: parsed.value, line };
        }
        // An array or a wrapped page on one line (e.g. Marquez `{"events": […]}` pages saved as NDJSON).
        else for (const item of documentItems(parsed.value, options.wrappers ?? [])) yield { ...item, line };
      }
      return;
    case 'document':
      yield* documentItems(input.value, options.wrappers ?? []);
  }
}

function* documentItems(value: unknown, wrappers: ReadonlyArray<string>): Generator<Item> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) yield { value: value[i], pointer: `/${i}` };
    return;
  }
  const wrapper = wrapperOf(value, wrappers);
  if (wrapper !== undefined && isObject(value)) {
    const list = value[wrapper] as unknown[];
    for (let i = 0; i < list.length; i += 1) yield { value: list[i], pointer: `/${wrapper}/${i}` };
    return;
  }
  yield { value, pointer: '' };
}

function wrapperOf(value: unknown, wrappers: ReadonlyArray<string> = []): string | undefined {
  return isObject(value) ? wrappers.find((key) => Array.isArray(value[key])) : undefined;
}
