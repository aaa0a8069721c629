/**
 * Plants the world's one cause, chosen by its plan, with innocent changes around it (distractors.ts) and, in
 * about half the worlds, its fix. Commits in causes-code.ts, changes outside code in causes-config.ts.
 */
import { markerFor, newCause } from './cause-helpers.js';
import { plantBadRollback } from './bad-rollback.js';
import { plantCodeCause, titleFor, type CodeChange } from './causes-code.js';
import {
  plantIdentityRuleChange,
  plantManualMerge,
  plantTrackingPlanEdit,
  plantUiEdit,
  type Actors,
} from './causes-config.js';
import { plantSchemaChange } from './schema-change.js';
import type { Rng } from './prng.js';
import { actorName, other, type Sim } from './sim.js';
import type { Job } from './types.js';

/** The job a code or UI cause changes: the feature job, or (per the plan) one of the staging jobs upstream. */
function causeJob(sim: Sim, rng: Rng): Job {
  const { pipeline, plan } = sim;
  if (plan.causeInFeatureJob) return pipeline.featureJob;
  const staging = pipeline.jobs.filter((j) => j.role.startsWith('stg_') && j.repo);
  return staging.length > 0 ? rng.pick(staging) : pipeline.featureJob;
}

function codeChange(rng: Rng, job: Job): CodeChange {
  return { job, path: job.path!, good: job.sensitive!.good, bad: job.sensitive!.bad, title: titleFor(rng, job) };
}

export function plantCause(sim: Sim, rng: Rng): void {
  const { plan, pipeline } = sim;
  const person = rng.pick(sim.team.engineers);
  const who: Actors = {
    login: person.login,
    actor: actorName(sim, person),
    fixer: () => actorName(sim, other(sim, rng, [person])),
  };
  const role = (r: Job['role']) => pipeline.jobs.find((j) => j.role === r)!;
  switch (plan.cause) {
    case 'unapproved-merge':
    case 'stale-approval':
    case 'approved-buggy-commit':
    case 'deployment-deviation':
    case 'untracked-change':
    case 'bad-rollback': {
      const job = causeJob(sim, rng);
      if (plan.cause === 'untracked-change') job.tracking = 'none';
      const cause = newCause(sim, plan.cause, job, plan.cause === 'approved-buggy-commit' ? 'compliant' : 'violation');
      markerFor(job, cause);
      if (plan.cause === 'bad-rollback') plantBadRollback(sim, rng, cause, codeChange(rng, job));
      else plantCodeCause(sim, rng, cause, codeChange(rng, job));
      return;
    }
    case 'ui-edit':
      return plantUiEdit(sim, rng, causeJob(sim, rng), who);
    case 'tracking-plan-edit':
      return plantTrackingPlanEdit(sim, rng, role('stg_events'), who);
    case 'identity-rule-change':
      return plantIdentityRuleChange(sim, rng, role('identity'), who);
    case 'manual-identity-merge':
      return plantManualMerge(sim, rng, role('identity'), who);
    case 'schema-change':
      return plantSchemaChange(sim, rng, who);
  }
}
