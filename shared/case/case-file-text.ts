/** One line of plain text for an activity entry of a case file (the CLI's `case show`, `case merge`). */
import type { ActivityEntry } from './case-types';

/** "12 rui 2026-03-03T08:05:00Z review.verdict agree: Root cause holds." */
export function describeCaseEntry(e: ActivityEntry): string {
  const p = (e.payload ?? {}) as {
    target?: { kind?: string; id?: string };
    text?: string;
    verdict?: string;
  };
  const what =
    e.action === 'annotation.added'
      ? `annotated ${p.target?.kind ?? ''} ${p.target?.id ?? ''}: ${p.text ?? ''}`
      : e.action === 'review.verdict'
        ? `verdict ${p.verdict ?? ''}: ${p.text ?? ''}`
        : `${e.action} ${JSON.stringify(e.payload)}`;
  return `${e.seq} ${e.actor} ${e.time} ${what}`;
}
