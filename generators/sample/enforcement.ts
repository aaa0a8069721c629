/**
 * The enforcement log: checkout events checked against the tracking plan version in force in each
 * environment (`rule_version` moves when a new plan is deployed there).
 */
import type { DeployTimeline, Environment } from './deployments';
import { Rng } from './prng';
import { DAY, formatUtc, isWeekend } from './time';
import { coreJob } from './world';

export interface EnforcementInput {
  readonly seed: number;
  readonly timeline: DeployTimeline;
  readonly ruleVersions: ReadonlyMap<string, string>;
  readonly startMs: number;
  readonly days: number;
  readonly perDay: number;
}

const VIOLATIONS = {
  flagged: [
    { property: 'utm_source', reason: 'unplanned value' },
    { property: 'email', reason: 'does not match format email' },
  ],
  dropped: [
    { property: 'country', reason: 'required property missing' },
    { property: 'order_id', reason: 'required property missing' },
  ],
  routed: [{ property: 'revenue', reason: 'type mismatch: expected number' }],
};

export function* enforcementLines(input: EnforcementInput): Generator<string> {
  const rng = new Rng(input.seed, 'enforcement');
  const ingest = coreJob('ingest').key;
  let seq = 0;
  for (let day = 1; day < input.days; day++) {
    const dayMs = input.startMs + day * DAY;
    const n = Math.round(input.perDay * (isWeekend(dayMs) ? 0.6 : 1) * rng.float(0.85, 1.15));
    const checks: { ms: number; env: Environment }[] = [];
    for (let i = 0; i < n; i++) {
      checks.push({ ms: dayMs + rng.int(0, 24 * 3600 - 1) * 1000, env: rng.chance(0.15) ? 'staging' : 'production' });
    }
    checks.sort((a, b) => a.ms - b.ms);
    for (const { ms, env } of checks) {
      const deployment = input.timeline.at(ingest, env, ms);
      if (!deployment) continue;
      const r = rng.next();
      const outcome = r < 0.9 ? 'passed' : r < 0.96 ? 'flagged' : r < 0.99 ? 'dropped' : 'routed';
      const violations = outcome === 'passed' ? [] : [rng.pick(VIOLATIONS[outcome])];
      yield JSON.stringify({
        id: `e-${++seq}`,
        timestamp: formatUtc(ms),
        event_id: `evt-${rng.hex(12)}`,
        source: 'web',
        rule: 'tracking_plan:checkout',
        rule_version: input.ruleVersions.get(deployment.id) ?? '',
        outcome,
        violations,
        environment: env,
      });
    }
  }
}
