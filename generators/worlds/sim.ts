/** The simulation's state and clock: what every module reads and appends to while the world runs. */
import type { Rng } from './prng.js';
import type {
  AuditEntry,
  BugMarker,
  CommitNode,
  Dataset,
  Deployment,
  Job,
  ModelChoice,
  Overlay,
  Person,
  PullRequest,
  RepoModel,
} from './types.js';
import type { WorldPlan } from './world-plan.js';

/** A change as the truth names it: a commit (its SHA is known once written), or an id. */
export type ChangeRef = { readonly commit: CommitNode } | { readonly id: string };

export interface CauseRecord {
  readonly kind: string;
  variant: string;
  governance: 'violation' | 'compliant';
  /** The job whose computation the cause changes. */
  readonly job: Job;
  readonly ids: ChangeRef[];
  readonly markers: BugMarker[];
  readonly subjects: 'all' | ReadonlySet<string>;
  story: string;
  /** Production deployments before this time do not count as shipping it (a bad rollback's old bug). */
  readonly armedAt: number;
  /** When it first reached production (a deployment shipping it, or the edit itself). */
  liveAt?: number;
  liveDeployment?: Deployment;
  /** Called once when it first reaches production; schedules the fix. */
  onLive?: (time: number) => void;
  fixAt?: number;
  fixStory?: string;
  readonly fixIds: ChangeRef[];
}

export interface Pipeline {
  readonly jobs: ReadonlyArray<Job>;
  readonly datasets: ReadonlyArray<Dataset>;
  readonly repos: ReadonlyArray<RepoModel>;
  readonly featureJob: Job;
  readonly choice: ModelChoice;
  readonly trackingPlan?: { readonly repo: RepoModel; readonly path: string; readonly name: string };
  readonly jobNamespaceBase: string;
}

export interface Team {
  readonly engineers: ReadonlyArray<Person>;
  readonly releasers: ReadonlyArray<Person>;
  readonly bot: string;
  /** How the deployment and audit records name a person. */
  readonly actorStyle: 'login' | 'email';
}

interface Scheduled {
  readonly time: number;
  readonly seq: number;
  readonly run: () => void;
}

/** A clock that runs callbacks in time order (ties in the order they were scheduled). */
export class Timeline {
  private readonly queue: Scheduled[] = [];
  private seq = 0;
  now = 0;

  at(time: number, run: () => void): void {
    const item = { time, seq: this.seq++, run };
    let i = this.queue.length;
    while (i > 0 && this.queue[i - 1]!.time > time) i--;
    this.queue.splice(i, 0, item);
  }

  runUntil(end: number): void {
    while (this.queue.length > 0 && this.queue[0]!.time <= end) {
      const next = this.queue.shift()!;
      this.now = next.time;
      next.run();
    }
  }
}

export interface Sim {
  readonly plan: WorldPlan;
  readonly rng: Rng;
  readonly pipeline: Pipeline;
  readonly team: Team;
  readonly clock: Timeline;
  readonly prs: PullRequest[];
  readonly deployments: Deployment[];
  readonly audit: AuditEntry[];
  readonly overlays: Overlay[];
  /** Subjects whose profiles exist (decisions are made about them). */
  readonly subjects: ReadonlyArray<string>;
  cause?: CauseRecord;
  nextDeployment: number;
  nextAudit: number;
  nextReview: number;
  readonly deploymentPrefix: string;
  readonly auditPrefix: string;
  /** Called when the default branch of a repository moves (CI deploys it to staging). */
  onDefaultAdvanced: (repo: RepoModel, time: number, pr?: PullRequest) => void;
}

export function actorName(sim: Sim, p: { login: string; email: string }): string {
  return sim.team.actorStyle === 'login' ? p.login : p.email;
}

export function other(sim: Sim, rng: Rng, not: ReadonlyArray<{ login: string }>): Person {
  const pool = sim.team.engineers.filter((e) => !not.some((n) => n.login === e.login));
  return rng.pick(pool.length > 0 ? pool : sim.team.engineers);
}
