/**
 * OpenLineage RunEvents (START and COMPLETE per run) for the planned runs: `sourceCodeLocation` names the
 * repository, the job's file and the commit deployed to production; outputs carry `schema`,
 * `columnLineage` and `version` facets; inputs carry the version of the upstream output they read.
 */
import type { RunRecord } from './runs';
import { formatUtc, formatWithOffset } from './time';
import { JOB_NAMESPACE, REPOSITORY, SCHEDULER_OFFSET_MINUTES } from './world';

export const RUN_EVENT_SCHEMA = 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent';
const FACETS = 'https://openlineage.io/spec/facets';
const SCHEMAS = {
  sourceCodeLocation: `${FACETS}/1-1-0/SourceCodeLocationJobFacet.json#/$defs/SourceCodeLocationJobFacet`,
  jobType: `${FACETS}/2-0-4/JobTypeJobFacet.json#/$defs/JobTypeJobFacet`,
  documentation: `${FACETS}/1-1-0/DocumentationJobFacet.json#/$defs/DocumentationJobFacet`,
  nominalTime: `${FACETS}/1-0-1/NominalTimeRunFacet.json#/$defs/NominalTimeRunFacet`,
  schema: `${FACETS}/1-2-0/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet`,
  columnLineage: `${FACETS}/1-2-0/ColumnLineageDatasetFacet.json#/$defs/ColumnLineageDatasetFacet`,
  version: `${FACETS}/1-0-1/DatasetVersionDatasetFacet.json#/$defs/DatasetVersionDatasetFacet`,
  outputStatistics: `${FACETS}/1-0-2/OutputStatisticsOutputDatasetFacet.json#/$defs/OutputStatisticsOutputDatasetFacet`,
};

type Json = Record<string, unknown>;

function facet(producer: string, schemaURL: string, body: Json): Json {
  return { _producer: producer, _schemaURL: schemaURL, ...body };
}

function jobFacets(run: RunRecord, sha: string | undefined, withDocs: boolean): Json {
  const p = run.job.producer;
  return {
    jobType: facet(p, SCHEMAS.jobType, {
      processingType: 'BATCH',
      integration: run.job.integration,
      jobType: run.job.jobType,
    }),
    ...(sha === undefined
      ? {}
      : {
          sourceCodeLocation: facet(p, SCHEMAS.sourceCodeLocation, {
            type: 'git',
            url: REPOSITORY.url,
            path: run.job.path,
            version: sha,
          }),
        }),
    ...(withDocs ? { documentation: facet(p, SCHEMAS.documentation, { description: run.job.description }) } : {}),
  };
}

function event(run: RunRecord, sha: string | undefined, complete: boolean): Json {
  const p = run.job.producer;
  const inputs = run.inputs.map((i) => ({
    namespace: i.dataset.namespace,
    name: i.dataset.name,
    ...(i.version ? { facets: { version: facet(p, SCHEMAS.version, { datasetVersion: i.version }) } } : {}),
  }));
  const out = run.job.output;
  const fields = run.code.fields();
  const output = complete
    ? {
        namespace: out.namespace,
        name: out.name,
        facets: {
          schema: facet(p, SCHEMAS.schema, {
            fields: fields.map((f) => ({
              name: f.name,
              type: f.type,
              ...(f.description ? { description: f.description } : {}),
            })),
          }),
          columnLineage: facet(p, SCHEMAS.columnLineage, {
            fields: Object.fromEntries(
              fields
                .filter((f) => f.inputs.length > 0)
                .map((f) => [
                  f.name,
                  {
                    inputFields: f.inputs.map((i) => ({
                      namespace: i.namespace,
                      name: i.name,
                      field: i.field,
                      transformations: [{ type: i.type, subtype: i.subtype }],
                    })),
                  },
                ]),
            ),
          }),
          version: facet(p, SCHEMAS.version, { datasetVersion: run.outputVersion }),
        },
        outputFacets: { outputStatistics: facet(p, SCHEMAS.outputStatistics, { rowCount: run.rowCount }) },
      }
    : { namespace: out.namespace, name: out.name };
  return {
    eventType: complete ? 'COMPLETE' : 'START',
    eventTime: formatWithOffset(complete ? run.endMs : run.startMs, SCHEDULER_OFFSET_MINUTES, true),
    run: {
      runId: run.runId,
      facets: {
        nominalTime: facet(p, SCHEMAS.nominalTime, { nominalStartTime: formatUtc(run.nominalMs) }),
      },
    },
    job: { namespace: JOB_NAMESPACE, name: run.job.name, facets: jobFacets(run, sha, !complete) },
    inputs,
    outputs: [output],
    producer: p,
    schemaURL: RUN_EVENT_SCHEMA,
  };
}

/**
 * Two NDJSON lines per run, in time order; `shaOf` names the deployed commit. Runs of `untracked` jobs (by key)
 * carry no `sourceCodeLocation`.
 */
export function* lineageLines(
  runs: ReadonlyArray<RunRecord>,
  shaOf: (mark: number) => string,
  untracked: ReadonlyArray<string> = [],
): Generator<string> {
  for (const run of runs) {
    const sha = untracked.includes(run.job.key) ? undefined : shaOf(run.deployment.commitMark);
    yield JSON.stringify(event(run, sha, false));
    yield JSON.stringify(event(run, sha, true));
  }
}
