/**
 * A field's column path as of a moment: the input fields it was computed from, transitively, and the fields computed
 * from it. The Trace step follows a decision's feature into the columns it was computed from; browsing the lineage
 * from a field (`namespace:name#field`) has no decision, so the walk starts from the field itself and goes both ways.
 * It reads the same temporal model as the trace (lineage-model.ts): each dataset at the version active at the moment
 * (upstream: at the version the writing run read, as of when it ran), and the column edges of the run that wrote that
 * version (`columnLineage`, with `columnLineage.dataset` dependencies, dataset-dependencies.ts).
 */
import { nodeId, type MergedRun } from '../analysis/run-index';
import type { LineageModel } from './lineage-model';
import { lastRunAt } from './neighbours';
import type { DatasetVersion } from './types';

/** A column edge on the path: `namespace:name#field` → `namespace:name#field`. */
export interface ColumnPathEdge {
  readonly source: string;
  readonly target: string;
}

export interface ColumnPath {
  /** The field browsed from (`namespace:name#field`). */
  readonly field: string;
  /** The fields the browsed one was computed from, transitively, nearest first (`namespace:name#field`). */
  readonly upstream: ReadonlyArray<string>;
  /** The fields computed from it, transitively, nearest first. */
  readonly downstream: ReadonlyArray<string>;
  readonly edges: ReadonlyArray<ColumnPathEdge>;
  /** The fields on the path per dataset id, the browsed one's included. */
  readonly fields: ReadonlyMap<string, ReadonlySet<string>>;
  /** True when a walk stopped at `maxFields` before the path ended. */
  readonly truncated: boolean;
}

/** `namespace:name#field` → its dataset id and field name (the field is what follows the first `#`). */
export function splitFieldId(id: string): { readonly datasetId: string; readonly field: string } | undefined {
  const hash = id.indexOf('#');
  return hash > 0 && hash < id.length - 1 ? { datasetId: id.slice(0, hash), field: id.slice(hash + 1) } : undefined;
}

const succeeded = (run: MergedRun) => run.state !== 'FAIL' && run.state !== 'ABORT';

interface Pending {
  readonly fieldId: string;
  /** The moment its dataset's version is looked up at (ms). */
  readonly asOf: number;
  /** The version its reader recorded reading, when it recorded one. */
  readonly version?: string;
}

/** The version the reader read (when named and known), else the one active at the moment. */
const versionOf = (model: LineageModel, datasetId: string, item: Pending): DatasetVersion | undefined =>
  (item.version !== undefined ? model.versionNamed(datasetId, item.version) : undefined) ??
  model.versionAt(datasetId, item.asOf);

/**
 * The column path of `fieldId` as of `t` (ms). Upstream: the column edges into the field in its dataset's version
 * active at `t`, then into each input field in the version the writing run read (as of when it ran), and so on.
 * Downstream: for each job, its last successful run by `t` that read the field's dataset (or its declaration, when
 * static lineage declares it reads it and no run says otherwise): the outputs of that run whose version active at `t`
 * computed a field from it, and so on. At most `maxFields` fields each way.
 */
export function columnPathAt(model: LineageModel, fieldId: string, t: number, maxFields = 2000): ColumnPath {
  const edges = new Map<string, ColumnPathEdge>();
  let truncated = false;
  const addEdge = (source: string, target: string) => edges.set(`${source}->${target}`, { source, target });

  const walk = (step: (item: Pending) => ReadonlyArray<Pending & { readonly edge: ColumnPathEdge }>): string[] => {
    const found = new Set<string>();
    const queue: Pending[] = [{ fieldId, asOf: t }];
    for (let head = 0; head < queue.length; head++) {
      for (const next of step(queue[head] as Pending)) {
        addEdge(next.edge.source, next.edge.target);
        if (next.fieldId === fieldId || found.has(next.fieldId)) continue;
        if (found.size >= maxFields) {
          truncated = true;
          continue;
        }
        found.add(next.fieldId);
        queue.push(next);
      }
    }
    return [...found];
  };

  const upstream = walk((item) => {
    const at = splitFieldId(item.fieldId);
    const dv = at && versionOf(model, at.datasetId, item);
    if (!dv) return [];
    // A declared version has no time: its inputs are read as of the moment its reader was.
    const readAt = dv.declared || !Number.isFinite(dv.run.timeMs) ? item.asOf : dv.run.timeMs;
    return dv.columns
      .filter((c) => c.target === item.fieldId)
      .map((c) => {
        const source = splitFieldId(c.source);
        const read = dv.inputs.find((i) => i.source === source?.datasetId)?.sourceVersion;
        return {
          fieldId: c.source,
          asOf: readAt,
          ...(read !== undefined && { version: read }),
          edge: { source: c.source, target: c.target },
        };
      });
  });

  const downstream = walk((item) => {
    const at = splitFieldId(item.fieldId);
    if (!at) return [];
    // The readers the graph steps to (neighbours.ts): each job's last successful run by `t` that read the dataset,
    // and static jobs declared to read it that no run of theirs by `t` contradicts.
    const readers = new Map<string, MergedRun>();
    for (const read of model.readsOf(at.datasetId)) {
      if (read.run.timeMs <= t && succeeded(read.run)) readers.set(read.run.job, read.run);
    }
    for (const declaration of model.declaredReadersOf(at.datasetId)) {
      if (!readers.has(declaration.job) && !lastRunAt(model, declaration.job, t))
        readers.set(declaration.job, declaration);
    }
    const outputs = new Set([...readers.values()].flatMap((run) => run.outputs.map(nodeId)));
    return [...outputs].flatMap((outputId) =>
      (model.versionAt(outputId, t)?.columns ?? [])
        .filter((c) => c.source === item.fieldId)
        .map((c) => ({ fieldId: c.target, asOf: t, edge: { source: c.source, target: c.target } })),
    );
  });

  const fields = new Map<string, Set<string>>();
  for (const id of [fieldId, ...upstream, ...downstream]) {
    const at = splitFieldId(id);
    if (!at) continue;
    const set = fields.get(at.datasetId) ?? new Set<string>();
    set.add(at.field);
    fields.set(at.datasetId, set);
  }
  return { field: fieldId, upstream, downstream, edges: [...edges.values()], fields, truncated };
}
