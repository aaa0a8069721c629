/**
 * Static lineage gathered from the OpenLineage events of one file that cannot be runs placed in time (JobEvents,
 * DatasetEvents, and RunEvents whose time or run id is missing or a placeholder): one `job` record per job and one
 * `dataset` record per dataset, however many events name them.
 *
 * Merge rule (deterministic, file order): a record's provenance is the first event that named it; its facets are
 * the union over every event; a facet seen again with a different value takes the later value, and `facetEvidence`
 * names the event each kept facet came from (an identical repeat keeps the first). Code, code path, description,
 * schema fields and column lineage are read from the merged facets; inputs and outputs are the union in order.
 */
import type { DatasetDefinition, DatasetRef, JobDefinition, Provenance, RunDataset } from '../model/records';
import { isObject } from './json-input';
import { columnLineageEntries, datasetDependencies, schemaFields } from './openlineage-datasets';
import { documentationOf, jobCode, sourceCodeLocation } from './openlineage-job-facets';
import { isPlaceholder } from './openlineage-placeholders';

/** The `tool` of the jobs and the `origin` of the datasets made here. */
export const STATIC_OPENLINEAGE = 'openlineage';

type Facets = Readonly<Record<string, unknown>>;

/** A job as one event shows it. */
export interface JobSighting {
  readonly job: DatasetRef;
  readonly jobFacets?: Facets;
  readonly runFacets?: Facets;
  readonly inputs: ReadonlyArray<DatasetRef>;
  readonly outputs: ReadonlyArray<DatasetRef>;
  readonly eventType?: string;
  /** The event's time when it has a readable one (a JobEvent's). */
  readonly eventTime?: string;
  readonly producer?: string;
}

/** Facets merged across events, each with the event it came from. */
class FacetSet {
  readonly values: Record<string, unknown> = {};
  readonly evidence: Record<string, Provenance> = {};
  private readonly texts = new Map<string, string>();

  add(facets: Facets | undefined, provenance: Provenance): void {
    if (!facets) return;
    for (const [name, value] of Object.entries(facets)) {
      const text = JSON.stringify(value);
      if (this.texts.get(name) === text) continue;
      this.texts.set(name, text);
      this.values[name] = value;
      this.evidence[name] = provenance;
    }
  }

  get size(): number {
    return this.texts.size;
  }
}

interface GatheredJob {
  readonly job: DatasetRef;
  readonly provenance: Provenance;
  readonly facets: FacetSet;
  readonly runFacets: FacetSet;
  readonly inputs: Map<string, DatasetRef>;
  readonly outputs: Map<string, DatasetRef>;
  readonly eventTypes: Set<string>;
  readonly producers: Set<string>;
  events: number;
  declaredAt?: string;
}

interface GatheredDataset {
  readonly dataset: DatasetRef;
  readonly provenance: Provenance;
  readonly facets: FacetSet;
  events: number;
}

const idOf = (ref: DatasetRef) => `${ref.namespace}:${ref.name}`;
const refOf = (ref: DatasetRef): DatasetRef => ({ namespace: ref.namespace, name: ref.name });

/** The static jobs and datasets of one file, merged as events arrive. */
export class StaticLineage {
  private readonly jobs = new Map<string, GatheredJob>();
  private readonly datasets = new Map<string, GatheredDataset>();

  /** Adds what one event says about a job (its facets, run facets, inputs and outputs). */
  addJob(sighting: JobSighting, provenance: Provenance): void {
    const id = idOf(sighting.job);
    let g = this.jobs.get(id);
    if (!g) {
      g = {
        job: refOf(sighting.job),
        provenance,
        facets: new FacetSet(),
        runFacets: new FacetSet(),
        inputs: new Map(),
        outputs: new Map(),
        eventTypes: new Set(),
        producers: new Set(),
        events: 0,
      };
      this.jobs.set(id, g);
    }
    g.events += 1;
    g.facets.add(sighting.jobFacets, provenance);
    g.runFacets.add(sighting.runFacets, provenance);
    for (const d of sighting.inputs) g.inputs.set(idOf(d), refOf(d));
    for (const d of sighting.outputs) g.outputs.set(idOf(d), refOf(d));
    if (sighting.eventType) g.eventTypes.add(sighting.eventType);
    if (sighting.producer) g.producers.add(sighting.producer);
    if (sighting.eventTime && (!g.declaredAt || sighting.eventTime > g.declaredAt)) g.declaredAt = sighting.eventTime;
  }

  /** Adds what one event says about a dataset (its facets, input and output facets merged). */
  addDataset(dataset: RunDataset, provenance: Provenance): void {
    const id = idOf(dataset);
    let g = this.datasets.get(id);
    if (!g) {
      g = { dataset: refOf(dataset), provenance, facets: new FacetSet(), events: 0 };
      this.datasets.set(id, g);
    }
    g.events += 1;
    g.facets.add(dataset.facets, provenance);
  }

  /** The merged records: jobs, then datasets, each in the order the file first named them. */
  records(): Array<JobDefinition | DatasetDefinition> {
    return [...[...this.jobs.values()].map(jobRecord), ...[...this.datasets.values()].map(datasetRecord)];
  }
}

function jobRecord(g: GatheredJob): JobDefinition {
  const facets = g.facets.values;
  const code = jobCode(facets);
  const location = sourceCodeLocation(facets.sourceCodeLocation);
  const jobType = isObject(facets.jobType) && typeof facets.jobType.jobType === 'string' ? facets.jobType.jobType : '';
  const description = documentationOf(facets);
  const parent = parentJob(g.runFacets.values.parent);
  return {
    kind: 'job',
    job: g.job,
    jobType: jobType || 'job',
    tool: STATIC_OPENLINEAGE,
    ...(location?.path !== undefined && { codePath: location.path }),
    ...(code && {
      code: { ...(code.language && { language: code.language }), text: code.text, compiled: code.facet === 'sql' },
    }),
    dependsOn: [],
    inputs: [...g.inputs.values()],
    outputs: [...g.outputs.values()],
    ...(description !== undefined && { description }),
    extra: {
      events: g.events,
      eventTypes: [...g.eventTypes],
      ...(g.producers.size > 0 && { producers: [...g.producers] }),
      ...(g.declaredAt !== undefined && { declaredAt: g.declaredAt }),
      ...(location && { sourceCodeLocation: location }),
      ...(parent && { parent }),
      facets,
      facetEvidence: g.facets.evidence,
      ...(g.runFacets.size > 0 && { runFacets: g.runFacets.values, runFacetEvidence: g.runFacets.evidence }),
    },
    provenance: g.provenance,
  };
}

function datasetRecord(g: GatheredDataset): DatasetDefinition {
  const facets = g.facets.values;
  const description = documentationOf(facets);
  const columnLineage = columnLineageEntries(facets.columnLineage)?.map((entry) => ({
    ...entry,
    inputFields: entry.inputFields.filter(named),
  }));
  const dependencies = datasetDependencies(facets.columnLineage)?.filter(named);
  return {
    kind: 'dataset',
    dataset: g.dataset,
    origin: STATIC_OPENLINEAGE,
    fields: schemaFields(facets.schema) ?? [],
    ...(description !== undefined && { description }),
    ...(columnLineage && { columnLineage }),
    ...(dependencies && { datasetDependencies: dependencies }),
    extra: { events: g.events, facets, facetEvidence: g.facets.evidence },
    provenance: g.provenance,
  };
}

/** Whether an input field names its dataset (not a template placeholder). */
const named = (f: DatasetRef) => !isPlaceholder(f.namespace) && !isPlaceholder(f.name);

/** The parent run facet's job (`{namespace, name}`), unless missing or a placeholder. */
function parentJob(facet: unknown): DatasetRef | undefined {
  if (!isObject(facet) || !isObject(facet.job)) return undefined;
  const { namespace, name } = facet.job;
  if (typeof namespace !== 'string' || typeof name !== 'string') return undefined;
  if (namespace === '' || name === '' || isPlaceholder(namespace) || isPlaceholder(name)) return undefined;
  return { namespace, name };
}
