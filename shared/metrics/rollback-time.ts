/**
 * Rollback time, from the deployment history. A rollback is (a) a production deployment of a commit that an
 * earlier production deployment of the same component already contained — a redeploy of an older version — or
 * (b) the first production deployment shipping a commit that says "This reverts commit X"; its time is from the
 * bad deployment (the one rolled back; for a revert, the first that shipped X) to the rollback deployment.
 * Where the history holds no rollback, the proxy is the merge-to-production lead time: from a pull request's merge
 * to the first production deployment that ships it — how long a revert would take to reach production.
 */
import { commitGraph, type CommitGraph } from '../analysis/commit-graph';
import type { EvidenceSet } from '../model/evidence-set';
import type { Deployment, Provenance } from '../model/records';
import { drillDown, type DrillDownItem, type Metric, type MetricOptions } from './metric-types';
import { median, weeklySeries } from './weeks';

const PRODUCTION = /^prod/i;
const OK = /^(success|succeeded|ok|completed|active)$/i;
const HOUR = 3_600_000;

interface Measured {
  readonly id: string;
  readonly kind: 'deployment' | 'pull-request';
  readonly end: number;
  readonly hours: number;
  readonly reason: string;
  readonly evidence: Provenance;
}

/**
 * The first of the (time-ordered, successful) deployments at or after `from` that ships `sha` — it contains the
 * commit. Stops at the first: the next deployment after a merge usually ships it, so the walk stays short.
 */
function firstShipping(
  sha: string,
  prod: ReadonlyArray<Deployment>,
  graph: CommitGraph,
  from = -Infinity,
): Deployment | undefined {
  return prod.find(
    (d) => Date.parse(d.timestamp) >= from && graph.isAncestor(sha, graph.resolve(d.commit) ?? d.commit),
  );
}

const hoursText = (h: number) => `${Math.round(h * 100) / 100} h`;
const short = (sha: string) => sha.slice(0, 7);

function rollbacks(prod: ReadonlyArray<Deployment>, set: EvidenceSet, graph: CommitGraph): Measured[] {
  const out: Measured[] = [];
  const byComponent = new Map<string, Deployment[]>();
  for (const d of prod) {
    const list = byComponent.get(d.component ?? '') ?? [];
    list.push(d);
    byComponent.set(d.component ?? '', list);
  }
  for (const list of byComponent.values()) {
    for (let i = 1; i < list.length; i++) {
      const d = list[i] as Deployment;
      const prev = list[i - 1] as Deployment;
      const now = graph.resolve(d.commit) ?? d.commit;
      const before = graph.resolve(prev.commit) ?? prev.commit;
      if (now !== before && graph.bySha.has(now) && graph.isAncestor(now, before)) {
        const hours = (Date.parse(d.timestamp) - Date.parse(prev.timestamp)) / HOUR;
        out.push({
          id: d.id,
          kind: 'deployment',
          end: Date.parse(d.timestamp),
          hours,
          reason: `redeployed older ${short(now)} over ${prev.id} (${short(before)}) ${hoursText(hours)} after it`,
          evidence: d.provenance,
        });
      }
    }
  }
  for (const c of set.commits) {
    const reverted = /This reverts commit ([0-9a-f]{7,40})/.exec(c.body)?.[1];
    const target = reverted ? graph.resolve(reverted) : undefined;
    if (!target) continue;
    const bad = firstShipping(target, prod, graph);
    const fix = firstShipping(c.sha, prod, graph);
    if (bad && fix && !out.some((m) => m.id === fix.id)) {
      const hours = (Date.parse(fix.timestamp) - Date.parse(bad.timestamp)) / HOUR;
      out.push({
        id: fix.id,
        kind: 'deployment',
        end: Date.parse(fix.timestamp),
        hours,
        reason: `shipped revert ${short(c.sha)} of ${short(target)} ${hoursText(hours)} after ${bad.id} shipped it`,
        evidence: fix.provenance,
      });
    }
  }
  return out;
}

/** Rollback time in hours (median), or its proxy when the history holds no rollback. */
export function rollbackTime(set: EvidenceSet, options: MetricOptions = {}): Metric {
  const graph = commitGraph(set.commits, set.pullRequests);
  const prod = set.deployments.filter((d) => PRODUCTION.test(d.environment) && (!d.status || OK.test(d.status)));
  let measured = rollbacks(prod, set, graph);
  const method = measured.length > 0 ? 'rollbacks' : 'merge-to-production proxy';
  const unshipped: DrillDownItem[] = [];
  if (measured.length === 0) {
    for (const pr of set.pullRequests) {
      if (!pr.mergedAt || !pr.mergeCommitSha) continue;
      const sha = graph.resolve(pr.mergeCommitSha);
      const shipped = sha ? firstShipping(sha, prod, graph, Date.parse(pr.mergedAt)) : undefined;
      if (!shipped) {
        unshipped.push({
          id: `#${pr.number}`,
          kind: 'pull-request',
          time: pr.mergedAt,
          reason: `"${pr.title}" merged but no production deployment ships it`,
          tags: ['never in production'],
          evidence: pr.provenance,
        });
        continue;
      }
      const end = Date.parse(shipped.timestamp);
      const hours = (end - Date.parse(pr.mergedAt)) / HOUR;
      measured.push({
        id: `#${pr.number}`,
        kind: 'pull-request',
        end,
        hours,
        reason: `"${pr.title}" reached production in ${shipped.id} ${hoursText(hours)} after its merge`,
        evidence: pr.provenance,
      });
    }
  }
  measured = measured.sort((a, b) => b.hours - a.hours);
  const value = median(measured.map((m) => m.hours));
  return {
    id: 'rollback-time',
    name: 'Rollback time',
    unit: 'hours',
    value: value === null ? null : Math.round(value * 100) / 100,
    definition:
      'Median hours from a bad production deployment to the deployment that rolled it back: a redeploy of an older commit of the ' +
      'same component, or the first production deployment of a commit that says "This reverts commit X" (from the first production ' +
      "deployment that shipped X). Where the history holds no rollback, the proxy is the median hours from a pull request's merge to " +
      'the first production deployment that ships it. The trend is per week of the rollback (or production) deployment; the drill-down ' +
      'lists the measured deployments or pull requests, slowest first, then merged pull requests that never reached production.',
    trend: weeklySeries(
      measured.map((m) => ({ time: m.end, item: m.hours })),
      (hs) => median(hs),
    ),
    drillDown: drillDown(
      [measured[0]?.kind ?? 'pull-request'],
      [
        ...measured.map(({ end, hours, ...m }) => ({
          ...m,
          time: new Date(end).toISOString(),
          hours: Math.round(hours * 100) / 100,
          tags: [method],
        })),
        ...unshipped,
      ],
      options.drillDownLimit,
    ),
    details: { method, measured: measured.length, neverInProduction: unshipped.length },
  };
}
