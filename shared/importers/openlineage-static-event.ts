/**
 * OpenLineage events read as static lineage: JobEvents, DatasetEvents, and RunEvents that cannot be a run placed in
 * time because their `eventTime` is missing or a placeholder, or `run.runId` is missing (or that name no job) —
 * integration-test expectations and templates. A placeholder run id beside a real time stays a run placed in time,
 * flagged `placeholderRunId`: never an id (it names no dataset version), its runs told apart by job (run-index.ts). What is readable (the job with its facets, the input and output datasets with
 * theirs) goes to the file's StaticLineage; each deviation is one warning naming the event; an event with nothing
 * readable is rejected naming what is missing. A wrong type stays a rejection, as for a run.
 */
import type { DatasetRef, Provenance, RunDataset } from '../model/records';
import type { FieldReader } from './field-reader';
import { isObject } from './json-input';
import { mapRunDataset } from './openlineage-datasets';
import { describePlaceholder, isPlaceholder, readIdentity, type IdentityRead } from './openlineage-placeholders';
import type { StaticLineage } from './openlineage-static';
import type { MapOutcome } from './record-runner';

export type EventLabel = 'RunEvent' | 'JobEvent' | 'DatasetEvent';

/** How an event's identifying fields read: deviations (missing, placeholder), wrong types, and the job. */
export interface EventIdentity {
  readonly deviations: ReadonlyArray<string>;
  /** Paths whose value has a wrong type: the event is rejected as it would be as a run. */
  readonly wrongTypes: ReadonlyArray<string>;
  /** Whether `eventTime` or `run.runId` deviates: a run that cannot be placed in time. */
  readonly untimed: boolean;
  /** Whether `eventTime` itself reads as a value (a time to parse). */
  readonly hasTime: boolean;
  readonly job?: DatasetRef;
}

/** Reads `eventTime`, `run.runId` (RunEvents) and the job's namespace and name (RunEvents and JobEvents). */
export function eventIdentity(r: FieldReader, label: EventLabel): EventIdentity {
  const reads: Array<[string, IdentityRead]> = [['eventTime', readIdentity(r.get('eventTime'), 'eventTime')]];
  const runId = readIdentity(r.get('run.runId'), 'run.runId');
  // A placeholder run id beside a real time is still a run placed in time (the dbt integration's expectations).
  const timed = reads[0]?.[1].state === 'value';
  if (label === 'RunEvent' && !(timed && runId.state === 'placeholder')) reads.push(['run.runId', runId]);
  if (label !== 'DatasetEvent') {
    reads.push(['job.namespace', readIdentity(r.get('job.namespace'), 'job.namespace')]);
    reads.push(['job.name', readIdentity(r.get('job.name'), 'job.name')]);
  }
  const deviations = reads.flatMap(([, read]) => ('deviation' in read ? [read.deviation] : []));
  const wrongTypes = reads.filter(([, read]) => read.state === 'wrong-type').map(([path]) => path);
  const untimed = reads.some(([path, read]) => path !== 'job.namespace' && path !== 'job.name' && 'deviation' in read);
  const value = (path: string) => reads.find(([p]) => p === path)?.[1];
  const namespace = value('job.namespace');
  const name = value('job.name');
  const job =
    namespace?.state === 'value' && name?.state === 'value'
      ? { namespace: namespace.value, name: name.value }
      : undefined;
  return { deviations, wrongTypes, untimed, hasTime: timed, ...(job && { job }) };
}

/** Maps an event to static lineage (see the module note); without `gather`, a deviating event is rejected. */
export function mapStaticEvent(
  r: FieldReader,
  provenance: Provenance,
  label: EventLabel,
  gather: StaticLineage | undefined,
): MapOutcome<never> {
  const identity = eventIdentity(r, label);
  const prefix = label === 'RunEvent' ? '' : `${label}: `;
  for (const path of identity.wrongTypes) r.requiredString(path);
  const eventTime = identity.hasTime ? r.optionalTimestamp('eventTime') : undefined;
  const notes: string[] = [];
  const datasets =
    label === 'DatasetEvent'
      ? readDatasets(r, [r.get('dataset')], 'dataset', notes)
      : [...readDatasets(r, r.get('inputs'), 'inputs', notes), ...readDatasets(r, r.get('outputs'), 'outputs', notes)];
  if (r.problems.length > 0) return { reason: prefix + r.problems.join('; '), warnings: r.warnings };
  const { job } = identity;
  const datasetIds = new Set(datasets.map((d) => `${d.namespace}:${d.name}`));
  if (!job && datasetIds.size === 0) {
    const none = label === 'DatasetEvent' ? 'no readable dataset' : 'no readable input or output dataset';
    return {
      reason: `${prefix}nothing to import: ${[...identity.deviations, ...notes, none].join('; ')}`,
      warnings: r.warnings,
    };
  }
  if (!gather) {
    if (identity.deviations.length === 0) return { accepted: label, warnings: r.warnings };
    return { reason: `${prefix}${listed(identity.deviations)}: not a run placed in time`, warnings: r.warnings };
  }
  const inputs = label === 'DatasetEvent' ? [] : datasets.filter((d) => d.role === 'inputs');
  const outputs = label === 'DatasetEvent' ? [] : datasets.filter((d) => d.role === 'outputs');
  if (job) {
    const facetsAt = (path: string) => (isObject(r.get(path)) ? (r.get(path) as Record<string, unknown>) : undefined);
    const jobFacets = facetsAt('job.facets');
    const runFacets = facetsAt('run.facets');
    const eventType = typeof r.value.eventType === 'string' ? r.value.eventType : undefined;
    const producer = typeof r.value.producer === 'string' ? r.value.producer : undefined;
    gather.addJob(
      {
        job,
        inputs,
        outputs,
        ...(jobFacets && { jobFacets }),
        ...(runFacets && { runFacets }),
        ...(eventType && { eventType }),
        ...(eventTime && { eventTime }),
        ...(producer && { producer }),
      },
      provenance,
    );
  }
  for (const d of datasets) gather.addDataset(d, provenance);
  const message = importedMessage(label, identity, notes, job !== undefined, datasetIds.size);
  return { accepted: label, warnings: message ? [message, ...r.warnings] : r.warnings };
}

type Role = 'inputs' | 'outputs' | 'dataset';

/** The readable datasets of a list; each unreadable one (no name, a placeholder name) is noted, not fatal. */
function readDatasets(r: FieldReader, list: unknown, role: Role, notes: string[]): Array<RunDataset & { role: Role }> {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) {
    r.problems.push(`field "${role}" must be an array`);
    return [];
  }
  const out: Array<RunDataset & { role: Role }> = [];
  list.forEach((item, i) => {
    const where = role === 'dataset' ? 'dataset' : `${role}[${i}]`;
    const outcome = mapRunDataset(item, where);
    if ('reason' in outcome) return notes.push(outcome.reason);
    const { namespace, name } = outcome.dataset;
    if (isPlaceholder(namespace)) return notes.push(describePlaceholder(`${where}.namespace`, namespace));
    if (isPlaceholder(name)) return notes.push(describePlaceholder(`${where}.name`, name));
    out.push({ ...outcome.dataset, role });
  });
  return out;
}

function importedMessage(
  label: EventLabel,
  identity: EventIdentity,
  notes: ReadonlyArray<string>,
  hasJob: boolean,
  datasets: number,
): string | undefined {
  if (identity.deviations.length === 0 && notes.length === 0) return undefined;
  const them = datasets === 1 ? '1 dataset' : `${datasets} datasets`;
  const alone = datasets === 1 ? 'its dataset was' : `its ${them} were`;
  const what = hasJob ? (datasets > 0 ? `its job and ${them} were` : 'its job was') : alone;
  const skipped = notes.length > 0 ? `; not imported: ${notes.join('; ')}` : '';
  if (identity.deviations.length === 0) return `${what.replace(/^its/, 'Its')} imported${skipped}`;
  const run =
    label !== 'RunEvent' ? '' : identity.untimed ? 'the run is not placed in time; ' : 'the run names no job; ';
  return `${listed(identity.deviations)}: ${run}${what} imported as static lineage${skipped}`;
}

const listed = (items: ReadonlyArray<string>) =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
