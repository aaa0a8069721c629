/**
 * OpenLineage importer: RunEvents (one object, an array, NDJSON or Marquez `{"events": […]}` pages) become
 * LineageRunEvent records. What cannot be a run placed in time — JobEvents, DatasetEvents, and RunEvents whose
 * time or run id is missing or a placeholder (templates, integration-test expectations) — becomes static `job` and
 * `dataset` records, merged per file (openlineage-static.ts), with a warning per deviating event.
 */
import type {
  DatasetDefinition,
  ImportResult,
  JobDefinition,
  LineageRunEvent,
  Provenance,
  RunDataset,
} from '../model/records';
import { FieldReader } from './field-reader';
import { isObject, readJsonInput, type JsonInput } from './json-input';
import { mapRunDataset } from './openlineage-datasets';
import { describePlaceholder, isPlaceholder } from './openlineage-placeholders';
import { jobCode, sourceCodeLocation } from './openlineage-job-facets';
import { StaticLineage } from './openlineage-static';
import { eventIdentity, mapStaticEvent, type EventLabel } from './openlineage-static-event';
import { eventSchemaFindings, facetProblems, type EventFinding } from './openlineage-validation';
import { runImport, type FileMapper, type ImportSource, type MapOutcome, type RunOptions } from './record-runner';

const EVENT_TYPES = ['START', 'RUNNING', 'COMPLETE', 'ABORT', 'FAIL', 'OTHER'];
const PLACEHOLDER_RUN = 'the run is placed by its time and told apart by its job; no dataset version is named by it';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the OpenLineage importer makes: runs, and static jobs and datasets. */
export type OpenLineageRecord = LineageRunEvent | JobDefinition | DatasetDefinition;

/** Imports OpenLineage events from text. */
export function importOpenLineage(text: string, source: ImportSource): ImportResult {
  return importOpenLineageInput(readJsonInput(text), source);
}

/** How the streaming importer maps one OpenLineage event (per file: static lineage is merged across events). */
export const openLineageMapper: RunOptions<OpenLineageRecord> = {
  importer: 'openlineage',
  detected: 'openlineage',
  wrappers: ['events'],
  recordName: 'an OpenLineage event',
  map: (value, provenance) => mapEvent(value, provenance, undefined),
  perFile: openLineageFile,
};

/** One file's mapper: runs as they come; static jobs and datasets merged and emitted after the last event. */
function openLineageFile(): FileMapper<OpenLineageRecord> {
  const gather = new StaticLineage();
  return {
    map: (value, provenance) => mapEvent(value, provenance, gather),
    end: () => ({ records: gather.records(), warnings: [] }),
  };
}

/** Imports OpenLineage events from an already-read input (the detector reads each file once). */
export function importOpenLineageInput(input: JsonInput, source: ImportSource): ImportResult {
  return runImport(input, source, openLineageMapper).result;
}

function mapEvent(
  value: Record<string, unknown>,
  provenance: Provenance,
  gather: StaticLineage | undefined,
): MapOutcome<LineageRunEvent> {
  const r = new FieldReader(value);
  const schemaURL = typeof value.schemaURL === 'string' ? value.schemaURL : '';
  if (value.run === undefined && !schemaURL.endsWith('RunEvent')) {
    // A run's fields without `run` or `job` (an expectation left them out) are still read as a RunEvent's.
    const runLike = value.eventType !== undefined && (value.inputs !== undefined || value.outputs !== undefined);
    const label = isObject(value.job)
      ? 'JobEvent'
      : isObject(value.dataset)
        ? 'DatasetEvent'
        : runLike
          ? 'RunEvent'
          : '';
    if (!label) return { reason: 'not an OpenLineage event: it has no run, job or dataset' };
    standardWarnings(r, value, label);
    return mapStaticEvent(r, provenance, label, gather);
  }
  const identity = eventIdentity(r, 'RunEvent');
  if (identity.deviations.length > 0 && identity.wrongTypes.length === 0) {
    standardWarnings(r, value, 'RunEvent');
    return mapStaticEvent(r, provenance, 'RunEvent', gather);
  }
  const eventTime = r.requiredTimestamp('eventTime');
  const runId = r.requiredString('run.runId');
  const job = { namespace: r.requiredString('job.namespace'), name: r.requiredString('job.name') };
  const inputs = datasets(r, 'inputs');
  const outputs = datasets(r, 'outputs');
  standardWarnings(r, value, 'RunEvent');
  const placeholder = isPlaceholder(runId);
  if (placeholder) r.warnings.push(`${describePlaceholder('run.runId', runId)}, not a run id: ${PLACEHOLDER_RUN}`);
  else if (runId !== '' && !UUID.test(runId)) r.warnings.push(`run.runId "${runId}" is not a UUID`);
  if (r.problems.length > 0) return { reason: r.problems.join('; '), warnings: r.warnings };
  const jobFacets = isObject(r.get('job.facets')) ? (r.get('job.facets') as Record<string, unknown>) : undefined;
  const runFacets = isObject(r.get('run.facets')) ? (r.get('run.facets') as Record<string, unknown>) : undefined;
  const location = sourceCodeLocation(jobFacets?.sourceCodeLocation);
  const code = jobCode(jobFacets);
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
    ...(code && { code: { ...(code.language && { language: code.language }), text: code.text } }),
    ...(producer !== undefined && { producer }),
    ...(jobFacets && { jobFacets }),
    ...(runFacets && { runFacets }),
    ...(placeholder && { placeholderRunId: true as const }),
    provenance,
  };
  return { record, warnings: r.warnings };
}

/**
 * What the event bends of the spec, by the official schemas (openlineage-validation.ts): the fields the importer
 * reads itself (time, run id, job, dataset names) are named by the reader; the rest by ajv; then each invalid facet.
 */
function standardWarnings(r: FieldReader, value: Readonly<Record<string, unknown>>, label: EventLabel): void {
  if (typeof value.schemaURL !== 'string') r.warnings.push('no "schemaURL" (required by the OpenLineage spec)');
  if (typeof value.producer !== 'string') r.warnings.push('no "producer" (required by the OpenLineage spec)');
  const type = value.eventType;
  if (type === undefined && value.run !== undefined) r.warnings.push('no "eventType"; recorded as OTHER');
  else if (type !== undefined && !EVENT_TYPES.includes(String(type))) {
    r.warnings.push(`unknown eventType ${JSON.stringify(type)} (expected one of ${EVENT_TYPES.join(', ')})`);
  }
  for (const finding of eventSchemaFindings(value, label)) {
    if (!readerNames(finding)) r.warnings.push(`${finding.message} (OpenLineage schema)`);
  }
  r.warnings.push(...facetProblems(value));
}

/** Whether the reader (or the static-event reader) names this finding itself, in its own words. */
function readerNames({ path, keyword }: EventFinding): boolean {
  if (path === 'producer' || path === 'schemaURL') return keyword === 'required';
  return READER_PATHS.test(path);
}
const READER_PATHS =
  /^(eventTime|eventType|run|run\.runId|job|job\.(namespace|name)|inputs|outputs|dataset|((inputs|outputs)\[\d+\]|dataset)(\.(namespace|name))?)$/;

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
