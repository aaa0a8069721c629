/**
 * Says in words what an unrecognized input looked like, naming well-known formats the app does
 * not import yet, so the rejection tells the user what they gave and what is accepted.
 */
import { eachLine, isObject, type JsonInput } from './json-input';
import { clip } from './timestamps';

/** The kinds of input the importers accept, for messages. */
export const ACCEPTED_KINDS =
  'OpenLineage events (RunEvent/DatasetEvent/JobEvent as JSON, a JSON array, NDJSON or Marquez {"events": […]} pages), ' +
  'dbt manifest.json, run_results.json and catalog.json, decision log JSONL, deployment JSONL or GitHub deployments, ' +
  "audit logs (the app's JSONL, AWS CloudTrail, GCP Cloud Audit Logs, GitHub audit log, RudderStack Audit Logs API " +
  'pages), enforcement log JSONL or ' +
  'RudderStack events with violationErrors, GitHub pull requests JSON (or GitLab merge requests), tracking plans ' +
  '(rudder-cli YAML, Segment Protocols JSON, JSON Schema), RudderStack Profiles YAML, and Git history from a repository';

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
  if (typeof value.$schema === 'string' && isObject(value.$defs)) return 'a JSON Schema of a format, not data';
  const facetKeys = ['columnLineage', 'schema', 'sourceCodeLocation', 'sql', 'sourceCode'];
  if (Object.keys(value).length === 1 && facetKeys.some((k) => isObject(value[k]))) {
    return 'a single OpenLineage facet, not an event';
  }
  return describeRecords([value], 'a JSON object');
}

function describeRecords(objects: ReadonlyArray<Record<string, unknown>>, container: string): string {
  const first = objects[0];
  if (!first) return `${container} without objects`;
  if (isObject(first.info) && isObject(first.data) && typeof first.info.name === 'string') {
    return `dbt structured logs (${container}), not an evidence format: import the run's manifest.json and run_results.json`;
  }
  const keys = Object.keys(first).slice(0, 8).join(', ');
  return `${container} whose records have the fields ${keys || '(none)'}`;
}
