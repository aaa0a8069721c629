/**
 * Causes outside code: edits through a UI or an API (a transformation, a tracking plan, an identity rule),
 * manual identity merges, a connector whose schema changes — and a tracking plan or identity rule changed by
 * an approved commit. An edit takes effect in production at once (at the next run that reads it).
 */
import { addAudit } from './audit.js';
import { fixAfterDetection, newCause, revertFix } from './cause-helpers.js';
import { bugPullRequest, titleFor, type CodeChange } from './causes-code.js';
import type { Rng } from './prng.js';
import type { CauseRecord, Sim } from './sim.js';
import { trackingPlanFile } from './tracking-plan.js';
import { ymd } from './time.js';
import type { AuditEntry, Job, Overlay } from './types.js';

export interface Actors {
  readonly login: string;
  readonly actor: string;
  readonly fixer: () => string;
}

/** An edit outside the versioned workflow: effective in production from now until the fix restores it. */
export function overlayCause(sim: Sim, rng: Rng, cause: CauseRecord, overlay: Overlay, restore: () => void): void {
  sim.overlays.push(overlay);
  cause.liveAt = overlay.from;
  fixAfterDetection(sim, rng, cause, () => {
    overlay.to = sim.clock.now;
    restore();
  });
  sim.clock.at(overlay.from, () => cause.onLive?.(overlay.from));
}

export type Edit = Pick<AuditEntry, 'action' | 'target' | 'channel' | 'before' | 'after'>;

/** The audited edit now, its undoing by someone else as the fix, and the overlay between them. */
export function auditedEdit(
  sim: Sim,
  rng: Rng,
  cause: CauseRecord,
  who: Actors,
  edit: Edit,
  undo: Edit | undefined,
  overlay: Overlay,
  fixStory: string,
): void {
  sim.clock.at(overlay.from, () => cause.ids.push({ id: addAudit(sim, { actor: who.actor, ...edit }).id }));
  overlayCause(sim, rng, cause, overlay, () => {
    if (undo) cause.fixIds.push({ id: addAudit(sim, { actor: who.fixer(), ...undo }).id });
    cause.fixStory = `${fixStory} on ${ymd(sim.clock.now)}`;
  });
}

export function plantUiEdit(sim: Sim, rng: Rng, job: Job, who: Actors): void {
  const { plan } = sim;
  const cause = newCause(sim, 'ui-edit', job, 'violation');
  const target = { type: 'transformation', id: `${job.namespace}:${job.name}`, name: job.name };
  const [good, bad] = [job.sensitive!.good.trim(), job.sensitive!.bad.trim()];
  const channel = plan.variant === 'ui' ? 'ui' : 'api';
  cause.story = `${who.login} edited the ${job.name} transformation in production through the ${channel.toUpperCase()} on ${ymd(plan.causeAt)}; no commit carries the change.`;
  const edit = (before: string, after: string, ch: 'ui' | 'api'): Edit => ({
    action: 'transformation.updated',
    target,
    channel: ch,
    before: { expression: before },
    after: { expression: after },
  });
  auditedEdit(
    sim,
    rng,
    cause,
    who,
    edit(good, bad, channel),
    edit(bad, good, 'ui'),
    { jobName: job.name, from: plan.causeAt, subjects: 'all' },
    'the edit was undone in the UI',
  );
}

export function plantTrackingPlanEdit(sim: Sim, rng: Rng, events: Job, who: Actors): void {
  const { plan } = sim;
  const at = plan.causeAt;
  const tp = sim.pipeline.trackingPlan!;
  const lines = trackingPlanFile(tp.name).sensitive;
  if (plan.variant === 'commit') {
    const cause = newCause(sim, 'tracking-plan-edit', events, 'compliant');
    cause.markers.push({ repo: tp.repo, path: tp.path, line: lines.bad, subjects: 'all' });
    const change: CodeChange = {
      job: { ...events, repo: tp.repo, path: tp.path, lang: 'yaml' },
      path: tp.path,
      good: lines.good,
      bad: lines.bad,
      title: `Tracking plan ${tp.name}: order_total as string`,
    };
    cause.story = `An approved change to the ${tp.name} tracking plan (${tp.path}) retyped order_total on ${ymd(at)}; once applied in production, order events failed validation and ${events.name} lost them.`;
    sim.clock.at(at, () => bugPullRequest(sim, rng, cause, change, 'approved', 'merge'));
    fixAfterDetection(sim, rng, cause, () =>
      revertFix(sim, rng, cause, tp.repo, tp.path, lines.bad, lines.good, change.title),
    );
    return;
  }
  const cause = newCause(sim, 'tracking-plan-edit', events, 'violation');
  const target = { type: 'tracking_plan', id: `tp_${tp.name}`, name: tp.name };
  cause.story = `${who.login} retyped order_total in the ${tp.name} tracking plan through the UI on ${ymd(at)}; order events were dropped from then on and ${events.name} lost them.`;
  const edit = (from: string, to: string): Edit => ({
    action: 'tracking_plan.updated',
    target,
    channel: 'ui',
    before: { property: 'order_total', type: from },
    after: { property: 'order_total', type: to },
  });
  auditedEdit(
    sim,
    rng,
    cause,
    who,
    edit('number', 'string'),
    edit('string', 'number'),
    { jobName: events.name, from: at, subjects: 'all' },
    'the tracking plan was restored',
  );
}

export function plantIdentityRuleChange(sim: Sim, rng: Rng, job: Job, who: Actors): void {
  const { plan } = sim;
  const at = plan.causeAt;
  const subjects = new Set(
    rng.sample(sim.subjects, Math.max(8, Math.round(sim.subjects.length * rng.float(0.15, 0.35)))),
  );
  if (plan.variant === 'commit') {
    const cause = newCause(sim, 'identity-rule-change', job, 'compliant', subjects);
    cause.markers.push({ repo: job.repo!, path: job.path!, line: job.sensitive!.bad, subjects });
    cause.story = `An approved commit lowered the identity match threshold in ${job.path} (${job.repo!.name}) on ${ymd(at)}; once deployed, unrelated profiles were stitched together.`;
    const change: CodeChange = {
      job,
      path: job.path!,
      good: job.sensitive!.good,
      bad: job.sensitive!.bad,
      title: titleFor(rng, job),
    };
    sim.clock.at(at, () => bugPullRequest(sim, rng, cause, change, 'approved', 'merge'));
    fixAfterDetection(sim, rng, cause, () =>
      revertFix(sim, rng, cause, job.repo!, job.path!, change.bad, change.good, change.title),
    );
    return;
  }
  const cause = newCause(sim, 'identity-rule-change', job, 'violation', subjects);
  const target = { type: 'identity_rule', id: `${job.namespace}:${job.name}`, name: 'match_threshold' };
  cause.story = `${who.login} lowered the identity match threshold through the UI on ${ymd(at)}; the next stitching run merged unrelated profiles.`;
  const edit = (from: number, to: number): Edit => ({
    action: 'identity_rule.updated',
    target,
    channel: 'ui',
    before: { match_threshold: from },
    after: { match_threshold: to },
  });
  auditedEdit(
    sim,
    rng,
    cause,
    who,
    edit(0.92, 0.42),
    edit(0.42, 0.92),
    { jobName: job.name, from: at, subjects },
    'the rule was restored',
  );
}

export function plantManualMerge(sim: Sim, rng: Rng, job: Job, who: Actors): void {
  const at = sim.plan.causeAt;
  const frequent = sim.subjects.slice(0, Math.max(12, Math.floor(sim.subjects.length * 0.25)));
  const chosen = rng.sample(frequent, 2 * rng.int(3, 8));
  const pairs = chosen.flatMap((s, i) => (i % 2 === 0 ? [[s, chosen[i + 1]!]] : []));
  const cause = newCause(sim, 'manual-identity-merge', job, 'violation', new Set(chosen));
  const target = {
    type: 'identity_merge',
    id: `${job.output.namespace}:${job.output.name}`,
    name: `bulk merge of ${pairs.length} profile pairs`,
  };
  cause.story = `${who.login} merged ${pairs.length} pairs of customer profiles by hand on ${ymd(at)}; the affected customers were scored on someone else's data.`;
  const merge: Edit = {
    action: 'identity.merged',
    target,
    channel: 'ui',
    before: { profiles: chosen },
    after: { merged: pairs },
  };
  const unmerge: Edit = {
    action: 'identity.unmerged',
    target,
    channel: 'ui',
    before: { merged: pairs },
    after: { profiles: chosen },
  };
  auditedEdit(
    sim,
    rng,
    cause,
    who,
    merge,
    unmerge,
    { jobName: job.name, from: at, subjects: new Set(chosen) },
    'the merges were undone',
  );
}
