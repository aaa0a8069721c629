/**
 * What a command says on stderr about the decision logs it read in place: the mapping suggested, a folder's files
 * read once (each a copy of another's bytes), rows repeating a decision (each decision read once), rows rejected.
 */
import { repeatedRowsSentence } from '../../shared/warehouse/repeated-decisions.js';
import { duplicateNote } from '../sources/list-inputs.js';
import type { ReadInPlace } from '../warehouse/load-sources.js';
import type { CliIo } from './run-cli.js';

export function reportInPlace(inPlace: ReadonlyArray<ReadInPlace>, io: CliIo): void {
  for (const s of inPlace) {
    if (s.suggested) io.err(`${s.label}: read through the mapping suggested from its columns: ${s.suggested}`);
    for (const d of s.copies ?? []) io.err(duplicateNote(d));
    const repeated = s.repeated && repeatedRowsSentence(s.repeated);
    if (repeated) io.err(`${s.label}: ${repeated}`);
    const shown = s.rejections.slice(0, 5);
    for (const r of shown)
      io.err(`${s.label}${r.decisionId ? ` decision ${r.decisionId}` : ''}: rejected: ${r.reason}`);
    if (s.rejections.length > shown.length)
      io.err(`${s.label}: ${s.rejections.length - shown.length} more rows rejected`);
  }
}
