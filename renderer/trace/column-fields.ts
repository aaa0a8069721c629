/**
 * Fields inside dataset nodes and the column edges between them (OpenLineage `schema` and `columnLineage` facets of
 * the run that wrote each dataset version), drawn on demand for the datasets the investigator opens.
 */
import { nodeId } from '../../shared/analysis/run-index';
import type { TraceNode, TraceResult } from '../../shared/analysis/types';
import type { LineageIndex } from './lineage-index';
import { runOfNode } from './versions';

export interface FieldRow {
  readonly name: string;
  readonly type?: string;
  /** On the traced column path (column lineage from the decision's field, or from the field browsed from). */
  readonly traced: boolean;
}

export interface ColumnEdge {
  readonly id: string;
  readonly source: string;
  readonly sourceField: string;
  readonly target: string;
  readonly targetField: string;
  readonly description?: string;
}

export interface ColumnView {
  /** Field rows per dataset whose fields are shown. */
  readonly fields: ReadonlyMap<string, ReadonlyArray<FieldRow>>;
  readonly edges: ReadonlyArray<ColumnEdge>;
}

/** The fields of the traced column path per dataset: what the jobs that wrote it on the path computed. */
function tracedFields(trace: TraceResult): Map<string, Set<string>> {
  const byJob = new Map(trace.jobs.map((j) => [j.id, j.fields]));
  const result = new Map<string, Set<string>>();
  for (const e of trace.edges) {
    if (e.kind !== 'produced') continue;
    const set = result.get(e.target) ?? new Set<string>();
    for (const f of byJob.get(e.source) ?? []) set.add(f);
    result.set(e.target, set);
  }
  return result;
}

/**
 * Field rows for every visible dataset in `shown`, and the column edges into them from visible datasets.
 * A field named by column lineage but missing from the schema facet still gets a row. The rows marked traced are
 * those of the trace's column path, or of `path` when given (the Lineage view's column path of a field).
 */
export function columnView(
  index: LineageIndex,
  trace: TraceResult,
  visible: ReadonlyMap<string, TraceNode>,
  shown: ReadonlySet<string>,
  path?: ReadonlyMap<string, ReadonlySet<string>>,
): ColumnView {
  const traced = path ?? tracedFields(trace);
  const rows = new Map<string, Map<string, FieldRow>>();
  const rowsOf = (id: string) => rows.get(id) ?? rows.set(id, new Map()).get(id)!;
  const addRow = (id: string, name: string, type?: string) => {
    const map = rowsOf(id);
    if (!map.has(name)) map.set(name, { name, type, traced: traced.get(id)?.has(name) ?? false });
  };
  const edges: ColumnEdge[] = [];
  for (const id of shown) {
    const node = visible.get(id);
    if (!node || (node.kind !== 'dataset' && node.kind !== 'source')) continue;
    const run = runOfNode(index, node);
    const out = run?.outputs.find((o) => nodeId(o) === id);
    rowsOf(id);
    for (const f of out?.fields ?? []) addRow(id, f.name, f.type);
    for (const entry of out?.columnLineage ?? []) {
      addRow(id, entry.field);
      for (const input of entry.inputFields) {
        const source = nodeId(input);
        if (!visible.has(source)) continue;
        if (shown.has(source)) addRow(source, input.field);
        edges.push({
          id: `${source}#${input.field}->${id}#${entry.field}`,
          source,
          sourceField: input.field,
          target: id,
          targetField: entry.field,
          description: entry.transformationDescription,
        });
      }
    }
  }
  const fields = new Map([...rows].filter(([id]) => shown.has(id)).map(([id, m]) => [id, [...m.values()]]));
  return { fields, edges };
}
