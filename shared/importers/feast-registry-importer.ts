/**
 * A Feast registry as JSON (`feast registry-dump`, the Feast UI's `registry.json`): what features are made of, as
 * declared lineage — the graph Feast's own OpenLineage integration emits on `feast apply`, named as it names it.
 *
 * - each data source (top-level `dataSources`, and each feature view's inline `batchSource`/`streamSource`): a dataset
 *   `<namespace>:<source name>` (origin `feast-data-source`), its file URI or table, timestamp fields and field mapping
 *   kept in `extra`;
 * - each entity: a dataset `<namespace>:<entity name>` (origin `feast-entity`) whose field is its join key;
 * - each feature view (batch, stream, on-demand): a job `<namespace>:feature_view_<name>` (tool `feast`) reading its
 *   sources and entities and writing the dataset `<namespace>:<name>` (origin `feast-feature-view`) whose fields are
 *   its features. A batch feature view serves its source's columns as they are (renamed by the source's
 *   `fieldMapping`): its column lineage is feature ← source column. Stream and on-demand views compute their features
 *   in a function (kept as the job's code): no column lineage is claimed for them;
 * - each feature service: a job `<namespace>:feature_service_<name>` reading the feature views it projects and writing
 *   `<namespace>:<name>` (origin `feast-feature-service`), column lineage feature ← feature view feature.
 * The namespace is the registry's project (`project`, `projects[0].spec.name`, or a spec's `project`), else `feast`.
 * Each record keeps the registry's version and last update when the dump has them (`versionId`, `lastUpdated`) and
 * the object's `meta.createdTimestamp`/`lastUpdatedTimestamp` (a feature view's materialization intervals too).
 */
import type { ColumnLineageEntry, DatasetRef, JobDefinition, SchemaField } from '../model/records';
import { at, type DocumentImporter, type DocumentOutput } from './document-importer';
import { isObject } from './json-input';

const LISTS = ['featureViews', 'streamFeatureViews', 'onDemandFeatureViews'] as const;
const JOB_TYPES = {
  featureViews: 'feature-view',
  streamFeatureViews: 'stream-feature-view',
  onDemandFeatureViews: 'on-demand-feature-view',
} as const;

/** Feast's `ValueType.Enum` (protos/feast/types/Value.proto), for registries that write it as a number. */
const VALUE_TYPES: Readonly<Record<number, string>> = {
  1: 'BYTES', 2: 'STRING', 3: 'INT32', 4: 'INT64', 5: 'DOUBLE', 6: 'FLOAT', 7: 'BOOL', 8: 'UNIX_TIMESTAMP',
  11: 'BYTES_LIST', 12: 'STRING_LIST', 13: 'INT32_LIST', 14: 'INT64_LIST', 15: 'DOUBLE_LIST', 16: 'FLOAT_LIST',
  17: 'BOOL_LIST', 18: 'UNIX_TIMESTAMP_LIST',
}; // prettier-ignore

type Json = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const specOf = (o: Json): Json => (isObject(o.spec) ? o.spec : o);

export const feastRegistryImporter: DocumentImporter = {
  kind: 'feast-registry',
  importer: 'feast',
  detect: (value) =>
    isObject(value) &&
    [...LISTS, 'entities', 'dataSources', 'featureServices'].filter((k) => Array.isArray(value[k])).length >= 2 &&
    [...LISTS, 'featureServices'].some((k) => list(value[k]).some((o) => isObject(o.spec))),
  run: importRegistry,
};

/** Feast UI metadata that is not a registry (column statistics of a feature view): why it is not evidence. */
export function feastMetadataNotEvidence(value: Json): string | undefined {
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== 'columnsSummaryStatistics' || !isObject(value.columnsSummaryStatistics))
    return undefined;
  return 'Feast UI column statistics of a feature view (histograms, sample values), not lineage: import the registry';
}

/** What every object of one registry is imported with. */
interface Registry {
  readonly out: DocumentOutput;
  readonly ref: (name: string) => DatasetRef;
  readonly context: Readonly<Record<string, string>>;
  /** Data sources by name, as datasets. */
  readonly sources: Map<string, DatasetRef>;
  /** Entities by name: their join key. */
  readonly entities: Map<string, string>;
}

function importRegistry(value: unknown, out: DocumentOutput): void {
  const registry = value as Json;
  const namespace = projectOf(registry) ?? 'feast';
  const r: Registry = {
    out,
    ref: (name) => ({ namespace, name }),
    context: registryContext(registry),
    sources: new Map(),
    entities: new Map(),
  };
  list(registry.dataSources).forEach((s, i) => addSource(r, s, `/dataSources/${i}`));
  list(registry.entities).forEach((e, i) => importEntity(r, e, `/entities/${i}`));
  for (const key of LISTS) list(registry[key]).forEach((v, i) => importView(r, v, key, `/${key}/${i}`));
  list(registry.featureServices).forEach((s, i) => importService(r, s, `/featureServices/${i}`));
}

function importEntity(r: Registry, entity: Json, pointer: string): void {
  const spec = specOf(entity);
  const name = str(spec.name);
  if (!name) return r.out.reject({ pointer }, 'a Feast entity needs "spec.name"');
  const joinKey = str(spec.joinKey) ?? name;
  r.entities.set(name, joinKey);
  if (name === '__dummy') return; // Feast's placeholder for views without an entity
  r.out.record({
    kind: 'dataset',
    dataset: r.ref(name),
    origin: 'feast-entity',
    fields: [field(joinKey, spec.valueType)],
    ...(str(spec.description) && { description: str(spec.description) }),
    extra: { ...r.context, ...metaOf(entity) },
    provenance: at(r.out, pointer),
  });
}

function importView(r: Registry, view: Json, key: (typeof LISTS)[number], pointer: string): void {
  const spec = specOf(view);
  const name = str(spec.name);
  if (!name) return r.out.reject({ pointer }, `a Feast ${JOB_TYPES[key]} needs "spec.name"`);
  const inputs: DatasetRef[] = [];
  let batch: DatasetRef | undefined;
  for (const side of ['batchSource', 'streamSource'] as const) {
    const source = spec[side];
    if (!isObject(source) || !str(source.name)) continue;
    const dataset = addSource(r, source, `${pointer}/spec/${side}`);
    inputs.push(dataset);
    if (side === 'batchSource' && key === 'featureViews') batch = dataset;
  }
  if (isObject(spec.sources)) inputs.push(...onDemandInputs(spec.sources, r.ref));
  const entities = (Array.isArray(spec.entities) ? spec.entities : []).filter(
    (e): e is string => typeof e === 'string' && e !== '__dummy',
  );
  inputs.push(...entities.map(r.ref));
  const features = list(spec.features).flatMap((f) => (str(f.name) ? [field(str(f.name) as string, f.valueType)] : []));
  const fieldMapping =
    isObject(spec.batchSource) && isObject(spec.batchSource.fieldMapping) ? spec.batchSource.fieldMapping : {};
  const columnLineage = batch ? renamedColumns(features, batch, fieldMapping) : [];
  const meta = { ...r.context, ...metaOf(view) };
  const job = r.ref(`feature_view_${name}`);
  r.out.record(featureJob(spec, job, JOB_TYPES[key], inputs, r.ref(name), { ...meta, entities }, at(r.out, pointer)));
  r.out.record({
    kind: 'dataset',
    dataset: r.ref(name),
    origin: 'feast-feature-view',
    fields: features,
    ...(str(spec.description) && { description: str(spec.description) }),
    ...(columnLineage.length > 0 && { columnLineage }),
    extra: { ...meta, entities: entities.map((e) => ({ name: e, joinKey: r.entities.get(e) ?? e })) },
    provenance: at(r.out, pointer),
  });
}

function importService(r: Registry, service: Json, pointer: string): void {
  const spec = specOf(service);
  const name = str(spec.name);
  if (!name) return r.out.reject({ pointer }, 'a Feast feature service needs "spec.name"');
  const projections = list(spec.features).filter((p) => str(p.featureViewName));
  const inputs = projections.map((p) => r.ref(str(p.featureViewName) as string));
  const columnLineage: ColumnLineageEntry[] = projections.flatMap((p) =>
    list(p.featureColumns).flatMap((c) => {
      const column = str(c.name);
      const view = r.ref(str(p.featureViewName) as string);
      return column ? [{ field: column, inputFields: [{ ...view, field: column }] }] : [];
    }),
  );
  const meta = { ...r.context, ...metaOf(service) };
  const job = r.ref(`feature_service_${name}`);
  r.out.record(featureJob(spec, job, 'feature-service', inputs, r.ref(name), meta, at(r.out, pointer)));
  r.out.record({
    kind: 'dataset',
    dataset: r.ref(name),
    origin: 'feast-feature-service',
    fields: columnLineage.map((c) => ({ name: c.field })),
    ...(str(spec.description) && { description: str(spec.description) }),
    ...(columnLineage.length > 0 && { columnLineage }),
    extra: meta,
    provenance: at(r.out, pointer),
  });
}

function projectOf(registry: Json): string | undefined {
  const fromProjects = list(registry.projects).map((p) => str(specOf(p).name))[0];
  const fromSpecs = [...LISTS, 'entities', 'featureServices', 'dataSources']
    .flatMap((k) => list(registry[k]).map((o) => str(specOf(o).project) ?? str(o.project)))
    .find((p) => p !== undefined);
  return str(registry.project) ?? fromProjects ?? fromSpecs;
}

/** The registry's own version and last update, when the dump carries them. */
function registryContext(registry: Json): Readonly<Record<string, string>> {
  const version = str(registry.versionId) ?? str(registry.version_id);
  const updated = str(registry.lastUpdated) ?? str(registry.last_updated);
  return { ...(version && { registryVersion: version }), ...(updated && { registryLastUpdated: updated }) };
}

function metaOf(o: Json): Readonly<Record<string, unknown>> {
  const meta = isObject(o.meta) ? o.meta : {};
  return {
    ...(str(meta.createdTimestamp) && { createdTimestamp: meta.createdTimestamp }),
    ...(str(meta.lastUpdatedTimestamp) && { lastUpdatedTimestamp: meta.lastUpdatedTimestamp }),
    ...(Array.isArray(meta.materializationIntervals) && { materializationIntervals: meta.materializationIntervals }),
  };
}

function field(name: string, valueType: unknown): SchemaField {
  const type = typeof valueType === 'number' ? VALUE_TYPES[valueType] : str(valueType);
  return { name, ...(type && { type }) };
}

/** Feature ← source column: the source's `fieldMapping` renames a column to the feature's name. */
function renamedColumns(
  features: ReadonlyArray<SchemaField>,
  source: DatasetRef,
  mapping: Readonly<Record<string, unknown>>,
): ColumnLineageEntry[] {
  const columnOf = new Map(Object.entries(mapping).map(([column, feature]) => [String(feature), column]));
  return features.map((f) => ({ field: f.name, inputFields: [{ ...source, field: columnOf.get(f.name) ?? f.name }] }));
}

function onDemandInputs(sources: Json, ref: (name: string) => DatasetRef): DatasetRef[] {
  return Object.entries(sources).flatMap(([key, s]) => {
    if (!isObject(s)) return [];
    const projection = isObject(s.featureViewProjection) ? s.featureViewProjection : undefined;
    const request = isObject(s.requestDataSource) ? s.requestDataSource : undefined;
    return [ref(str(projection?.featureViewName) ?? str(request?.name) ?? key)];
  });
}

/**
 * Where a data source's rows are, named as OpenLineage names datasets: a file or object URI (`s3://bucket` + path, or
 * `file` + a relative path), a warehouse table (`bigquery`, `snowflake`, `redshift`, … + its qualified name).
 */
function physicalRef(source: Json): DatasetRef | undefined {
  for (const [key, options] of Object.entries(source)) {
    if (!key.endsWith('Options') || !isObject(options)) continue;
    const uri = str(options.uri) ?? str(options.path);
    if (uri) {
      const m = /^([a-z][\w+.-]*):\/\/([^/]*)(\/.*)?$/i.exec(uri);
      return m ? { namespace: `${m[1]}://${m[2]}`, name: m[3] ?? '/' } : { namespace: 'file', name: uri };
    }
    const parts = [options.database, options.schema, options.table].map(str).filter((p) => p !== undefined);
    if (str(options.table))
      return { namespace: key.replace(/Options$/, '').toLowerCase(), name: parts.join('.').replace(':', '.') };
  }
  return undefined;
}

function addSource(r: Registry, source: Json, pointer: string): DatasetRef {
  const spec = specOf(source);
  const name = str(source.name) ?? str(spec.name) ?? '';
  const known = r.sources.get(name);
  if (known) return known;
  const dataset = physicalRef(source) ?? r.ref(name);
  r.sources.set(name, dataset);
  const description = str(source.description) ?? str(spec.description);
  r.out.record({
    kind: 'dataset',
    dataset,
    origin: 'feast-data-source',
    fields: [],
    ...(description && { description }),
    extra: {
      ...r.context,
      ...metaOf(source),
      dataSource: name,
      ...(str(source.type) && { type: source.type }),
      ...(str(source.dataSourceClassType) && { class: source.dataSourceClassType }),
      ...(str(source.timestampField) && { timestampField: source.timestampField }),
      ...(str(source.createdTimestampColumn) && { createdTimestampColumn: source.createdTimestampColumn }),
      ...(isObject(source.fieldMapping) && { fieldMapping: source.fieldMapping }),
    },
    provenance: at(r.out, pointer),
  });
  return dataset;
}

/** The job of a feature view or service: what it reads, what it writes, and its function's code when it has one. */
function featureJob(
  spec: Json,
  job: DatasetRef,
  jobType: string,
  inputs: ReadonlyArray<DatasetRef>,
  output: DatasetRef,
  extra: Readonly<Record<string, unknown>>,
  provenance: JobDefinition['provenance'],
): JobDefinition {
  const udf = isObject(spec.userDefinedFunction) ? spec.userDefinedFunction : undefined;
  const body = udf && (str(udf.bodyText) ?? str(udf.body));
  const unique = [...new Map(inputs.map((i) => [`${i.namespace}:${i.name}`, i])).values()];
  return {
    kind: 'job',
    job,
    jobType,
    tool: 'feast',
    ...(body && { code: { language: 'python', text: body, compiled: false } }),
    dependsOn: [],
    inputs: unique,
    outputs: [output],
    ...(str(spec.description) && { description: str(spec.description) }),
    extra: {
      ...extra,
      ...(str(spec.ttl) && { ttl: spec.ttl }),
      ...(typeof spec.online === 'boolean' && { online: spec.online }),
      ...(isObject(spec.tags) && { tags: spec.tags }),
      ...(str(spec.owner) && { owner: spec.owner }),
    },
    provenance,
  };
}
