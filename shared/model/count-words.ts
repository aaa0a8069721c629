/**
 * Counts in words, as every sentence the app writes for a reader puts them: the noun singular or plural as English
 * reads it (`1 change`, `3 changes`), never `change(s)`. Framework-free, for the engine's sentences and the report.
 */

/** A count with its noun: `1 decision`, `0 subjects`, `1,293 decisions`. */
export function countOf(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? word : many}`;
}
