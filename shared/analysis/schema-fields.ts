/**
 * The field names a job's runs recorded for the datasets they read and wrote (OpenLineage `schema` facets): where no
 * column-level lineage says which fields a change reaches, a changed line that names one of them computes a field of
 * the job's data, not a setting of how the job runs.
 */
import { lineageModel } from '../lineage/lineage-model';
import type { EvidenceSet } from '../model/evidence-set';

const memo = new WeakMap<EvidenceSet, Map<string, ReadonlyArray<string>>>();

export function jobSchemaFields(set: EvidenceSet, jobId: string): ReadonlyArray<string> {
  let byJob = memo.get(set);
  if (!byJob) memo.set(set, (byJob = new Map()));
  let fields = byJob.get(jobId);
  if (!fields) {
    const names = new Set<string>();
    for (const run of lineageModel(set).runsOfJob(jobId))
      for (const d of [...run.inputs, ...run.outputs]) for (const f of d.fields ?? []) names.add(f.name);
    byJob.set(jobId, (fields = [...names]));
  }
  return fields;
}
