/**
 * A bad rollback: weeks before the decision log starts, a wrong line shipped to production and was fixed; during
 * the window an on-call engineer rolls production back to the old release, which still has it. Releases of the
 * repository are paused until production is rolled forward (the fix).
 */
import { bugPullRequest, rollForward, type CodeChange } from './causes-code.js';
import { fixAfterDetection, introducing, revertFix } from './cause-helpers.js';
import { deploy, deployedCommit, promote } from './deployments.js';
import type { Rng } from './prng.js';
import { actorName, type CauseRecord, type Sim } from './sim.js';
import { DAY, HOUR, ymd } from './time.js';

export function plantBadRollback(sim: Sim, rng: Rng, cause: CauseRecord, change: CodeChange): void {
  const { plan } = sim;
  const repo = change.job.repo!;
  const oldAt = plan.start - rng.int(38, 48) * DAY + rng.int(9, 16) * HOUR;
  sim.clock.at(oldAt, () =>
    bugPullRequest(sim, rng, { ...cause, ids: [] }, change, 'approved', 'merge', (merge) => {
      sim.clock.at(sim.clock.now + rng.int(20, 30) * HOUR, () =>
        promote(sim, repo, 'staging', merge!, { actor: sim.team.bot, kind: 'auto' }),
      );
      sim.clock.at(sim.clock.now + rng.int(40, 50) * HOUR, () => {
        const target = deployedCommit(sim, 'staging', repo, change.path, sim.clock.now)!;
        promote(sim, repo, 'production', target, { actor: actorName(sim, sim.team.releasers[0]!), kind: 'release' });
      });
    }),
  );
  const fixAt = oldAt + rng.int(5, 9) * DAY;
  sim.clock.at(fixAt, () =>
    revertFix(sim, rng, { ...cause, fixIds: [] }, repo, change.path, change.bad, change.good, change.title),
  );
  sim.clock.at(plan.causeAt, () => {
    const old = [...sim.deployments]
      .reverse()
      .find(
        (d) =>
          d.env === 'production' &&
          d.status === 'success' &&
          d.repo === repo &&
          d.time < fixAt + 20 * DAY &&
          (!d.componentPaths || d.componentPaths.includes(change.path)) &&
          (d.commit.files.get(change.path) ?? '').split('\n').includes(change.bad),
      );
    if (!old) return;
    repo.frozen = true;
    const onCall = rng.pick(sim.team.engineers);
    const tag = repo.tags.find((t) => t.commit === old.commit)?.name;
    cause.story = `On ${ymd(plan.causeAt)} ${onCall.login} rolled ${repo.name} in production back to ${tag ?? 'an old release'} from ${ymd(old.time)}, which still had a wrong line in ${change.path} fixed weeks earlier.`;
    const bugCommit = introducing(
      sim.prs.flatMap((p) => (p.repo === repo ? p.commits : [])),
      change.path,
      change.bad,
    );
    deploy(sim, {
      env: 'production',
      repo,
      commit: old.commit,
      ...(old.component && { component: old.component, componentPaths: old.componentPaths }),
      actor: actorName(sim, onCall),
      status: 'success',
      kind: 'rollback',
    });
    cause.ids.push({ commit: old.commit }, ...(bugCommit ? [{ commit: bugCommit }] : []));
  });
  fixAfterDetection(sim, rng, cause, () => rollForward(sim, rng, cause, change.job));
}
