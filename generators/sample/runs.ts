/**
 * The scheduled runs of every job: each slot runs the jobs one after another (upstream first), each run
 * executing the code deployed to production at its start and reading the latest version its upstream
 * jobs wrote.
 */
import type { DatasetRef } from '../../shared/model/records';
import type { DeploymentRecord, DeployTimeline } from './deployments';
import { isJobCode, type JobCode } from './files/file-doc';
import type { History } from './history';
import type { Rng } from './prng';
import { DAY, MINUTE, SECOND } from './time';
import { datasetId, type JobDef } from './world';
import { codeAt } from './versions';

export interface RunInput {
  readonly dataset: DatasetRef;
  /** The version of the dataset the run read (absent for sources no job writes). */
  readonly version?: string;
}

export interface RunRecord {
  readonly job: JobDef;
  readonly runId: string;
  readonly nominalMs: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly deployment: DeploymentRecord;
  readonly code: JobCode;
  readonly inputs: ReadonlyArray<RunInput>;
  /** The output's `version` facet `datasetVersion`: unique per run. */
  readonly outputVersion: string;
  readonly rowCount: number;
}

export interface RunPlanInput {
  readonly rng: Rng;
  readonly history: History;
  readonly timeline: DeployTimeline;
  /** In run order within a slot: upstream jobs first. */
  readonly jobs: ReadonlyArray<JobDef>;
  readonly startMs: number;
  readonly days: number;
  readonly runsPerDay: number;
}

const ROWS: Readonly<Record<string, number>> = {
  ingest: 14_000,
  transform: 2_600,
  identity: 48_000,
  profile: 21_000,
  features: 21_000,
  marketing: 12,
};

/** A 19-digit snapshot id, as warehouses with table snapshots report them. */
function snapshotId(rng: Rng, used: Set<string>): string {
  for (;;) {
    const id = `${rng.int(1, 9)}${rng.int(0, 999_999_999).toString().padStart(9, '0')}${rng.int(0, 999_999_999).toString().padStart(9, '0')}`;
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

/** Every run from day 1 to the end of the period, in time order. */
export function planRuns(input: RunPlanInput): RunRecord[] {
  const { rng, jobs, runsPerDay } = input;
  const runs: RunRecord[] = [];
  const latest = new Map<string, string>();
  const used = new Set<string>();
  const slotMs = DAY / runsPerDay;
  const spacing = runsPerDay === 1 ? 25 * MINUTE : Math.floor((slotMs * 0.8) / jobs.length);
  for (let day = 1; day < input.days; day++) {
    for (let slot = 0; slot < runsPerDay; slot++) {
      const nominalMs = input.startMs + day * DAY + slot * slotMs;
      jobs.forEach((job, j) => {
        const startMs = nominalMs + j * spacing + rng.int(2_000, 40_000);
        const deployment = input.timeline.at(job.key, 'production', startMs);
        const code = deployment ? codeAt(input.history, deployment) : undefined;
        if (!deployment || !isJobCode(code)) return;
        const endMs = startMs + rng.int(30 * SECOND, Math.floor(spacing * 0.7));
        const inputs = code.inputs().map((dataset) => {
          const version = latest.get(datasetId(dataset));
          return version ? { dataset, version } : { dataset };
        });
        const outputVersion = snapshotId(rng, used);
        latest.set(datasetId(job.output), outputVersion);
        const rows = ROWS[job.key] ?? 400;
        runs.push({
          job,
          runId: rng.uuidV7(startMs),
          nominalMs,
          startMs,
          endMs,
          deployment,
          code,
          inputs,
          outputVersion,
          rowCount: Math.round((rows * (0.9 + 0.2 * rng.next()) * (1 + day / 400)) / runsPerDay) + 1,
        });
      });
    }
  }
  return runs;
}
