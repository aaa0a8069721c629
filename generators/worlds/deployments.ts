/**
 * Deployments: CI deploys every move of the default branch to staging; releases promote what staging runs to
 * production every few days (some fail and are retried, some are rolled back); hotfixes go straight to
 * production. A deployment covers the whole repository or, narrowed by `component`, one job or one path.
 */
import type { Rng } from './prng.js';
import { head } from './repo-model.js';
import { actorName, type Sim } from './sim.js';
import { DAY, HOUR, MINUTE, weekday } from './time.js';
import type { CommitNode, Deployment, Env, Person, PullRequest, RepoModel } from './types.js';

export interface Component {
  readonly name: string;
  readonly path: string;
}

/** What a component deployment of this repository can name: its jobs' files and its tracking plan. */
export function componentsOf(sim: Sim, repo: RepoModel, env: Env): Component[] {
  const out: Component[] = [];
  for (const j of sim.pipeline.jobs) {
    if (j.repo !== repo || !j.path) continue;
    const ns = env === 'production' ? j.namespace : j.stagingNamespace;
    out.push({ name: sim.plan.componentNaming === 'job' ? `${ns}:${j.name}` : j.path, path: j.path });
  }
  const tp = sim.pipeline.trackingPlan;
  if (tp && tp.repo === repo) out.push({ name: tp.path, path: tp.path });
  return out;
}

export function covers(d: Deployment, path: string): boolean {
  return !d.componentPaths || d.componentPaths.includes(path);
}

/** The last successful deployment to `env` at or before `time` covering `path` (the whole repository when absent). */
export function deploymentInForce(
  sim: Sim,
  env: Env,
  repo: RepoModel,
  path: string | undefined,
  time: number,
): Deployment | undefined {
  for (let i = sim.deployments.length - 1; i >= 0; i--) {
    const d = sim.deployments[i]!;
    if (d.time > time || d.env !== env || d.repo !== repo || d.status !== 'success') continue;
    if (path === undefined ? !d.componentPaths : covers(d, path)) return d;
  }
  return undefined;
}

/** The commit whose `path` runs in `env` at `time`. */
export function deployedCommit(
  sim: Sim,
  env: Env,
  repo: RepoModel,
  path: string | undefined,
  time: number,
): CommitNode | undefined {
  return deploymentInForce(sim, env, repo, path, time)?.commit;
}

export function deploy(sim: Sim, spec: Omit<Deployment, 'id' | 'time'> & { time?: number }): Deployment {
  const n = sim.nextDeployment++;
  const id = sim.deploymentPrefix.endsWith('0')
    ? `${sim.deploymentPrefix.slice(0, -1)}${String(n).padStart(5, '0')}`
    : `${sim.deploymentPrefix}${n}`;
  const d: Deployment = { ...spec, id, time: spec.time ?? sim.clock.now };
  sim.deployments.push(d);
  if (d.status === 'success' && d.env === 'production') noticeCause(sim, d);
  return d;
}

/** Marks the planted cause live when a production deployment first ships its line. */
function noticeCause(sim: Sim, d: Deployment): void {
  const cause = sim.cause;
  if (!cause || cause.liveAt !== undefined || d.time < cause.armedAt) return;
  for (const m of cause.markers) {
    if (m.repo !== d.repo || !covers(d, m.path)) continue;
    if (!(d.commit.files.get(m.path) ?? '').split('\n').includes(m.line)) continue;
    cause.liveAt = d.time;
    cause.liveDeployment = d;
    cause.ids.push({ id: d.id });
    cause.onLive?.(d.time);
    return;
  }
}

/**
 * Deploys `target` to `env` as CI or a person would: the whole repository, or (component style) each component
 * whose file differs from what `env` runs. Returns the deployments made.
 */
export function promote(
  sim: Sim,
  repo: RepoModel,
  env: Env,
  target: CommitNode,
  opts: { actor: string; kind: Deployment['kind']; pr?: number; fail?: boolean; force?: boolean },
): Deployment[] {
  const status = opts.fail ? 'failure' : 'success';
  const base = {
    env,
    repo,
    commit: target,
    actor: opts.actor,
    status,
    kind: opts.kind,
    ...(opts.pr !== undefined && { pullRequest: opts.pr }),
  } as const;
  if (sim.plan.deployStyle === 'repo') {
    if (!opts.force && deployedCommit(sim, env, repo, undefined, sim.clock.now) === target) return [];
    return [deploy(sim, base)];
  }
  const out: Deployment[] = [];
  for (const c of componentsOf(sim, repo, env)) {
    const current = deployedCommit(sim, env, repo, c.path, sim.clock.now);
    if (!opts.force && current && current.files.get(c.path) === target.files.get(c.path)) continue;
    out.push(deploy(sim, { ...base, component: c.name, componentPaths: [c.path] }));
  }
  return out;
}

/** CI: every move of the default branch is deployed to staging a few minutes later. */
export function autoStage(sim: Sim, rng: Rng, repo: RepoModel, time: number, pr?: PullRequest): void {
  sim.clock.at(time + rng.int(4, 25) * MINUTE, () => {
    promote(sim, repo, 'staging', head(repo), {
      actor: sim.team.bot,
      kind: 'auto',
      fail: rng.chance(0.04),
      ...(pr && rng.chance(0.6) && { pr: pr.number }),
    });
  });
}

/** What staging runs now: the commit to promote (repository style), or per component (component style). */
function stagingTarget(sim: Sim, repo: RepoModel): CommitNode | undefined {
  return deployedCommit(sim, 'staging', repo, undefined, sim.clock.now);
}

/** A production release: promotes what staging runs; sometimes it fails and is retried, or is rolled back. */
export function release(sim: Sim, rng: Rng, repo: RepoModel, releaser: Person, allowRollback: boolean): void {
  if (repo.frozen) return;
  const actor = actorName(sim, releaser);
  const before = deployedCommit(sim, 'production', repo, undefined, sim.clock.now);
  const made: Deployment[] = [];
  if (sim.plan.deployStyle === 'repo') {
    const target = stagingTarget(sim, repo);
    if (!target) return;
    made.push(...promote(sim, repo, 'production', target, { actor, kind: 'release', fail: rng.chance(0.05) }));
  } else {
    for (const c of componentsOf(sim, repo, 'staging')) {
      const target = deployedCommit(sim, 'staging', repo, c.path, sim.clock.now);
      const current = deployedCommit(sim, 'production', repo, c.path, sim.clock.now);
      if (!target || current?.files.get(c.path) === target.files.get(c.path)) continue;
      const prodName = componentsOf(sim, repo, 'production').find((p) => p.path === c.path)!.name;
      made.push(
        deploy(sim, {
          env: 'production',
          repo,
          commit: target,
          component: prodName,
          componentPaths: [c.path],
          actor,
          status: rng.chance(0.05) ? 'failure' : 'success',
          kind: 'release',
        }),
      );
    }
  }
  for (const d of made.filter((x) => x.status === 'failure')) {
    sim.clock.at(sim.clock.now + rng.int(25, 120) * MINUTE, () => {
      if (!repo.frozen)
        deploy(sim, {
          env: 'production',
          repo,
          commit: d.commit,
          ...(d.component && { component: d.component, componentPaths: d.componentPaths }),
          actor,
          status: 'success',
          kind: 'retry',
        });
    });
  }
  const ok = made.find((d) => d.status === 'success');
  if (ok && repo.tagReleases && !repo.tags.some((t) => t.commit === ok.commit)) {
    const [a, b, c] = repo.nextTag;
    const name = `v${a}.${b}.${c}`;
    repo.nextTag = rng.chance(0.75) ? [a, b, c + 1] : [a, b + 1, 0];
    repo.tags.push({
      name,
      commit: ok.commit,
      ...(rng.chance(0.5) && { annotated: { tagger: releaser, time: sim.clock.now, message: `Release ${name}` } }),
    });
  }
  if (ok && before && allowRollback && sim.plan.deployStyle === 'repo' && rng.chance(0.07)) {
    sim.clock.at(sim.clock.now + rng.int(40, 180) * MINUTE, () => {
      deploy(sim, {
        env: 'production',
        repo,
        commit: before,
        actor: actorName(sim, rng.pick(sim.team.engineers)),
        status: 'success',
        kind: 'rollback',
      });
    });
  }
}

/** Releases every `cadence` days on weekdays, from `from` to `to`, for one repository. */
export function scheduleReleases(sim: Sim, rng: Rng, repo: RepoModel, from: number, to: number): void {
  const cadence = rng.pick([1, 2, 2, 3, 4, 7]);
  const hour = rng.int(8, 15);
  for (let day = Math.floor(from / DAY) * DAY + DAY; day < to; day += DAY) {
    const index = Math.round((day - from) / DAY);
    if (index % cadence !== 0) continue;
    let t = day + hour * HOUR + rng.int(0, 50) * MINUTE;
    if (weekday(t) === 6) t += 2 * DAY;
    if (weekday(t) === 0) t += DAY;
    if (t >= to) continue;
    sim.clock.at(t, () =>
      release(
        sim,
        rng,
        repo,
        rng.pick(sim.team.releasers),
        t < sim.plan.causeAt - 2 * DAY && sim.plan.cause !== 'bad-rollback',
      ),
    );
  }
}
