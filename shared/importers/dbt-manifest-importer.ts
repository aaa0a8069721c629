/**
 * dbt `manifest.json` (schema v1–v12): each model, seed, snapshot, analysis and test becomes a JobDefinition
 * (job `dbt:<unique_id>`, code path = original_file_path, checksum, compiled SQL else raw code, depends_on.nodes)
 * and each model, seed, snapshot and source a DatasetDefinition named `database.schema.alias` with its columns.
 * A job's `extra` keeps the manifest's invocation id, generation time and adapter type, and the node's database,
 * schema and alias: what joins it to the runs the OpenLineage dbt integration reports (shared/lineage/dbt-join.ts).
 */
import type { DatasetRef, JobDefinition, SchemaField } from '../model/records';
import { at, seg, type DocumentImporter, type DocumentOutput } from './document-importer';
import { isObject } from './json-input';

const WRITES = ['model', 'seed', 'snapshot'];
export const DBT_NAMESPACE = 'dbt';

export const dbtManifestImporter: DocumentImporter = {
  kind: 'dbt-manifest',
  importer: 'dbt',
  detect: (value) => schemaOf(value)?.includes('/manifest/') === true,
  run: importManifest,
};

/** The artifact's `metadata.dbt_schema_version` URL, or undefined. */
export function schemaOf(value: unknown): string | undefined {
  if (!isObject(value) || !isObject(value.metadata)) return undefined;
  const v = value.metadata.dbt_schema_version;
  return typeof v === 'string' ? v : undefined;
}

type Node = Record<string, unknown>;

function importManifest(value: unknown, out: DocumentOutput): void {
  const manifest = value as Record<string, unknown>;
  const nodes = isObject(manifest.nodes) ? manifest.nodes : {};
  const sources = isObject(manifest.sources) ? manifest.sources : {};
  const relations = new Map<string, DatasetRef>();
  for (const [id, node] of [...Object.entries(nodes), ...Object.entries(sources)]) {
    if (isObject(node) && (WRITES.includes(String(node.resource_type)) || node.resource_type === 'source')) {
      const ref = relationOf(node);
      if (ref) relations.set(id, ref);
    }
  }
  const version = schemaOf(value)?.replace(/^.*\/(v\d+)\.json$/, '$1');
  const context = { ...manifestContext(manifest.metadata), ...(version && { manifestVersion: version }) };
  for (const [id, node] of Object.entries(sources)) {
    if (!isObject(node)) continue;
    datasetOf(out, node, id, `/sources${seg(id)}`, relations, 'dbt-source');
  }
  for (const [id, node] of Object.entries(nodes)) {
    const pointer = `/nodes${seg(id)}`;
    if (!isObject(node)) {
      out.reject({ pointer }, 'a dbt node must be an object');
      continue;
    }
    const type = String(node.resource_type ?? '');
    if (type === '' || typeof node.unique_id !== 'string') {
      out.reject({ pointer }, 'a dbt node needs "resource_type" and "unique_id"');
      continue;
    }
    if (WRITES.includes(type)) datasetOf(out, node, id, pointer, relations, `dbt-${type}`);
    out.record(jobOf(out, node, id, type, pointer, relations, context));
  }
}

/**
 * What the dbt join (shared/lineage/dbt-join.ts) needs of the manifest as a whole: the invocation that wrote it (the
 * OpenLineage dbt integration's `dbt_run` run facet names the same id), when, and the adapter (the scheme of the
 * dataset namespace the integration derives from profiles.yml).
 */
function manifestContext(metadata: unknown): Readonly<Record<string, string>> {
  const m = isObject(metadata) ? metadata : {};
  const context: Record<string, string> = {};
  const keys = { invocation_id: 'invocationId', generated_at: 'generatedAt', adapter_type: 'adapterType' };
  for (const [key, name] of Object.entries(keys)) {
    const v = m[key];
    if (typeof v === 'string' && v !== '') context[name] = v;
  }
  return context;
}

function relationOf(node: Node): DatasetRef | undefined {
  const name = node.alias ?? node.identifier ?? node.name;
  const parts = [node.database, node.schema, name].filter((p) => typeof p === 'string' && p !== '');
  return parts.length > 0 ? { namespace: DBT_NAMESPACE, name: parts.join('.') } : undefined;
}

function datasetOf(
  out: DocumentOutput,
  node: Node,
  id: string,
  pointer: string,
  relations: Map<string, DatasetRef>,
  origin: string,
): void {
  const dataset = relations.get(id);
  if (!dataset) return out.warn({ pointer }, `${id} names no database, schema or alias; no dataset made`);
  const description = typeof node.description === 'string' && node.description !== '' ? node.description : undefined;
  out.record({
    kind: 'dataset',
    dataset,
    origin,
    uniqueId: id,
    fields: columnsOf(node.columns),
    ...(description && { description }),
    provenance: at(out, pointer),
  });
}

/** The node's database, schema and alias as the manifest names them (how the OpenLineage integration names it). */
function relationParts(node: Node): Readonly<Record<string, string>> {
  const parts: Record<string, string> = {};
  for (const key of ['database', 'schema', 'alias'] as const) {
    const v = key === 'alias' ? (node.alias ?? node.name) : node[key];
    if (typeof v === 'string' && v !== '') parts[key] = v;
  }
  return parts;
}

/** dbt `columns` (`{name: {name, data_type, description}}`) or catalog columns (`{name: {type, index}}`). */
export function columnsOf(columns: unknown): ReadonlyArray<SchemaField> {
  if (!isObject(columns)) return [];
  const fields: SchemaField[] = [];
  for (const [key, c] of Object.entries(columns)) {
    if (!isObject(c)) continue;
    const type = typeof c.data_type === 'string' ? c.data_type : typeof c.type === 'string' ? c.type : undefined;
    const description = typeof c.description === 'string' && c.description !== '' ? c.description : undefined;
    fields.push({
      name: typeof c.name === 'string' ? c.name : key,
      ...(type && { type }),
      ...(description && { description }),
    });
  }
  return fields;
}

function jobOf(
  out: DocumentOutput,
  node: Node,
  id: string,
  type: string,
  pointer: string,
  relations: Map<string, DatasetRef>,
  context: Readonly<Record<string, string>>,
): JobDefinition {
  const dependsOn = isObject(node.depends_on) && Array.isArray(node.depends_on.nodes) ? node.depends_on.nodes : [];
  const deps = dependsOn.filter((d): d is string => typeof d === 'string');
  const inputs = deps.map((d) => relations.get(d)).filter((d): d is DatasetRef => d !== undefined);
  const output = WRITES.includes(type) ? relations.get(id) : undefined;
  const checksum = isObject(node.checksum) ? node.checksum : undefined;
  const compiled = node.compiled_code ?? node.compiled_sql;
  const raw = node.raw_code ?? node.raw_sql;
  const language = typeof node.language === 'string' ? node.language : 'sql';
  const text = typeof compiled === 'string' && compiled !== '' ? compiled : typeof raw === 'string' ? raw : undefined;
  const config = isObject(node.config) ? node.config : {};
  const description = typeof node.description === 'string' && node.description !== '' ? node.description : undefined;
  return {
    kind: 'job',
    job: { namespace: DBT_NAMESPACE, name: id },
    jobType: type,
    tool: 'dbt',
    ...(typeof node.original_file_path === 'string' && { codePath: node.original_file_path }),
    // Tests and other file-less nodes carry `{"name": "none", "checksum": ""}`: no checksum.
    ...(checksum &&
      typeof checksum.checksum === 'string' &&
      checksum.checksum !== '' &&
      checksum.name !== 'none' && {
        checksum: `${String(checksum.name ?? 'sha256')}:${checksum.checksum}`,
      }),
    ...(text !== undefined && text !== '' && { code: { language, text, compiled: text === compiled } }),
    dependsOn: deps,
    inputs,
    outputs: output ? [output] : [],
    ...(description && { description }),
    extra: {
      ...(typeof config.materialized === 'string' && { materialized: config.materialized }),
      ...(typeof node.package_name === 'string' && { package: node.package_name }),
      ...context,
      ...relationParts(node),
    },
    provenance: at(out, pointer),
  };
}
