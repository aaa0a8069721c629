/**
 * Innocent changes around the cause: pull requests and pushes that touch job files, docs and CI without
 * changing what the jobs compute, branches never merged, pull requests closed or left open, and hotfixes
 * deployed straight to production.
 */
import { innocentEdit } from './code-files.js';
import { promote } from './deployments.js';
import {
  abandonedBranch,
  branchName,
  directPush,
  openPullRequest,
  type Push,
  type ReviewPattern,
} from './git-history.js';
import type { Rng } from './prng.js';
import { docsEdit } from './repo-files.js';
import { head } from './repo-model.js';
import { actorName, type Sim } from './sim.js';
import { DAY, HOUR, MINUTE, weekday, ymd } from './time.js';
import type { Job, Lang, RepoModel } from './types.js';

interface Target {
  readonly path: string;
  readonly lang: Lang | 'docs';
  readonly label: string;
}

function targets(sim: Sim, repo: RepoModel): { code: Target[]; docs: Target[] } {
  const files = head(repo).files;
  const code: Target[] = [];
  for (const j of sim.pipeline.jobs)
    if (j.repo === repo && j.path) code.push({ path: j.path, lang: j.lang, label: j.name });
  for (const p of files.keys()) {
    if (code.some((c) => c.path === p)) continue;
    if (p.startsWith('tracking-plans/')) code.push({ path: p, lang: 'yaml', label: 'tracking plan' });
    else if (/\.(sql|py)$/.test(p)) code.push({ path: p, lang: p.endsWith('.py') ? 'python' : 'sql', label: p });
  }
  const docs = [...files.keys()]
    .filter((p) => /\.md$|deploy\.yml$|requirements\.txt$/.test(p))
    .map((p) => ({ path: p, lang: 'docs' as const, label: p }));
  return { code, docs };
}

function editOf(t: Target, rng: Rng, stamp: string): Push['edit'] {
  return (files) => {
    const text = files.get(t.path) ?? '';
    return new Map([
      [t.path, t.lang === 'docs' ? docsEdit(t.path, text, rng, stamp) : innocentEdit(text, t.lang, rng)],
    ]);
  };
}

const CODE_TITLES = [
  'Tune batch size for {x}',
  'Refresh the notes in {x}',
  'Tag {x} for the tier-1 SLA',
  'Clean up comments in {x}',
  'Adjust materialization of {x}',
];
const DOC_TITLES = ['Update {x}', 'Docs: clarify {x}', 'Fix typos in {x}', 'Bump CI runner in {x}'];

/** Schedules innocent activity on a repository, one draw per day from `from` to `to`. */
export function scheduleDistractors(sim: Sim, rng: Rng, repo: RepoModel, from: number, to: number): void {
  const squashShare = rng.pick([0, 0.2, 0.5, 0.9]);
  const rate = rng.float(0.35, 0.9);
  for (let day = Math.floor(from / DAY) * DAY + DAY; day < to - DAY; day += DAY) {
    const inWindow = day >= sim.plan.start - 3 * DAY;
    if (!rng.chance(inWindow ? rate : rate * 0.5) || (weekday(day) % 6 === 0 && rng.chance(0.8))) continue;
    const t = day + rng.int(7, 18) * HOUR + rng.int(0, 59) * MINUTE;
    const kind = rng.weighted([
      ['code-pr', 35],
      ['docs-pr', 18],
      ['docs-push', 14],
      ['hotfix', inWindow ? 5 : 0],
      ['abandoned', 7],
      ['closed', 8],
      ['open', 5],
    ] as const);
    sim.clock.at(t, () => activity(sim, rng, repo, kind, squashShare));
  }
}

/**
 * Innocent changes close to the cause in time: pull requests and hotfixes on the same job's file (or the
 * feature job's), a day or two before and after it.
 */
export function scheduleDecoysNear(sim: Sim, rng: Rng, job: Job): void {
  const target = job.repo && job.path ? job : sim.pipeline.featureJob;
  for (let i = rng.int(1, 3); i > 0; i--) {
    const offset = rng.chance(0.5) ? -rng.float(0.2, 2.5) : rng.float(0.2, 3);
    const kind = rng.weighted([
      ['code-pr', 6],
      ['hotfix', 1],
      ['docs-pr', 1],
    ] as const);
    sim.clock.at(sim.plan.causeAt + offset * DAY, () => activity(sim, rng, target.repo!, kind, 0.3, target.path));
  }
}

function activity(sim: Sim, rng: Rng, repo: RepoModel, kind: string, squashShare: number, path?: string): void {
  const all = targets(sim, repo);
  const code = path ? all.code.filter((c) => c.path === path) : all.code;
  const docs = all.docs;
  const author = rng.pick(sim.team.engineers);
  const stamp = `${ymd(sim.clock.now)}: ${rng.pick(['reviewed', 'updated', 'clarified', 'noted'])} by ${author.login}`;
  const owner = `d${sim.clock.now}`;
  const t = kind === 'docs-pr' || kind === 'docs-push' || code.length === 0 ? rng.pick(docs) : rng.pick(code);
  const title = rng.pick(t.lang === 'docs' ? DOC_TITLES : CODE_TITLES).replace('{x}', t.label);
  const pushes: Push[] = [{ message: title, edit: editOf(t, rng, stamp) }];
  if (rng.chance(0.35))
    pushes.push({
      message: rng.pick(['address review', 'fix lint', 'wip', 'rename variable']),
      edit: editOf(t, rng, `${stamp} (2)`),
    });
  if (kind === 'docs-push') {
    directPush(sim, repo, author, title, editOf(t, rng, stamp), owner);
    return;
  }
  if (kind === 'hotfix') {
    if (repo.frozen) return;
    const c = directPush(sim, repo, author, `hotfix: ${title.toLowerCase()}`, editOf(t, rng, stamp), owner);
    if (c)
      sim.clock.at(
        sim.clock.now + rng.int(3, 15) * MINUTE,
        () => !repo.frozen && promote(sim, repo, 'production', c, { actor: actorName(sim, author), kind: 'hotfix' }),
      );
    return;
  }
  if (kind === 'abandoned') {
    abandonedBranch(sim, repo, author, branchName(rng, author, 'feature', `try ${t.label}`), pushes, rng);
    return;
  }
  const review: ReviewPattern =
    t.lang === 'docs'
      ? rng.weighted([
          ['none', 4],
          ['approved', 4],
          ['commented', 2],
        ] as const)
      : rng.weighted([
          ['approved', 60],
          ['changes-then-approved', 10],
          ['stale', 8],
          ['commented', 8],
          ['self', 4],
          ['none', 10],
        ] as const);
  if (review === 'stale' && pushes.length < 2)
    pushes.push({ message: 'address review', edit: editOf(t, rng, `${stamp} (2)`) });
  const outcome = kind === 'closed' ? 'close' : kind === 'open' ? 'open' : rng.chance(squashShare) ? 'squash' : 'merge';
  openPullRequest(
    sim,
    {
      repo,
      author,
      title,
      branch: branchName(rng, author, t.lang === 'docs' ? 'docs' : 'chore', title),
      pushes,
      review,
      outcome,
      approvedAfter: 1,
      owner,
    },
    rng,
  );
}
