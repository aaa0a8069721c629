/**
 * Runs: every job runs on its schedule in production (and in staging when the world logs staging runs),
 * executing the code deployed to its environment at that moment. A run's output is wrong ("tainted") when the
 * code or configuration it executed carries the planted cause, or when an input version it read was tainted.
 */
import { deployedCommit } from './deployments.js';
import type { Rng } from './prng.js';
import type { Sim } from './sim.js';
import { DAY, MINUTE } from './time.js';
import type { CommitNode, Dataset, Env, FieldSpec, Job } from './types.js';

/** Who a wrong version misleads: everyone, or only some subjects. */
export type Taint = null | 'all' | ReadonlySet<string>;

export interface DatasetVersion {
  readonly dataset: Dataset;
  readonly env: Env;
  readonly id: string;
  readonly run: Run;
  readonly at: number;
  readonly taint: Taint;
  readonly fields: ReadonlyArray<FieldSpec>;
  readonly featureVersion?: string;
}

export interface Run {
  readonly runId: string;
  readonly job: Job;
  readonly env: Env;
  readonly start: number;
  readonly end: number;
  readonly status: 'COMPLETE' | 'FAIL';
  readonly commit?: CommitNode;
  readonly code?: string;
  readonly inputs: ReadonlyArray<{ readonly dataset: Dataset; readonly version?: DatasetVersion }>;
  output?: DatasetVersion;
  readonly parentRunId?: string;
}

export function union(a: Taint, b: Taint): Taint {
  if (a === null) return b;
  if (b === null) return a;
  if (a === 'all' || b === 'all') return 'all';
  return new Set([...a, ...b]);
}

const hasLine = (text: string | undefined, line: string) => (text ?? '').split('\n').includes(line);

/** The cause's own effect on a run of `job` in `env` starting at `start`. */
export function ownEffect(
  sim: Sim,
  job: Job,
  env: Env,
  start: number,
): { taint: Taint; renames?: { field: string; to: string | null } } {
  let taint: Taint = null;
  let renames: { field: string; to: string | null } | undefined;
  for (const m of sim.cause?.markers ?? []) {
    const watches =
      (job.repo === m.repo && job.path === m.path) ||
      job.watchPaths.some((w) => w.repo === m.repo && w.path === m.path);
    if (!watches) continue;
    const c = deployedCommit(sim, env, m.repo, m.path, start);
    if (c && hasLine(c.files.get(m.path), m.line)) {
      taint = union(taint, m.subjects);
      renames = m.renames ?? renames;
    }
  }
  if (env === 'production') {
    for (const o of sim.overlays) {
      if (o.jobName !== job.name || start < o.from || (o.to !== undefined && start >= o.to)) continue;
      taint = union(taint, o.subjects);
      renames = o.renames ?? renames;
    }
  }
  return renames ? { taint, renames } : { taint };
}

function renamed(fields: ReadonlyArray<FieldSpec>, r?: { field: string; to: string | null }): FieldSpec[] {
  if (!r) return [...fields];
  return fields.flatMap((f) => (f.name !== r.field ? [f] : r.to ? [{ ...f, name: r.to }] : []));
}

export function simulateRuns(sim: Sim, rng: Rng): Run[] {
  const { plan, pipeline } = sim;
  const envs: Env[] = plan.runEnvironment === 'production-only' ? ['production'] : ['production', 'staging'];
  const latest = new Map<string, DatasetVersion>();
  const counters = new Map<string, number>();
  const featureVersions = new Map<string, string>();
  let nextFeatureVersion = rng.int(3, 24);
  const withParent = rng.chance(0.5);
  const runs: Run[] = [];
  const first = Math.floor((plan.start - 2 * DAY) / DAY) * DAY;
  const step = plan.runEveryHours * 60 * MINUTE;
  const slotHour = rng.int(0, 5) * 60 * MINUTE;
  let slotIndex = 0;
  let schemaRunNoted = false;
  for (let slot = first + slotHour; slot < plan.end; slot += step, slotIndex++) {
    for (const env of envs) {
      const parentRunId = withParent ? rng.uuid() : undefined;
      const shift = env === 'staging' ? 3 * 60 * MINUTE : 0;
      for (const job of pipeline.jobs) {
        const start = slot + shift + (job.offsetMinutes + rng.int(0, 6)) * MINUTE;
        if (start >= plan.end) continue;
        const end = start + rng.int(2, 25) * MINUTE + rng.int(0, 59_000);
        const commit = job.repo && job.path ? deployedCommit(sim, env, job.repo, job.path, start) : undefined;
        const inputs = job.inputs.map((dataset) => {
          const version = latest.get(`${env}|${dataset.key}`);
          return version ? { dataset, version } : { dataset };
        });
        const failed = slotIndex > 2 && rng.chance(0.025);
        const run: Run = {
          runId: rng.uuid(),
          job,
          env,
          start,
          end,
          status: failed ? 'FAIL' : 'COMPLETE',
          ...(commit && { commit, code: commit.files.get(job.path!) }),
          inputs,
          ...(parentRunId && { parentRunId }),
        };
        runs.push(run);
        if (failed) continue;
        const own = ownEffect(sim, job, env, start);
        const taint = inputs.reduce<Taint>((t, i) => union(t, i.version?.taint ?? null), own.taint);
        const cause = sim.cause;
        if (
          cause?.kind === 'schema-change' &&
          own.renames &&
          env === 'production' &&
          cause.job === job &&
          !schemaRunNoted
        ) {
          cause.ids.push({ id: run.runId });
          schemaRunNoted = true;
        }
        const key = `${env}|${job.output.key}`;
        const n = (counters.get(key) ?? rng.int(100, 900)) + 1;
        counters.set(key, n);
        let featureVersion: string | undefined;
        if (job.role === 'features' && env === 'production') {
          const code = run.code ?? '';
          if (!featureVersions.has(code)) featureVersions.set(code, `v${nextFeatureVersion++}`);
          featureVersion = featureVersions.get(code);
        }
        const version: DatasetVersion = {
          dataset: job.output,
          env,
          id:
            plan.versionStyle === 'counter'
              ? String(n)
              : plan.versionStyle === 'snapshot'
                ? `${rng.int(1, 9)}${String(rng.int(0, 999_999_999)).padStart(9, '0')}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`
                : rng.uuid(),
          run,
          at: end,
          taint,
          fields: renamed(job.output.fields, own.renames),
          ...(featureVersion && { featureVersion }),
        };
        run.output = version;
        latest.set(key, version);
      }
    }
  }
  return runs;
}
