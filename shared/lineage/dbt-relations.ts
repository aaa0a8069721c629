/**
 * The dataset half of the dbt join (dbt-join.ts): which OpenLineage dataset a manifest relation
 * `dbt:{database}.{schema}.{alias}` is.
 *
 * - By name: a dataset the events name `{database}.{schema}.{alias}` (exactly, else equal but for case: Snowflake
 *   upper-cases) in a namespace whose scheme is the manifest's adapter (`postgres://…` for postgres, `bigquery`).
 *   The host in that namespace comes from profiles.yml, not the manifest: a warning per namespace says the join
 *   rests on names. Two candidates (the same table on two hosts): left apart as ambiguous.
 * - By connection: a relation no event names (a seed or source the integration did not report) is placed in the one
 *   namespace where every other relation of its manifest was found — one dbt invocation reads and writes through
 *   one connection. A manifest whose relations were found in no or several namespaces places none.
 */
import { nodeId } from '../analysis/run-index';
import type { JobDefinition } from '../model/config-records';
import type { EvidenceSet } from '../model/evidence-set';
import type { DatasetRef } from '../model/records';
import { extraOf, namespaceFitsAdapter } from './dbt-naming';

/** A manifest relation and the OpenLineage dataset it is. */
export interface DbtDatasetJoin {
  readonly relation: string;
  readonly dataset: DatasetRef;
  readonly matchedBy: 'name' | 'name but for case' | 'connection';
}

/** An OpenLineage dbt job or a manifest relation left apart, with why. */
export interface DbtUnjoined {
  readonly id: string;
  readonly reason: string;
}

interface Relation {
  readonly ref: DatasetRef;
  adapter?: string;
  /** The manifests (source ids) that declare it. */
  readonly manifests: Set<string>;
}

/** Joins the relations of the manifests' definitions (and of dbt datasets) to the datasets the events name. */
export function joinRelations(
  set: EvidenceSet,
  definitions: ReadonlyArray<JobDefinition>,
  unjoined: DbtUnjoined[],
  warnings: string[],
): DbtDatasetJoin[] {
  const manifestNamespace = definitions[0]?.job.namespace;
  const relations = new Map<string, Relation>();
  const add = (ref: DatasetRef, adapter: string | undefined, manifest?: string) => {
    const r = relations.get(nodeId(ref)) ?? { ref, manifests: new Set<string>() };
    r.adapter ??= adapter;
    if (manifest) r.manifests.add(manifest);
    relations.set(nodeId(ref), r);
  };
  for (const d of definitions) {
    for (const ref of [...d.inputs, ...d.outputs]) add(ref, extraOf(d, 'adapterType'), d.provenance.sourceId);
  }
  for (const d of set.datasets) if (d.dataset.namespace === manifestNamespace) add(d.dataset, undefined);
  const byName = datasetsByName(set, manifestNamespace);
  const joined: DbtDatasetJoin[] = [];
  const found = new Map<string, Set<string>>(); // manifest → namespaces its relations were found in
  const unnamed: Array<[string, Relation]> = [];
  for (const [relation, r] of relations) {
    const alike = byName.get(r.ref.name.toLowerCase()) ?? [];
    const fits = alike.filter((d) => namespaceFitsAdapter(d.namespace, r.adapter));
    const exact = fits.filter((d) => d.name === r.ref.name);
    const candidates = exact.length > 0 ? exact : fits;
    if (candidates.length === 1) {
      const dataset = candidates[0] as DatasetRef;
      joined.push({ relation, dataset, matchedBy: exact.length > 0 ? 'name' : 'name but for case' });
      for (const m of r.manifests) found.set(m, (found.get(m) ?? new Set()).add(dataset.namespace));
    } else if (candidates.length > 1) {
      unjoined.push({ id: relation, reason: `named alike in ${candidates.map(nodeId).join(' and ')}: ambiguous` });
    } else if (alike.length > 0) {
      const other = alike.map(nodeId).join(', ');
      unjoined.push({ id: relation, reason: `${other} is named alike but not on the manifest's adapter ${r.adapter}` });
    } else unnamed.push([relation, r]);
  }
  for (const [relation, r] of unnamed) {
    const spaces = new Set([...r.manifests].flatMap((m) => [...(found.get(m) ?? [])]));
    const single = [...r.manifests].every((m) => found.get(m)?.size === 1) && spaces.size === 1;
    if (r.manifests.size > 0 && single) {
      joined.push({
        relation,
        dataset: { namespace: [...spaces][0] as string, name: r.ref.name },
        matchedBy: 'connection',
      });
    } else {
      unjoined.push({ id: relation, reason: `no OpenLineage event names ${r.ref.name}, nor its manifest's namespace` });
    }
  }
  warnings.push(...namespaceWarnings(joined, relations));
  return joined;
}

/** The datasets the events name (runs, and the static lineage of events not placed in time), by lower-case name. */
function datasetsByName(set: EvidenceSet, manifestNamespace: string | undefined): Map<string, DatasetRef[]> {
  const observed = new Map<string, DatasetRef>();
  const named = [
    ...set.runs.flatMap((e) => [...e.inputs, ...e.outputs]),
    ...set.jobs.filter((j) => j.tool !== 'dbt').flatMap((j) => [...j.inputs, ...j.outputs]),
    ...set.datasets.map((d) => d.dataset),
  ];
  for (const d of named) {
    if (d.namespace !== manifestNamespace) observed.set(nodeId(d), { namespace: d.namespace, name: d.name });
  }
  const byName = new Map<string, DatasetRef[]>();
  for (const d of observed.values()) {
    const key = d.name.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), d]);
  }
  return byName;
}

function namespaceWarnings(joined: ReadonlyArray<DbtDatasetJoin>, relations: ReadonlyMap<string, Relation>): string[] {
  const per = new Map<string, { named: number; placed: number; adapter?: string }>();
  for (const j of joined) {
    const entry = per.get(j.dataset.namespace) ?? { named: 0, placed: 0 };
    if (j.matchedBy === 'connection') entry.placed++;
    else entry.named++;
    entry.adapter ??= relations.get(j.relation)?.adapter;
    per.set(j.dataset.namespace, entry);
  }
  // A namespace that is the adapter's scheme alone (`bigquery`) is derived from the manifest: nothing to warn.
  const derived = ([ns, { adapter }]: [string, { adapter?: string }]) => !ns.includes('://') && adapter !== undefined;
  return [...per]
    .filter((entry) => !derived(entry))
    .map(([ns, { named, placed, adapter }]) => {
      const plural = (n: number) => `${n} ${n === 1 ? 'relation' : 'relations'}`;
      return (
        `dataset namespace "${ns}" is not in any manifest (the dbt integration derives it from profiles.yml): ` +
        `${plural(named)} joined by name` +
        (adapter ? ` on the adapter ${adapter}` : ' only (the manifest names no adapter)') +
        (placed > 0 ? `; ${plural(placed)} no event names placed in it, their manifest's connection` : '')
      );
    });
}
