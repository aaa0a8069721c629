/**
 * What a decision log read in place repeats (decision-sql.ts `repeats`): rows that log a decision already logged — a
 * day's Parquet file written again under another name, a batch loaded twice — which every count reads once, and
 * decisions logged with different contents, which are named: the log does not say which row is right.
 */

/** A decision the log holds twice with different contents. */
export interface ConflictingDecision {
  readonly model: string;
  readonly decisionId: string;
}

export interface LoggedTwice {
  /** Rows beyond the first of each decision logged more than once (not counted). */
  readonly repeatedRows: number;
  /** Decisions logged with different contents. */
  readonly conflicts: number;
  /** The first of those, by model and id. */
  readonly first: ReadonlyArray<ConflictingDecision>;
}

/** How many decisions a note names. */
export const NAMED_CONFLICTS = 5;

const count = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0));

/** The answer of a `repeats` query. */
export function loggedTwice(rows: ReadonlyArray<Readonly<Record<string, unknown>>>): LoggedTwice {
  const [top] = rows;
  return {
    repeatedRows: count(top?.repeated_rows),
    conflicts: count(top?.conflicts),
    first: rows
      .filter((r) => count(r.contents) > 1)
      .map((r) => ({ model: String(r.model), decisionId: String(r.decision_id) })),
  };
}

const n = (x: number) => x.toLocaleString('en-US');

/**
 * The notes an investigation and `inspect` give of `repeats` (none where the log repeats nothing), each after
 * `label: ` where a label is given.
 */
export function loggedTwiceNotes(repeats: LoggedTwice, label?: string): string[] {
  const at = label === undefined ? '' : `${label}: `;
  const notes: string[] = [];
  if (repeats.repeatedRows > 0)
    notes.push(
      `${at}${n(repeats.repeatedRows)} row${repeats.repeatedRows === 1 ? '' : 's'} log a decision (model and ` +
        `decision id) already logged: each decision is counted once`,
    );
  if (repeats.conflicts > 0) {
    const named = repeats.first.map((c) => `${c.decisionId} of ${c.model}`).join(', ');
    const more =
      repeats.conflicts > repeats.first.length ? `, and ${n(repeats.conflicts - repeats.first.length)} more` : '';
    notes.push(
      `${at}${n(repeats.conflicts)} decision${repeats.conflicts === 1 ? ' is' : 's are'} logged twice with ` +
        `different contents (${named}${more}): each is counted once, as its earliest row; the log does not say which is right`,
    );
  }
  return notes;
}
