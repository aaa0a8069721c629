/**
 * OpenLineage RunEvents (spec 2-0-2) for the simulated runs: START and COMPLETE (or FAIL) per run, job facets
 * `jobType`, `sourceCodeLocation` (with or without `version`, or none at all), `sql`/`sourceCode` sometimes;
 * dataset facets `schema`, `version`, `columnLineage`, `outputStatistics`. Staging runs are told apart by their
 * job namespace or by an `environmentVariables` run facet, or are not logged at all (the world's plan says which).
 */
import { columnLineage, dsName } from './column-lineage.js';
import type { Rng } from './prng.js';
import type { Run } from './runs.js';
import type { Sim } from './sim.js';
import { iso } from './time.js';
import type { Dataset, Job } from './types.js';

const SPEC = 'https://openlineage.io/spec';
const FACET = (name: string, version: string) => `${SPEC}/facets/${version}/${name}.json#/$defs/${name}`;
const PRODUCERS: Record<Job['integration'], string> = {
  DBT: 'https://github.com/OpenLineage/OpenLineage/tree/1.24.2/integration/dbt',
  AIRFLOW: 'https://github.com/apache/airflow/tree/providers-openlineage/1.14.0',
  SPARK: 'https://github.com/OpenLineage/OpenLineage/tree/1.24.2/integration/spark',
  FIVETRAN: 'https://github.com/fivetran/openlineage-emitter/tree/v0.4.1',
};

export function runEvents(sim: Sim, rng: Rng, runs: ReadonlyArray<Run>): Array<{ time: number; line: string }> {
  const { plan } = sim;
  const sqlFacets = rng.chance(0.3);
  const out: Array<{ time: number; line: string }> = [];
  for (const run of runs) {
    if (run.env === 'staging' && plan.runEnvironment === 'production-only') continue;
    const job = jobOf(sim, run, sqlFacets);
    const producer = PRODUCERS[run.job.integration];
    const runFacets: Record<string, unknown> = {
      nominalTime: {
        _producer: producer,
        _schemaURL: FACET('NominalTimeRunFacet', '1-0-1'),
        nominalStartTime: iso(run.start - (run.start % (15 * 60_000)), 0, true),
      },
    };
    if (run.parentRunId) {
      runFacets.parent = {
        _producer: producer,
        _schemaURL: FACET('ParentRunFacet', '1-2-0'),
        run: { runId: run.parentRunId },
        job: { namespace: job.namespace, name: 'customer_360_daily' },
      };
    }
    if (plan.runEnvironment === 'facet') {
      runFacets.environmentVariables = {
        _producer: producer,
        _schemaURL: FACET('EnvironmentVariablesRunFacet', '1-0-0'),
        environmentVariables: [{ name: 'DEPLOY_ENV', value: run.env }],
      };
    }
    const base = { producer, schemaURL: `${SPEC}/2-0-2/OpenLineage.json#/$defs/RunEvent` };
    const names = (ds: ReadonlyArray<Dataset>) => ds.map((d) => dsName(d, run.env));
    out.push({
      time: run.start,
      line: JSON.stringify({
        eventType: 'START',
        eventTime: iso(run.start, 0, true),
        ...base,
        run: { runId: run.runId, facets: runFacets },
        job,
        inputs: names(run.job.inputs),
        outputs: names([run.job.output]),
      }),
    });
    if (run.status === 'FAIL') {
      const error = {
        _producer: producer,
        _schemaURL: FACET('ErrorMessageRunFacet', '1-0-1'),
        message: rng.pick(['Query timed out after 3600s', 'Warehouse unavailable', 'Out of memory on executor 3']),
        programmingLanguage: run.job.lang === 'python' ? 'PYTHON' : 'SQL',
      };
      out.push({
        time: run.end,
        line: JSON.stringify({
          eventType: 'FAIL',
          eventTime: iso(run.end, 0, true),
          ...base,
          run: { runId: run.runId, facets: { errorMessage: error } },
          job,
          inputs: names(run.job.inputs),
          outputs: [],
        }),
      });
      continue;
    }
    const inputs = run.inputs.map((i) => {
      const facets: Record<string, unknown> = {};
      if (i.version) facets.schema = schemaFacet(producer, i.version.fields);
      if (i.version && plan.versionFacets)
        facets.version = {
          _producer: producer,
          _schemaURL: FACET('DatasetVersionDatasetFacet', '1-0-1'),
          datasetVersion: i.version.id,
        };
      return { ...dsName(i.dataset, run.env), facets };
    });
    const v = run.output!;
    const facets: Record<string, unknown> = { schema: schemaFacet(producer, v.fields) };
    if (plan.versionFacets)
      facets.version = {
        _producer: producer,
        _schemaURL: FACET('DatasetVersionDatasetFacet', '1-0-1'),
        datasetVersion: v.id,
      };
    if (plan.columnLineage) facets.columnLineage = columnLineage(producer, run);
    const output = {
      ...dsName(v.dataset, run.env),
      facets,
      outputFacets: {
        outputStatistics: {
          _producer: producer,
          _schemaURL: FACET('OutputStatisticsOutputDatasetFacet', '1-0-2'),
          rowCount: rng.int(5_000, 900_000),
        },
      },
    };
    const { sql: _sql, sourceCode: _sourceCode, ...completeFacets } = job.facets;
    const completeJob = { ...job, facets: completeFacets };
    out.push({
      time: run.end,
      line: JSON.stringify({
        eventType: 'COMPLETE',
        eventTime: iso(run.end, 0, true),
        ...base,
        run: { runId: run.runId, facets: runFacets },
        job: completeJob,
        inputs,
        outputs: [output],
      }),
    });
  }
  return out.sort((a, b) => a.time - b.time);
}

function jobOf(
  sim: Sim,
  run: Run,
  sqlFacets: boolean,
): { namespace: string; name: string; facets: Record<string, unknown> } {
  const j = run.job;
  const producer = PRODUCERS[j.integration];
  const facets: Record<string, unknown> = {
    jobType: {
      _producer: producer,
      _schemaURL: FACET('JobTypeJobFacet', '2-0-4'),
      processingType: 'BATCH',
      integration: j.integration,
      jobType: j.integration === 'DBT' ? 'MODEL' : j.integration === 'FIVETRAN' ? 'SYNC' : 'TASK',
    },
  };
  if (j.repo && j.path && j.tracking !== 'none') {
    const repoUrl = `https://github.com/${j.repo.org}/${j.repo.name}`;
    const version = j.tracking === 'version' ? run.commit?.sha : undefined;
    const style = sim.plan.urlStyle;
    const url =
      style === 'repo'
        ? repoUrl
        : style === 'repo-git'
          ? `${repoUrl}.git`
          : `${repoUrl}/blob/${version ?? j.repo.defaultBranch}/${j.path}`;
    facets.sourceCodeLocation = {
      _producer: producer,
      _schemaURL: FACET('SourceCodeLocationJobFacet', '1-1-0'),
      type: 'git',
      url,
      ...(style === 'blob' && { repoUrl: `${repoUrl}.git` }),
      path: j.path,
      ...(version && { version }),
    };
  }
  const untrackedShown =
    sim.cause?.kind === 'untracked-change' && sim.cause.variant === 'sql-facet' && sim.cause.job === j;
  if (run.code !== undefined && (untrackedShown || (sqlFacets && j.tracking !== 'none'))) {
    if (j.lang === 'sql')
      facets.sql = {
        _producer: producer,
        _schemaURL: FACET('SQLJobFacet', '1-1-0'),
        query: run.code,
        dialect: 'snowflake',
      };
    else
      facets.sourceCode = {
        _producer: producer,
        _schemaURL: FACET('SourceCodeJobFacet', '1-0-1'),
        language: j.lang === 'python' ? 'python' : 'yaml',
        sourceCode: run.code,
      };
  }
  const ns = run.env === 'staging' ? j.stagingNamespace : j.namespace;
  return { namespace: ns, name: j.name, facets };
}

function schemaFacet(producer: string, fields: ReadonlyArray<{ name: string; type: string }>) {
  return {
    _producer: producer,
    _schemaURL: FACET('SchemaDatasetFacet', '1-2-0'),
    fields: fields.map((f) => ({ name: f.name, type: f.type })),
  };
}
