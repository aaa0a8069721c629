/** A dbt-style SQL model with one source: the transformations, the marketing job, marts and analyses. */
import type { DatasetRef } from '../../../shared/model/records';
import { inputField, type JobCode, type OutputField } from './file-doc';

export interface SqlColumn {
  readonly name: string;
  /** The SQL expression; empty when the column is selected as is. */
  readonly expr: string;
  readonly type: string;
  readonly description?: string;
  /** Source fields it is computed from, with the OpenLineage subtype (IDENTITY, TRANSFORMATION, AGGREGATION). */
  readonly from: ReadonlyArray<readonly [field: string, subtype: string]>;
}

export interface SqlModelSpec {
  readonly title: string;
  /** dbt `config(...)` arguments. */
  readonly config: string;
  readonly source: DatasetRef;
  /** How the SQL names the source: `{{ source('raw', 'checkout_events') }}`, `{{ ref('stg_orders') }}`. */
  readonly sourceExpr: string;
  readonly columns: ReadonlyArray<SqlColumn>;
  readonly filters: ReadonlyArray<string>;
  readonly groupBy: ReadonlyArray<string>;
  /** Jinja variables set at the top of the model. */
  readonly vars: ReadonlyArray<readonly [name: string, value: string]>;
}

export class SqlModel implements JobCode {
  constructor(readonly spec: SqlModelSpec) {}

  render(): string {
    const s = this.spec;
    const lines = [`-- ${s.title}`];
    for (const [name, value] of s.vars) lines.push(`{% set ${name} = ${value} %}`);
    lines.push(`{{ config(${s.config}) }}`, '', 'select');
    s.columns.forEach((c, i) => {
      const comma = i < s.columns.length - 1 ? ',' : '';
      lines.push(`    ${c.expr && c.expr !== c.name ? `${c.expr} as ${c.name}` : c.name}${comma}`);
    });
    lines.push(`from ${s.sourceExpr}`);
    s.filters.forEach((f, i) => lines.push(i === 0 ? `where ${f}` : `  and ${f}`));
    if (s.groupBy.length > 0) lines.push(`group by ${s.groupBy.join(', ')}`);
    return `${lines.join('\n')}\n`;
  }

  inputs(): ReadonlyArray<DatasetRef> {
    return [this.spec.source];
  }

  fields(): ReadonlyArray<OutputField> {
    return this.spec.columns.map((c) => ({
      name: c.name,
      type: c.type,
      ...(c.description ? { description: c.description } : {}),
      inputs: c.from.map(([field, subtype]) => inputField(this.spec.source, field, subtype)),
    }));
  }

  with(patch: Partial<SqlModelSpec>): SqlModel {
    return new SqlModel({ ...this.spec, ...patch });
  }

  /** Adds a column (or, past `max` columns, replaces the one at a position chosen by its name). */
  withColumn(column: SqlColumn, max = 14): SqlModel {
    const existing = this.spec.columns.findIndex((c) => c.name === column.name);
    const columns = [...this.spec.columns];
    if (existing >= 0) columns[existing] = column;
    else if (columns.length < max) columns.push(column);
    else columns[1 + (column.name.length % (columns.length - 1))] = column;
    return this.with({ columns });
  }

  withFilter(filter: string, max = 5): SqlModel {
    if (this.spec.filters.includes(filter)) return this;
    const filters =
      this.spec.filters.length < max ? [...this.spec.filters, filter] : [this.spec.filters[0] ?? filter, filter];
    return this.with({ filters });
  }

  withVar(name: string, value: string): SqlModel {
    const vars = this.spec.vars.some(([n]) => n === name)
      ? this.spec.vars.map(([n, v]) => [n, n === name ? value : v] as const)
      : [...this.spec.vars, [name, value] as const];
    return this.with({ vars });
  }
}

/** A column selected as is from the source. */
export function passThrough(name: string, type: string, description?: string): SqlColumn {
  return { name, expr: '', type, ...(description ? { description } : {}), from: [[name, 'IDENTITY']] };
}
