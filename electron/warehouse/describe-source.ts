/**
 * A decision log read in place, tested as a connection is: which engine, its columns, the mapping read through (and
 * whether it was suggested), how many decisions per model, how long the engine took to answer, and how many rows
 * repeat a decision already logged (the same model and decision id: a batch loaded twice), each counted once.
 */
import { describeTable } from '../../shared/warehouse/decision-table.js';
import type { DuplicateInput } from '../sources/list-inputs.js';
import type { RepeatedRows } from '../../shared/warehouse/repeated-decisions.js';
import type { DecisionSource } from './decision-source.js';
import { numberOf } from './sql-engine.js';

export interface SourceDescription {
  readonly label: string;
  readonly engine: 'duckdb' | 'postgresql';
  readonly columns: ReadonlyArray<string>;
  readonly mapping: string;
  readonly suggested: boolean;
  readonly decisions: number;
  /** The largest models first, at most 20. */
  readonly models: ReadonlyArray<{ readonly model: string; readonly decisions: number }>;
  /** Milliseconds the engine took to count the decisions per model. */
  readonly latencyMs: number;
  /** The folder's files not read because each repeats the bytes of one that is, with the file it repeats. */
  readonly copies: ReadonlyArray<DuplicateInput>;
  /** Rows repeating a decision already logged (each decision counted once), and how many decisions they repeat. */
  readonly repeated: RepeatedRows;
}

export async function describeSource(source: DecisionSource): Promise<SourceDescription> {
  const columns = await source.engine.columns();
  const started = performance.now();
  const rows = await source.engine.query(source.sql.modelCounts());
  const latencyMs = Math.round(performance.now() - started);
  const [total] = await source.engine.query(source.sql.count());
  return {
    label: source.label,
    engine: source.engine.dialect.name,
    columns,
    mapping: describeTable(source.table),
    suggested: source.suggested !== undefined,
    decisions: numberOf(total?.decisions),
    models: rows.map((r) => ({ model: String(r.model), decisions: numberOf(r.decisions) })),
    latencyMs,
    copies: source.copies,
    repeated: source.repeated,
  };
}
