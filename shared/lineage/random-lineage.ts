/**
 * Random versioned lineage for property tests, and brute-force oracles of the as-of queries that read the raw
 * events with linear scans (no index, no binary search). Each run is one COMPLETE or FAIL event at a distinct time.
 * With `declared`, some datasets also have a static OpenLineage job declaring what writes them (no time, no run).
 */
import { toEvidenceSet, type EvidenceSet } from '../model/evidence-set';
import type { Decision, EvidenceRecord, JobDefinition, LineageRunEvent } from '../model/records';

/** A small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const T0 = Date.parse('2026-01-01T00:00:00Z');
export const at = (minute: number) => new Date(T0 + minute * 60_000).toISOString();
const ds = (i: number) => ({ namespace: 'w', name: `d${i}` });

/**
 * A random DAG of datasets, runs of one job per dataset over time, and decisions reading the last datasets; with
 * `declared`, static jobs (drawn from a second generator, so the runs stay those of the seed) declaring some of them.
 */
export function randomLineage(seed: number, options: { readonly declared?: boolean } = {}): EvidenceSet {
  const rnd = prng(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const datasets = 3 + int(6);
  const sources = 1 + int(2);
  const records: EvidenceRecord[] = [];
  const written: Array<Array<string>> = Array.from({ length: datasets }, () => []);
  const minutes = [...new Set(Array.from({ length: 4 + int(30) }, () => 1 + int(500)))].sort((a, b) => a - b);
  minutes.forEach((minute, r) => {
    const out = sources + int(datasets - sources);
    const inputs = [...new Set(Array.from({ length: 1 + int(3) }, () => int(out)))].map((i) => {
      const known = written[i] as string[];
      const recorded =
        rnd() < 0.3 ? (rnd() < 0.8 && known.length ? known[int(known.length)] : `ghost-${r}`) : undefined;
      return { ...ds(i), ...(recorded !== undefined && { version: recorded }) };
    });
    const failed = rnd() < 0.15;
    const name = rnd() < 0.5 ? `v${r}` : undefined;
    const runId = `run-${r}`;
    if (!failed) (written[out] as string[]).push(name ?? runId);
    const event: LineageRunEvent = {
      kind: 'lineage-run',
      eventType: failed ? 'FAIL' : 'COMPLETE',
      eventTime: at(minute),
      runId,
      job: { namespace: 'p', name: `j${out}` },
      inputs,
      outputs: [{ ...ds(out), ...(name !== undefined && { version: name }) }],
      sourceCodeLocation: { type: 'git', path: `j${out}.sql`, version: `c${int(3)}` },
      provenance: { sourceId: 's', line: r + 1 },
    };
    records.push(event);
  });
  for (let k = 0; k < 1 + int(6); k++) {
    const target = datasets - 1 - int(2);
    const known = written[target] as string[];
    const decision: Decision = {
      kind: 'decision',
      decisionId: `dec-${k}`,
      timestamp: at(int(520)),
      model: { name: `m${int(2)}` },
      features: [
        {
          name: `f${int(2)}`,
          dataset: ds(target),
          field: 'x',
          ...(rnd() < 0.5 && known.length ? { datasetVersion: known[int(known.length)] } : {}),
        },
      ],
      provenance: { sourceId: 'd', line: k + 1 },
    };
    records.push(decision);
  }
  if (options.declared) records.push(...staticJobs(seed, datasets));
  return toEvidenceSet(records);
}

/** Static OpenLineage jobs: about half the datasets declared written by `p:j<i>` from lower-numbered ones. */
function staticJobs(seed: number, datasets: number): JobDefinition[] {
  const rnd = prng(seed ^ 0x5eed);
  const int = (n: number) => Math.floor(rnd() * n);
  const jobs: JobDefinition[] = [];
  for (let i = 0; i < datasets; i++) {
    if (rnd() < 0.5) continue;
    const inputs = i === 0 ? [] : [...new Set(Array.from({ length: 1 + int(2) }, () => int(i)))].map(ds);
    jobs.push({
      kind: 'job',
      job: { namespace: 'p', name: `j${i}` },
      jobType: 'job',
      tool: 'openlineage',
      dependsOn: [],
      inputs,
      outputs: [ds(i)],
      extra: { sourceCodeLocation: { type: 'git', path: `j${i}.sql`, version: `s${int(3)}` } },
      provenance: { sourceId: 'static', pointer: `/${i}` },
    });
  }
  return jobs;
}

const id = (d: { namespace: string; name: string }) => `${d.namespace}:${d.name}`;
const ok = (e: LineageRunEvent) => e.eventType !== 'FAIL';
const nameOf = (e: LineageRunEvent, dataset: string) => {
  const out = e.outputs.find((o) => id(o) === dataset);
  return out?.version ?? e.runId;
};

/** The run that wrote the dataset last at or before t (ms), by linear scan. */
export function oracleWriter(set: EvidenceSet, dataset: string, t: number): LineageRunEvent | undefined {
  let best: LineageRunEvent | undefined;
  for (const e of set.runs) {
    if (!ok(e) || !e.outputs.some((o) => id(o) === dataset) || Date.parse(e.eventTime) > t) continue;
    if (!best || Date.parse(e.eventTime) >= Date.parse(best.eventTime)) best = e;
  }
  return best;
}

/** What wrote a dataset version: a run, or a static job declaring it (no time: its inputs are read as of `t`). */
interface OracleWriter {
  readonly name: string;
  readonly job: string;
  readonly inputs: ReadonlyArray<{ readonly namespace: string; readonly name: string; readonly version?: string }>;
  readonly time?: number;
}

const runWriter = (e: LineageRunEvent, dataset: string): OracleWriter => ({
  name: nameOf(e, dataset),
  job: `${id(e.job)}@${e.sourceCodeLocation?.version}`,
  inputs: e.inputs,
  time: Date.parse(e.eventTime),
});

/** The first static job declaring the dataset, when no successful run wrote it at or before t. */
function oracleDeclared(set: EvidenceSet, dataset: string, t: number): OracleWriter | undefined {
  if (oracleWriter(set, dataset, t)) return undefined;
  const job = set.jobs.find((j) => j.tool === 'openlineage' && j.outputs.some((o) => id(o) === dataset));
  const version = (job?.extra?.sourceCodeLocation as { version?: string } | undefined)?.version;
  return job && { name: `declared:${version}`, job: `${id(job.job)}@${version}`, inputs: job.inputs };
}

function oracleVersionOrDeclared(set: EvidenceSet, dataset: string, recorded: string | undefined, t: number) {
  const run = oracleVersion(set, dataset, recorded, t);
  return run ? runWriter(run, dataset) : oracleDeclared(set, dataset, t);
}

function oracleVersion(set: EvidenceSet, dataset: string, recorded: string | undefined, t: number) {
  if (recorded !== undefined) {
    const exact = set.runs.filter(
      (e) => ok(e) && e.outputs.some((o) => id(o) === dataset) && nameOf(e, dataset) === recorded,
    );
    if (exact.length) return exact[exact.length - 1];
    const byRun = set.runs.find((e) => ok(e) && e.runId === recorded && e.outputs.some((o) => id(o) === dataset));
    if (byRun) return byRun;
  }
  return oracleWriter(set, dataset, t);
}

/** The upstream closure as `dataset@version` pairs and the job versions that wrote them, by plain recursion. */
export function oracleClosure(set: EvidenceSet, dataset: string, recorded: string | undefined, t: number) {
  const pairs = new Set<string>();
  const jobs = new Set<string>();
  const seen = new Set<string>();
  const visit = (d: string, rec: string | undefined, time: number) => {
    const writer = oracleVersionOrDeclared(set, d, rec, time);
    const key = `${d}@${writer ? writer.name : (rec ?? '')}`;
    // A declared writer has no time: its inputs are read as of its reader's time, so each time is a visit of its own.
    const visitKey = writer && writer.time === undefined ? `${key}@${time}` : key;
    if (seen.has(visitKey)) return;
    seen.add(visitKey);
    pairs.add(key);
    if (!writer) return;
    jobs.add(writer.job);
    for (const i of writer.inputs) visit(id(i), i.version, writer.time ?? time);
  };
  visit(dataset, recorded, t);
  return { pairs, jobs };
}

/** What consumed the dataset (at `version`, or any) within [from, to], by linear scans. */
export function oracleDownstream(
  set: EvidenceSet,
  dataset: string,
  version: string | undefined,
  from: number,
  to: number,
) {
  const datasets = new Map<string, Set<string>>();
  const jobs = new Map<string, Set<string>>();
  const decisions = new Set<string>();
  const seen = new Set<string>();
  const queue: Array<[string, string | undefined]> = [[dataset, version]];
  const resolve = (d: string, rec: string | undefined, t: number) => {
    return oracleVersionOrDeclared(set, d, rec, t)?.name ?? rec;
  };
  while (queue.length) {
    const [d, v] = queue.shift() as [string, string | undefined];
    if (seen.has(`${d}@${v ?? '*'}`)) continue;
    seen.add(`${d}@${v ?? '*'}`);
    for (const e of set.runs) {
      const t = Date.parse(e.eventTime);
      const input = e.inputs.find((i) => id(i) === d);
      if (!input || t < from || t > to) continue;
      if (v !== undefined && resolve(d, input.version, t) !== v) continue;
      jobs.set(id(e.job), (jobs.get(id(e.job)) ?? new Set()).add(e.runId));
      if (!ok(e)) continue;
      for (const o of e.outputs) {
        datasets.set(id(o), (datasets.get(id(o)) ?? new Set()).add(nameOf(e, id(o))));
        queue.push([id(o), nameOf(e, id(o))]);
      }
    }
    for (const dec of set.decisions) {
      const t = Date.parse(dec.timestamp);
      const f = dec.features.find((x) => x.dataset && id(x.dataset) === d);
      if (!f || t < from || t > to) continue;
      if (v !== undefined && resolve(d, f.datasetVersion, t) !== v) continue;
      decisions.add(dec.decisionId);
    }
  }
  const counts = (m: Map<string, Set<string>>) =>
    [...m].map(([k, s]) => ({ id: k, count: s.size })).sort((a, b) => a.id.localeCompare(b.id));
  return { datasets: counts(datasets), jobs: counts(jobs), decisionIds: [...decisions].sort() };
}
