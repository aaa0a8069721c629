/**
 * dbt `run_results.json` and `catalog.json`. A run result becomes a run outcome (a LineageRunEvent of job
 * `dbt:<unique_id>`, COMPLETE/FAIL/ABORT by status, at its last completed timing), with status, message, failures
 * and timing kept in the `dbtRunResult` run facet. A catalog entry becomes a DatasetDefinition with column types.
 */
import type { LineageRunEvent, SchemaField } from '../model/records';
import { columnsOf, DBT_NAMESPACE, schemaOf } from './dbt-manifest-importer';
import { at, seg, type DocumentImporter, type DocumentOutput } from './document-importer';
import { isObject } from './json-input';
import { parseTimestamp } from './timestamps';

const EVENT_TYPE: Readonly<Record<string, string>> = {
  success: 'COMPLETE',
  pass: 'COMPLETE',
  warn: 'COMPLETE',
  error: 'FAIL',
  fail: 'FAIL',
  'runtime error': 'FAIL',
  skipped: 'ABORT',
};

export const dbtRunResultsImporter: DocumentImporter = {
  kind: 'dbt-run-results',
  importer: 'dbt',
  detect: (value) => schemaOf(value)?.includes('/run-results/') === true,
  run: importRunResults,
};

export const dbtCatalogImporter: DocumentImporter = {
  kind: 'dbt-catalog',
  importer: 'dbt',
  detect: (value) => schemaOf(value)?.includes('/catalog/') === true,
  run: importCatalog,
};

function importRunResults(value: unknown, out: DocumentOutput): void {
  const doc = value as Record<string, unknown>;
  const metadata = doc.metadata as Record<string, unknown>;
  const invocation = typeof metadata.invocation_id === 'string' ? metadata.invocation_id : 'unknown-invocation';
  const generated = parseTimestamp(metadata.generated_at);
  const results = Array.isArray(doc.results) ? doc.results : [];
  const producer = typeof metadata.dbt_version === 'string' ? `dbt ${metadata.dbt_version}` : 'dbt';
  results.forEach((result, i) => {
    const pointer = `/results/${i}`;
    if (!isObject(result) || typeof result.unique_id !== 'string') {
      out.reject({ pointer }, 'a run result needs a "unique_id"');
      return;
    }
    const status = String(result.status ?? '');
    const ended = lastCompleted(result.timing) ?? (generated.ok ? generated.iso : undefined);
    if (ended === undefined) {
      out.reject({ pointer }, 'a run result without timing, in a file without metadata.generated_at');
      return;
    }
    if (!(status in EVENT_TYPE)) out.warn({ pointer }, `unknown run status "${status}"; recorded as OTHER`);
    const record: LineageRunEvent = {
      kind: 'lineage-run',
      eventType: EVENT_TYPE[status] ?? 'OTHER',
      eventTime: ended,
      runId: `${invocation}:${result.unique_id}`,
      job: { namespace: DBT_NAMESPACE, name: result.unique_id },
      inputs: [],
      outputs: [],
      producer,
      runFacets: {
        dbtRunResult: {
          status,
          invocationId: invocation,
          ...(result.message !== undefined && { message: result.message }),
          ...(result.failures !== undefined && { failures: result.failures }),
          ...(result.execution_time !== undefined && { executionTime: result.execution_time }),
          ...(result.timing !== undefined && { timing: result.timing }),
          ...(result.adapter_response !== undefined && { adapterResponse: result.adapter_response }),
        },
      },
      provenance: at(out, pointer),
    };
    out.record(record);
  });
}

function lastCompleted(timing: unknown): string | undefined {
  if (!Array.isArray(timing)) return undefined;
  let last: string | undefined;
  for (const t of timing) {
    const parsed = isObject(t) ? parseTimestamp(t.completed_at) : undefined;
    if (parsed?.ok && (last === undefined || parsed.iso > last)) last = parsed.iso;
  }
  return last;
}

function importCatalog(value: unknown, out: DocumentOutput): void {
  const doc = value as Record<string, unknown>;
  for (const group of ['nodes', 'sources'] as const) {
    const entries = isObject(doc[group]) ? (doc[group] as Record<string, unknown>) : {};
    for (const [id, entry] of Object.entries(entries)) {
      const pointer = `/${group}${seg(id)}`;
      const meta = isObject(entry) && isObject(entry.metadata) ? entry.metadata : undefined;
      const parts = meta
        ? [meta.database, meta.schema, meta.name].filter((p) => typeof p === 'string' && p !== '')
        : [];
      if (!isObject(entry) || parts.length === 0) {
        out.reject({ pointer }, 'a catalog entry needs metadata.database, schema or name');
        continue;
      }
      const columns = isObject(entry.columns) ? Object.values(entry.columns).filter(isObject) : [];
      const byIndex = [...columns].sort((a, b) => Number(a.index ?? 0) - Number(b.index ?? 0));
      const fields: ReadonlyArray<SchemaField> = columnsOf(
        Object.fromEntries(byIndex.map((c, k) => [String(c.name ?? k), c])),
      );
      out.record({
        kind: 'dataset',
        dataset: { namespace: DBT_NAMESPACE, name: parts.join('.') },
        origin: 'dbt-catalog',
        uniqueId: id,
        fields,
        provenance: at(out, pointer),
      });
    }
  }
}
