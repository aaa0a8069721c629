/**
 * OpenLineage input/output datasets: schema fields, column lineage (every shape seen in the wild:
 * 1-0-0 with transformationDescription/Type, 1-0-1 bare inputFields, 1-1-0+ with per-field
 * `transformations`, 1-2-0's dataset-wide `dataset` dependencies), the dataset version facet, and every facet
 * kept raw.
 */
import type {
  ColumnInputField,
  ColumnLineageEntry,
  ColumnTransformation,
  RunDataset,
  SchemaField,
} from '../model/records';
import { isObject } from './json-input';
import { describeType } from './timestamps';

export type DatasetOutcome = { readonly dataset: RunDataset } | { readonly reason: string };

/** Maps one entry of `inputs` or `outputs`; `where` names it in messages (`inputs[2]`). */
export function mapRunDataset(value: unknown, where: string): DatasetOutcome {
  if (!isObject(value)) return { reason: `${where} must be an object, got ${describeType(value)}` };
  const { namespace, name } = value;
  if (typeof namespace !== 'string' || namespace === '') return { reason: `${where}.namespace is missing` };
  if (typeof name !== 'string' || name === '') return { reason: `${where}.name is missing` };
  const facets = {
    ...(isObject(value.facets) ? value.facets : {}),
    ...(isObject(value.inputFacets) ? value.inputFacets : {}),
    ...(isObject(value.outputFacets) ? value.outputFacets : {}),
  };
  const version = datasetVersion(facets.version);
  const fields = schemaFields(facets.schema);
  const columnLineage = columnLineageEntries(facets.columnLineage);
  const dependencies = datasetDependencies(facets.columnLineage);
  return {
    dataset: {
      namespace,
      name,
      ...(version !== undefined && { version }),
      ...(fields && { fields }),
      ...(columnLineage && { columnLineage }),
      ...(dependencies && { datasetDependencies: dependencies }),
      ...(Object.keys(facets).length > 0 && { facets }),
    },
  };
}

function datasetVersion(facet: unknown): string | undefined {
  if (!isObject(facet)) return undefined;
  const v = facet.datasetVersion;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

/** The `schema` facet's fields (name, type, description), or undefined without one. */
export function schemaFields(facet: unknown): ReadonlyArray<SchemaField> | undefined {
  if (!isObject(facet) || !Array.isArray(facet.fields)) return undefined;
  const fields: SchemaField[] = [];
  for (const f of facet.fields) {
    if (!isObject(f) || typeof f.name !== 'string') continue;
    fields.push({
      name: f.name,
      ...(typeof f.type === 'string' && { type: f.type }),
      ...(typeof f.description === 'string' && { description: f.description }),
    });
  }
  return fields;
}

/** Column lineage as `{fields: {out: {inputFields}}}`, or an array of `{name|field, inputFields}`. */
export function columnLineageEntries(facet: unknown): ReadonlyArray<ColumnLineageEntry> | undefined {
  if (!isObject(facet)) return undefined;
  const { fields } = facet;
  const pairs: Array<[string, unknown]> = Array.isArray(fields)
    ? fields.filter(isObject).map((f) => [String(f.name ?? f.field ?? ''), f])
    : isObject(fields)
      ? Object.entries(fields)
      : [];
  const entries: ColumnLineageEntry[] = [];
  for (const [field, spec] of pairs) {
    if (field === '' || !isObject(spec)) continue;
    const inputs = Array.isArray(spec.inputFields) ? spec.inputFields : [];
    const inputFields = inputs.map(inputField).filter((f) => f !== undefined);
    const description = transformationOf(spec, inputs);
    const type = typeof spec.transformationType === 'string' && spec.transformationType !== '';
    entries.push({
      field,
      inputFields,
      ...(description !== undefined && { transformationDescription: description }),
      ...(type && { transformationType: spec.transformationType as string }),
    });
  }
  return entries;
}

/** The facet's `dataset` list (1-2-0): input fields the whole output depends on, or undefined without one. */
export function datasetDependencies(facet: unknown): ReadonlyArray<ColumnInputField> | undefined {
  if (!isObject(facet) || !Array.isArray(facet.dataset)) return undefined;
  return facet.dataset.map(inputField).filter((f) => f !== undefined);
}

function inputField(value: unknown): ColumnInputField | undefined {
  if (!isObject(value)) return undefined;
  const namespace = value.namespace ?? value.datasetNamespace;
  const name = value.name ?? value.datasetName;
  const field = value.field ?? value.fieldName;
  if (typeof namespace !== 'string' || typeof name !== 'string' || typeof field !== 'string') return undefined;
  const transformations = Array.isArray(value.transformations)
    ? value.transformations.map(transformation).filter((t) => t !== undefined)
    : [];
  return { namespace, name, field, ...(transformations.length > 0 && { transformations }) };
}

/** One `transformations` item: its type, and the subtype, description and masking it gives. */
function transformation(value: unknown): ColumnTransformation | undefined {
  if (!isObject(value) || typeof value.type !== 'string' || value.type === '') return undefined;
  const { subtype, description, masking } = value;
  return {
    type: value.type,
    ...(typeof subtype === 'string' && subtype !== '' && { subtype }),
    ...(typeof description === 'string' && description !== '' && { description }),
    ...(typeof masking === 'boolean' && { masking }),
  };
}

/** The facet's own description, else its type, else the per-input transformations (e.g. `DIRECT/AGGREGATION`). */
function transformationOf(spec: Record<string, unknown>, inputs: ReadonlyArray<unknown>): string | undefined {
  if (typeof spec.transformationDescription === 'string' && spec.transformationDescription !== '') {
    return spec.transformationDescription;
  }
  if (typeof spec.transformationType === 'string' && spec.transformationType !== '') return spec.transformationType;
  const kinds = new Set<string>();
  for (const input of inputs) {
    if (!isObject(input) || !Array.isArray(input.transformations)) continue;
    for (const t of input.transformations) {
      if (!isObject(t) || typeof t.type !== 'string') continue;
      const subtype = typeof t.subtype === 'string' ? `/${t.subtype}` : '';
      const text = typeof t.description === 'string' && t.description !== '' ? `: ${t.description}` : '';
      kinds.add(`${t.type}${subtype}${text}`);
    }
  }
  return kinds.size > 0 ? [...kinds].join('; ') : undefined;
}
