/** What the causes share: the cause record, the wrong edit of a job file, retries, fixes that revert. */
import { promote } from './deployments.js';
import { openPullRequest, type Push } from './git-history.js';
import type { Rng } from './prng.js';
import { actorName, other, type CauseRecord, type Sim } from './sim.js';
import { DAY, HOUR, MINUTE, ymd } from './time.js';
import type { BugMarker, CommitNode, Job, Person, RepoModel } from './types.js';
import type { CauseKind } from './world-plan.js';

export function newCause(
  sim: Sim,
  kind: CauseKind,
  job: Job,
  governance: CauseRecord['governance'],
  subjects: CauseRecord['subjects'] = 'all',
  armedAt = sim.plan.causeAt,
): CauseRecord {
  const cause: CauseRecord = {
    kind,
    variant: sim.plan.variant,
    governance,
    job,
    ids: [],
    markers: [],
    subjects,
    story: '',
    armedAt,
    fixIds: [],
  };
  sim.cause = cause;
  return cause;
}

/** The push that replaces a good line of `path` by its bad twin (or back, to revert). */
export function lineEdit(path: string, from: string, to: string, message: string): Push {
  return {
    message,
    edit: (files) => {
      const text = files.get(path) ?? '';
      const lines = text.split('\n');
      const i = lines.indexOf(from);
      if (i < 0) throw new Error(`line not found in ${path}: ${from}`);
      lines[i] = to;
      return new Map([[path, lines.join('\n')]]);
    },
  };
}

export function markerFor(
  job: Job,
  cause: CauseRecord,
  line = job.sensitive!.bad,
  path = job.path!,
  repo = job.repo!,
): BugMarker {
  const m: BugMarker = { repo, path, line, subjects: cause.subjects };
  cause.markers.push(m);
  return m;
}

/** Runs `step` now, and again every hour until it succeeds (a file held by another merging change). */
export function retry(sim: Sim, step: () => boolean): void {
  if (!step()) sim.clock.at(sim.clock.now + HOUR, () => retry(sim, step));
}

/** The first commit of `commits` whose `path` contains `line` (the one that introduced it). */
export function introducing(commits: ReadonlyArray<CommitNode>, path: string, line: string): CommitNode | undefined {
  return commits.find((c) => (c.files.get(path) ?? '').split('\n').includes(line));
}

/**
 * When the cause goes live and the world has a fix: after a detection delay, `fix` runs (unless it would
 * land too close to the end of the log for anyone to notice it worked).
 */
export function fixAfterDetection(sim: Sim, rng: Rng, cause: CauseRecord, fix: () => void): void {
  cause.onLive = (time) => {
    if (!sim.plan.fix) return;
    const at = time + rng.float(2.5, 8) * DAY + rng.int(0, 59) * MINUTE;
    if (at > sim.plan.end - 3 * DAY) return;
    cause.fixAt = at;
    sim.clock.at(at, fix);
  };
}

/** The usual fix of a bad commit: a reviewed revert PR, merged, staged, then deployed to production at once. */
export function revertFix(
  sim: Sim,
  rng: Rng,
  cause: CauseRecord,
  repo: RepoModel,
  path: string,
  bad: string,
  good: string,
  title: string,
): void {
  const author: Person = rng.pick(sim.team.engineers);
  retry(sim, () => {
    const pr = openPullRequest(
      sim,
      {
        repo,
        author,
        title: `Revert "${title}"`,
        branch: `revert-${repo.nextPr}-${rng.hex(4)}`,
        pushes: [lineEdit(path, bad, good, `Revert "${title}"\n\nThis reverts the change that broke ${path}.`)],
        review: 'approved',
        outcome: 'merge',
        owner: 'fix',
        labels: ['incident'],
        mergeDelayHours: rng.float(0.3, 2),
        onMerged: (p, merge, time) => {
          cause.fixIds.push({ commit: merge }, { commit: p.commits[0]! });
          repo.frozen = false;
          sim.clock.at(time + rng.int(40, 150) * MINUTE, () => {
            for (const d of promote(sim, repo, 'production', merge, {
              actor: actorName(sim, author),
              kind: 'fix',
              pr: p.number,
            }))
              cause.fixIds.push({ id: d.id });
          });
        },
      },
      rng,
    );
    return pr !== undefined;
  });
  cause.fixStory = `a revert merged on ${ymd(sim.clock.now)} and deployed to production`;
}

export function reviewerOf(sim: Sim, rng: Rng, author: Person): Person {
  return other(sim, rng, [author]);
}
