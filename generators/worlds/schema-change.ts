/**
 * A schema change: a field the feature depends on is renamed or dropped upstream — by a managed connector
 * (a vendor change, or someone re-syncing its schema in the UI) or by an approved commit to a staging job —
 * and the runs' schema facets show it from the first run that carries it.
 */
import { fixAfterDetection, newCause, revertFix } from './cause-helpers.js';
import { bugPullRequest, type CodeChange } from './causes-code.js';
import { auditedEdit, overlayCause, type Actors, type Edit } from './causes-config.js';
import type { Rng } from './prng.js';
import type { Sim } from './sim.js';
import { ymd } from './time.js';
import type { Overlay } from './types.js';

export function plantSchemaChange(sim: Sim, rng: Rng, who: Actors): void {
  const { plan, pipeline } = sim;
  const at = plan.causeAt;
  if (plan.variant === 'upstream-commit') {
    const job = rng.pick(pipeline.jobs.filter((j) => j.rename && j.repo));
    const cause = newCause(sim, 'schema-change', job, 'compliant');
    const r = job.rename!;
    cause.markers.push({
      repo: job.repo!,
      path: job.path!,
      line: r.bad,
      subjects: 'all',
      renames: { field: r.field, to: r.to },
    });
    const change: CodeChange = {
      job,
      path: job.path!,
      good: r.good,
      bad: r.bad,
      title: `Rename ${r.field} to ${r.to} in ${job.name.split('.').pop()}`,
    };
    cause.story = `An approved change renamed ${r.field} to ${r.to} in ${job.name} (${job.path}) on ${ymd(at)}; downstream, ${pipeline.featureJob.name} still read ${r.field}.`;
    sim.clock.at(at, () => bugPullRequest(sim, rng, cause, change, 'approved', rng.chance(0.6) ? 'merge' : 'squash'));
    fixAfterDetection(sim, rng, cause, () =>
      revertFix(sim, rng, cause, job.repo!, job.path!, r.bad, r.good, change.title),
    );
    return;
  }
  const job = pipeline.jobs.find((j) => j.role === 'ingest')!;
  const audited = plan.variant === 'connector-audit';
  const cause = newCause(sim, 'schema-change', job, audited ? 'violation' : 'compliant');
  const to = rng.chance(0.6) ? 'Billing_Country__c' : null;
  const target = { type: 'source', id: `${job.namespace}:${job.name}`, name: 'Salesforce connector' };
  const how = to ? `delivering BillingCountry as ${to}` : 'dropping BillingCountry';
  cause.story = `The ${job.name} connector started ${how} on ${ymd(at)}${audited ? ` after ${who.login} re-synced its schema in the UI` : ' (a vendor-side schema change)'}.`;
  const columns = to ? { [to]: 'enabled' } : { BillingCountry: 'blocked' };
  const edit: Edit = {
    action: 'source.schema_updated',
    target,
    channel: 'ui',
    before: { columns: { BillingCountry: 'enabled' } },
    after: { columns },
  };
  const undo: Edit = {
    action: 'source.schema_updated',
    target,
    channel: 'ui',
    before: { columns },
    after: { columns: { BillingCountry: 'enabled' } },
  };
  const overlay: Overlay = { jobName: job.name, from: at, subjects: 'all', renames: { field: 'BillingCountry', to } };
  if (audited) auditedEdit(sim, rng, cause, who, edit, undo, overlay, 'the connector mapping was restored');
  else
    overlayCause(
      sim,
      rng,
      cause,
      overlay,
      () => (cause.fixStory = `the connector delivered BillingCountry again from ${ymd(sim.clock.now)}`),
    );
}
