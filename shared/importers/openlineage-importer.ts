/**
 * OpenLineage importer: RunEvents (one object, an array, NDJSON or Marquez `{"events": […]}` pages)
 * become LineageRunEvent records; DatasetEvents and JobEvents are accepted and counted.
 */
import type { ImportResult, LineageRunEvent, Provenance, RunDataset, SourceCodeLocation } from '../model/records';
import { FieldReader } from './field-reader';
import { isObject, readJsonInput, type JsonInput } from './json-input';
import { mapRunDataset } from './openlineage-datasets';
import { runImport, type ImportSource, type MapOutcome, type RunOptions } from './record-runner';

const EVENT_TYPES = ['START', 'RUNNING', 'COMPLETE', 'ABORT', 'FAIL', 'OTHER'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOCATION_KEYS = ['type', 'url', 'repoUrl', 'path', 'version', 'tag', 'branch'] as const;

/** Imports OpenLineage events from text. */
export function importOpenLineage(text: string, source: ImportSource): ImportResult {
  return importOpenLineageInput(readJsonInput(text), source);
}

/** How the streaming importer maps one OpenLineage event. */
export const openLineageMapper: RunOptions<LineageRunEvent> = {
  importer: 'openlineage',
  detected: 'openlineage',
  wrappers: ['events'],
  recordName: 'an OpenLineage event',
  map: mapEvent,
  acceptedNote: staticEventsNote,
};

/** Imports OpenLineage events from an already-read input (the detector reads each file once). */
export function importOpenLineageInput(input: JsonInput, source: ImportSource): ImportResult {
  const { result, accepted } = runImport(input, source, openLineageMapper);
  const message = staticEventsNote(accepted);
  if (message === undefined) return result;
  return { ...result, warnings: [...result.warnings, { sourceName: source.name, message }] };
}

/** The file-level note on DatasetEvents and JobEvents, which make no run record. */
function staticEventsNote(accepted: Readonly<Record<string, number>>): string | undefined {
  const staticEvents = Object.entries(accepted).map(([label, n]) => `${n} ${label}${n === 1 ? '' : 's'}`);
  if (staticEvents.length === 0) return undefined;
  return `accepted ${staticEvents.join(' and ')} (static lineage without a run): no run records made from them`;
}

function mapEvent(value: Record<string, unknown>, provenance: Provenance): MapOutcome<LineageRunEvent> {
  const r = new FieldReader(value);
  const schemaURL = typeof value.schemaURL === 'string' ? value.schemaURL : '';
  if (value.run === undefined && !schemaURL.endsWith('RunEvent')) {
    if (isObject(value.job)) return staticEvent(r, 'job', 'JobEvent');
    if (isObject(value.dataset)) return staticEvent(r, 'dataset', 'DatasetEvent');
    return { reason: 'not an OpenLineage event: it has no run, job or dataset' };
  }
  const eventTime = r.requiredTimestamp('eventTime');
  const runId = r.requiredString('run.runId');
  const job = { namespace: r.requiredString('job.namespace'), name: r.requiredString('job.name') };
  const inputs = datasets(r, 'inputs');
  const outputs = datasets(r, 'outputs');
  standardWarnings(r, value);
  if (runId !== '' && !UUID.test(runId)) r.warnings.push(`run.runId "${runId}" is not a UUID`);
  if (r.problems.length > 0) return { reason: r.problems.join('; '), warnings: r.warnings };
  const jobFacets = isObject(r.get('job.facets')) ? (r.get('job.facets') as Record<string, unknown>) : undefined;
  const runFacets = isObject(r.get('run.facets')) ? (r.get('run.facets') as Record<string, unknown>) : undefined;
  const location = sourceCodeLocation(jobFacets?.sourceCodeLocation);
  const code = codeOf(jobFacets);
  const producer = typeof value.producer === 'string' ? value.producer : undefined;
  const eventType = typeof value.eventType === 'string' && value.eventType !== '' ? value.eventType : 'OTHER';
  const record: LineageRunEvent = {
    kind: 'lineage-run',
    eventType,
    eventTime,
    runId,
    job,
    inputs,
    outputs,
    ...(location && { sourceCodeLocation: location }),
    ...(code && { code }),
    ...(producer !== undefined && { producer }),
    ...(jobFacets && { jobFacets }),
    ...(runFacets && { runFacets }),
    provenance,
  };
  return { record, warnings: r.warnings };
}

function staticEvent(r: FieldReader, key: 'job' | 'dataset', label: string): MapOutcome<never> {
  r.requiredTimestamp('eventTime');
  r.requiredString(`${key}.namespace`);
  r.requiredString(`${key}.name`);
  if (key === 'job') {
    datasets(r, 'inputs');
    datasets(r, 'outputs');
  }
  standardWarnings(r, r.value);
  if (r.problems.length > 0) return { reason: `${label}: ${r.problems.join('; ')}`, warnings: r.warnings };
  return { accepted: label, warnings: r.warnings };
}

function standardWarnings(r: FieldReader, value: Readonly<Record<string, unknown>>): void {
  if (typeof value.schemaURL !== 'string') r.warnings.push('no "schemaURL" (required by the OpenLineage spec)');
  if (typeof value.producer !== 'string') r.warnings.push('no "producer" (required by the OpenLineage spec)');
  const type = value.eventType;
  if (type === undefined && value.run !== undefined) r.warnings.push('no "eventType"; recorded as OTHER');
  else if (type !== undefined && !EVENT_TYPES.includes(String(type))) {
    r.warnings.push(`unknown eventType ${JSON.stringify(type)} (expected one of ${EVENT_TYPES.join(', ')})`);
  }
}

function datasets(r: FieldReader, key: 'inputs' | 'outputs'): ReadonlyArray<RunDataset> {
  const list = r.get(key);
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) {
    r.problems.push(`field "${key}" must be an array`);
    return [];
  }
  const out: RunDataset[] = [];
  list.forEach((item, i) => {
    const outcome = mapRunDataset(item, `${key}[${i}]`);
    if ('reason' in outcome) r.problems.push(outcome.reason);
    else out.push(outcome.dataset);
  });
  return out;
}

function sourceCodeLocation(facet: unknown): SourceCodeLocation | undefined {
  if (!isObject(facet)) return undefined;
  const entries = LOCATION_KEYS.filter((k) => typeof facet[k] === 'string' && facet[k] !== '').map((k) => [
    k,
    facet[k] as string,
  ]);
  return entries.length > 0 ? (Object.fromEntries(entries) as SourceCodeLocation) : undefined;
}

/** The code the job ran: the `sourceCode` facet, else the `sql` facet's query. */
function codeOf(facets: Record<string, unknown> | undefined): LineageRunEvent['code'] {
  const sourceCode = facets?.sourceCode;
  if (isObject(sourceCode) && typeof sourceCode.sourceCode === 'string') {
    const language = typeof sourceCode.language === 'string' ? sourceCode.language : undefined;
    return { ...(language && { language }), text: sourceCode.sourceCode };
  }
  const sql = facets?.sql;
  if (isObject(sql) && typeof sql.query === 'string') {
    return { language: 'sql', text: sql.query };
  }
  return undefined;
}
