/** What the CLI says it read once though given again: the same inputs, and records read again (shared/model/repeat-notes.ts). */
import { repeatNotes } from '../../shared/model/repeat-notes.js';
import type { RepeatedRecord } from '../../shared/model/repeated-records.js';
import { duplicateNote, type DuplicateInput } from './list-inputs.js';

/** Every note on what was read once though given again: inputs (the same file or bytes), then records. */
export function readOnceNotes(evidence: {
  readonly duplicates: ReadonlyArray<DuplicateInput>;
  readonly repeats: ReadonlyArray<RepeatedRecord>;
  readonly sourceNames: Readonly<Record<string, string>>;
}): string[] {
  return [...evidence.duplicates.map(duplicateNote), ...repeatNotes(evidence.repeats, evidence.sourceNames)];
}
