/**
 * Says in words what an unrecognized input looked like, naming well-known formats the app does
 * not import yet, so the rejection tells the user what they gave and what is accepted — and decides which
 * unrecognized inputs are not evidence at all, to be skipped rather than rejected.
 *
 * Skipped (nothing lost: no importer could ever make records of it, with or without a column mapping):
 * - an empty file (only whitespace);
 * - text that is not JSON and not a YAML document of a kind imported (README-like Markdown, `dbt_project.yml`, a
 *   Feast `feature_store.yaml`, …): the app reads JSON, JSON lines, CSV, YAML documents and Git; other text is
 *   documentation or configuration. A CSV never gets here (it is read by the CSV importer and needs a mapping);
 * - a JSON Schema (`$schema` with `$defs`, `definitions` or `properties`): it describes a format, it holds no
 *   events. A tracking plan written as a JSON Schema is recognized by its importer before this;
 * - a single OpenLineage facet (one key whose object carries `_producer`/`_schemaURL`, or a known facet name):
 *   a fragment of an event, without a time, run or job to place it;
 * - dbt structured logs (`{"info": {"name": …}, "data": …}` lines): the run's evidence is in its manifest.json
 *   and run_results.json;
 * - the app's own outputs (its `--json` results, case files, bundles' listings, generators' ground truth:
 *   app-outputs.ts). Code, configuration and documentation files are skipped before this (source-text.ts).
 * - a JSON number, string, boolean or null as the whole document (an Iceberg `version-hint.text`, say);
 * - JSON records of fields no importer knows, none of which could be a record's time (API responses, package
 *   manifests, settings: record-table.ts, applied by auto-import.ts after this);
 * - binary files of a known format (images, archives, Parquet, Avro, …: binary-formats.ts, before this).
 * Rejected (could be evidence): other binary data, JSON that does not parse (a truncated export), JSON records
 * with fields no importer knows but one that could be a time (an export in a format not supported yet: keep the
 * reason), and every record an importer could not read.
 */
import { appOutputLinesOf, appOutputOf } from './app-outputs';
import { feastMetadataNotEvidence } from './feast-registry-importer';
import { eachLine, isObject, type JsonInput } from './json-input';
import { clip } from './timestamps';

/** The kinds of input the importers accept, for messages. */
export const ACCEPTED_KINDS =
  'OpenLineage events (RunEvent/DatasetEvent/JobEvent as JSON, a JSON array, NDJSON or Marquez {"events": […]} pages), ' +
  'dbt manifest.json, run_results.json and catalog.json, decision log JSONL, deployment JSONL or GitHub deployments, ' +
  "audit logs (the app's JSONL, AWS CloudTrail, GCP Cloud Audit Logs, GitHub audit log, RudderStack Audit Logs API " +
  'pages), enforcement log JSONL or ' +
  'RudderStack events with violationErrors, GitHub pull requests JSON (or GitLab merge requests), tracking plans ' +
  '(rudder-cli YAML, Segment Protocols JSON, JSON Schema), RudderStack Profiles YAML, Feast registries (JSON), ' +
  'identity graphs (RudderStack Profiles ID graph, Segment Profiles Sync id_graph_updates and ' +
  'external_id_mapping_updates, as CSV or JSON lines), and Git history from a repository';

/**
 * Why an input is not evidence (to skip it, nothing lost), or undefined when it could be evidence and an
 * unrecognized one is rejected. See the file's comment for what is skipped.
 */
export function notEvidence(input: JsonInput): string | undefined {
  switch (input.shape) {
    case 'empty':
      return 'an empty file';
    case 'text':
      return describeInput(input);
    case 'lines':
      if (input.sample.length === 1) return documentNotEvidence(input.sample[0]);
      return appOutputLinesOf(input.sample[0]) ?? structuredLogs(input.sample.filter(isObject), 'JSON lines');
    case 'document':
      return documentNotEvidence(input.value);
    default:
      return undefined;
  }
}

function documentNotEvidence(value: unknown): string | undefined {
  const own = appOutputOf(value);
  if (own) return own;
  if (Array.isArray(value)) return structuredLogs(value.slice(0, 20).filter(isObject), 'a JSON array');
  if (!isObject(value)) return `${describeDocument(value)}, not evidence`;
  if (isJsonSchema(value)) return JSON_SCHEMA;
  if (isSingleFacet(value)) return SINGLE_FACET;
  return feastMetadataNotEvidence(value) ?? structuredLogs([value], 'a JSON object');
}

const JSON_SCHEMA = 'a JSON Schema of a format, not data';
const SINGLE_FACET = 'a single OpenLineage facet, not an event';
const FACET_KEYS = ['columnLineage', 'schema', 'sourceCodeLocation', 'sql', 'sourceCode'];

function isJsonSchema(value: Record<string, unknown>): boolean {
  return (
    typeof value.$schema === 'string' &&
    (isObject(value.$defs) || isObject(value.definitions) || isObject(value.properties))
  );
}

function isSingleFacet(value: Record<string, unknown>): boolean {
  if (isBareFacet(value)) return true;
  const keys = Object.keys(value);
  const only = keys.length === 1 ? value[keys[0] ?? ''] : undefined;
  if (!isObject(only)) return false;
  return (
    FACET_KEYS.includes(keys[0] ?? '') || typeof only._producer === 'string' || typeof only._schemaURL === 'string'
  );
}

/** A facet written as the whole document: `_producer` and `_schemaURL` at the top, and no event's run, job or time. */
function isBareFacet(value: Record<string, unknown>): boolean {
  const event = ['eventTime', 'eventType', 'run', 'job', 'dataset'].some((k) => k in value);
  return !event && typeof value._producer === 'string' && typeof value._schemaURL === 'string';
}

function structuredLogs(objects: ReadonlyArray<Record<string, unknown>>, container: string): string | undefined {
  const first = objects[0];
  if (!first || !isObject(first.info) || !isObject(first.data) || typeof first.info.name !== 'string') return undefined;
  return `dbt structured logs (${container}), not an evidence format: import the run's manifest.json and run_results.json`;
}

/** A short description of what the input looks like. */
export function describeInput(input: JsonInput): string {
  switch (input.shape) {
    case 'empty':
      return 'an empty file';
    case 'binary':
      return 'binary data, not text';
    case 'text': {
      const first = eachLine(input.text).next().value?.text ?? '';
      return `text that is not JSON (first line: "${clip(first.trim())}")`;
    }
    case 'invalid-json':
      return `JSON that does not parse (${input.reason}${input.line ? `, line ${input.line}` : ''})`;
    case 'lines':
      if (input.sample.length === 1) return describeDocument(input.sample[0]);
      return describeRecords(input.sample.filter(isObject), 'JSON lines');
    case 'document':
      return describeDocument(input.value);
  }
}

function describeDocument(value: unknown): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return 'an empty JSON array';
    const objects = value.slice(0, 20).filter(isObject);
    return objects.length > 0 ? describeRecords(objects, 'a JSON array') : `a JSON array of ${typeof value[0]}s`;
  }
  if (!isObject(value)) return `a JSON ${value === null ? 'null' : typeof value}`;
  if (isObject(value.metadata) && typeof value.metadata.dbt_schema_version === 'string') {
    return `a dbt artifact of a kind not imported (${value.metadata.dbt_schema_version})`;
  }
  if (isJsonSchema(value)) return JSON_SCHEMA;
  if (isSingleFacet(value)) return SINGLE_FACET;
  return describeRecords([value], 'a JSON object');
}

function describeRecords(objects: ReadonlyArray<Record<string, unknown>>, container: string): string {
  const first = objects[0];
  if (!first) return `${container} without objects`;
  const logs = structuredLogs(objects, container);
  if (logs) return logs;
  const keys = Object.keys(first).slice(0, 8).join(', ');
  return `${container} whose records have the fields ${keys || '(none)'}`;
}
