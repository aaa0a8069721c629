/**
 * Unauthorized change rate: changes made outside the versioned workflow, per week — audit-log edits of pipeline
 * configuration through the UI or API (not through version control), manual identity merges by any channel, and
 * commits that reached production without a pull request (when pull requests are imported).
 */
import { commitGraph } from '../analysis/commit-graph';
import type { EvidenceSet } from '../model/evidence-set';
import type { Provenance } from '../model/records';
import { drillDown, type Metric, type MetricOptions } from './metric-types';
import { round4, weeklySeries } from './weeks';

/** Audit targets that are part of the pipeline (FORMATS.md's types and datasets); logins and keys are not changes to it. */
export const PIPELINE_TARGETS = new Set([
  'transformation',
  'tracking_plan',
  'identity_rule',
  'identity_merge',
  'destination',
  'source',
  'consent_rule',
  'model',
  'feature',
  'dataset',
]);

const PRODUCTION = /^prod/i;

/** A change made outside the versioned workflow: what it is, when, why it counts and where it was read. */
export interface UnauthorizedChange {
  readonly id: string;
  readonly kind: 'audit' | 'commit';
  readonly time: number;
  readonly reason: string;
  readonly tags: ReadonlyArray<string>;
  readonly evidence: Provenance;
}

/** The changes made outside the versioned workflow, with their times. */
export function unauthorizedChanges(set: EvidenceSet): UnauthorizedChange[] {
  const out: UnauthorizedChange[] = [];
  for (const a of set.audit) {
    const outside = (a.channel === 'ui' || a.channel === 'api') && PIPELINE_TARGETS.has(a.target.type);
    if (outside || a.target.type === 'identity_merge') {
      const target = `${a.target.type} ${a.target.name ?? a.target.id}`;
      out.push({
        id: a.id,
        kind: 'audit',
        time: Date.parse(a.timestamp),
        reason: outside
          ? `${a.actor} ${a.action} ${target} through the ${a.channel}, outside version control`
          : `${a.actor} ${a.action} ${target}: a manual identity merge`,
        tags: [a.channel ?? 'no channel', a.target.type],
        evidence: a.provenance,
      });
    }
  }
  if (set.pullRequests.length > 0) {
    const graph = commitGraph(set.commits, set.pullRequests);
    const inProduction = new Set<string>();
    const stack = set.deployments
      .filter(
        (d) =>
          PRODUCTION.test(d.environment) && (!d.status || /^(success|succeeded|ok|completed|active)$/i.test(d.status)),
      )
      .map((d) => graph.resolve(d.commit))
      .filter((s): s is string => s !== undefined);
    while (stack.length) {
      const sha = stack.pop() as string;
      if (inProduction.has(sha)) continue;
      inProduction.add(sha);
      for (const p of graph.bySha.get(sha)?.parents ?? []) if (graph.bySha.has(p)) stack.push(p);
    }
    for (const sha of inProduction) {
      const c = graph.bySha.get(sha);
      if (c && c.parents.length === 1 && !graph.pullRequestOf(sha))
        out.push({
          id: sha,
          kind: 'commit',
          time: Date.parse(c.committerDate),
          reason: `${c.authorName}'s commit "${c.subject}" reached production without a pull request`,
          tags: ['no pull request'],
          evidence: c.provenance,
        });
    }
  }
  return out.sort((a, b) => a.time - b.time || a.id.localeCompare(b.id));
}

/** Changes outside the versioned workflow per week, over the weeks the audit log and history span. */
export function unauthorizedChangeRate(set: EvidenceSet, options: MetricOptions = {}): Metric {
  const changes = unauthorizedChanges(set);
  const times = [
    ...set.audit.map((a) => Date.parse(a.timestamp)),
    ...set.commits.map((c) => Date.parse(c.committerDate)),
  ].filter(Number.isFinite);
  const range = times.length
    ? { from: times.reduce((a, b) => Math.min(a, b)), to: times.reduce((a, b) => Math.max(a, b)) }
    : undefined;
  const trend = weeklySeries(
    changes.map((c) => ({ time: c.time, item: c })),
    (items) => items.length,
    range,
    0,
  );
  return {
    id: 'unauthorized-change-rate',
    name: 'Unauthorized change rate',
    unit: 'changes per week',
    value: trend.length ? round4(changes.length / trend.length) : null,
    definition:
      'Changes made outside the versioned workflow, per week (their count over the weeks the audit log and Git history span): ' +
      'audit-log edits of pipeline configuration (transformations, tracking plans, identity rules, destinations, sources, consent rules, ' +
      'models, features, datasets) through the UI or API channel, manual identity merges by any channel, and — when pull requests are ' +
      'imported — non-merge commits that reached production without a pull request. The drill-down lists their ids.',
    trend,
    drillDown: drillDown(
      ['audit', 'commit'],
      changes.map(({ time, ...c }) => ({ ...c, time: new Date(time).toISOString() })),
      options.drillDownLimit,
    ),
    details: {
      audit: changes.filter((c) => c.kind === 'audit').length,
      commits: changes.filter((c) => c.kind === 'commit').length,
      weeks: trend.length,
    },
  };
}
