/**
 * The generic audit log: entries for UI/API/CLI edits of transformations, tracking plans, identity rules,
 * manual identity merges, destinations, consent rules, models — and the model releases the decision log shows.
 */
import type { Rng } from './prng.js';
import { actorName, type Sim } from './sim.js';
import { DAY, HOUR, MINUTE } from './time.js';
import type { AuditEntry, Env } from './types.js';

export function addAudit(
  sim: Sim,
  entry: Omit<AuditEntry, 'id' | 'time' | 'environment'> & { time?: number; environment?: Env },
): AuditEntry {
  const n = sim.nextAudit++;
  const e: AuditEntry = {
    environment: 'production',
    ...entry,
    id: `${sim.auditPrefix}${n}`,
    time: entry.time ?? sim.clock.now,
  };
  sim.audit.push(e);
  return e;
}

export interface ModelRelease {
  readonly time: number;
  readonly version: string;
}

/** The model's versions over the window: one at the start, sometimes a release in the middle (audited). */
export function modelReleases(sim: Sim, rng: Rng): ModelRelease[] {
  const [major, minor] = [rng.int(1, 4), rng.int(0, 9)];
  const out: ModelRelease[] = [{ time: sim.plan.start - 30 * DAY, version: `${major}.${minor}.${rng.int(0, 5)}` }];
  if (rng.chance(0.6)) {
    const time = sim.plan.start + Math.floor(rng.float(0.1, 0.9) * sim.plan.days) * DAY + rng.int(9, 17) * HOUR;
    const version = `${major}.${minor + 1}.0`;
    out.push({ time, version });
    sim.clock.at(time, () =>
      addAudit(sim, {
        actor: actorName(sim, rng.pick(sim.team.engineers)),
        action: 'model.deployed',
        target: { type: 'model', id: sim.pipeline.choice.model.name, name: sim.pipeline.choice.model.name },
        channel: rng.pick(['cli', 'api'] as const),
        before: { version: out[0]!.version },
        after: { version },
      }),
    );
  }
  return out;
}

/** Innocent audit entries spread over the window (and a little before it). */
export function scheduleAuditDistractors(sim: Sim, rng: Rng, protectedSubjects: ReadonlySet<string>): void {
  const { pipeline } = sim;
  const count = rng.int(8, 36);
  const jobs = pipeline.jobs.filter((j) => j.role !== 'ingest');
  const idGraph = pipeline.jobs.find((j) => j.role === 'identity')?.output;
  for (let i = 0; i < count; i++) {
    const time = sim.plan.start - 5 * DAY + Math.floor(rng.float(0, sim.plan.days + 4) * DAY) + rng.int(0, 59) * MINUTE;
    const actor = actorName(sim, rng.pick(sim.team.engineers));
    const channel = rng.weighted([
      ['ui', 6],
      ['api', 2],
      ['cli', 1],
    ] as const);
    const kind = rng.weighted([
      ['destination', 4],
      ['consent', 2],
      ['transformation', 3],
      ['tracking_plan', pipeline.trackingPlan ? 2 : 0],
      ['identity_merge', idGraph ? 2 : 0],
      ['identity_rule', idGraph ? 1 : 0],
      ['feature', 2],
      ['user', 2],
    ] as const);
    sim.clock.at(time, () => {
      if (kind === 'destination') {
        const name = rng.pick(['Braze', 'Salesforce Marketing Cloud', 'S3 archive', 'Google Ads', 'Iterable']);
        addAudit(sim, {
          actor,
          action: 'destination.updated',
          target: { type: 'destination', id: `dest_${rng.hex(8)}`, name },
          channel,
          before: { enabled: true, batch_size: 500 },
          after: { enabled: true, batch_size: rng.pick([250, 1000, 2000]) },
        });
      } else if (kind === 'consent') {
        addAudit(sim, {
          actor,
          action: 'consent_rule.updated',
          target: {
            type: 'consent_rule',
            id: `consent_${rng.pick(['marketing', 'analytics', 'ads'])}`,
            name: 'regional consent',
          },
          channel,
          before: { regions: ['EU'] },
          after: { regions: ['EU', 'UK'] },
        });
      } else if (kind === 'transformation') {
        const j = rng.pick(jobs);
        const field = rng.pick(['description', 'schedule', 'owner']);
        addAudit(sim, {
          actor,
          action: 'transformation.updated',
          target: { type: 'transformation', id: `${j.namespace}:${j.name}`, name: j.name },
          channel,
          before: { [field]: field === 'schedule' ? '0 2 * * *' : 'data platform' },
          after: { [field]: field === 'schedule' ? '15 2 * * *' : rng.pick(['analytics engineering', 'ml platform']) },
        });
      } else if (kind === 'tracking_plan') {
        const tp = pipeline.trackingPlan!;
        addAudit(sim, {
          actor,
          action: 'tracking_plan.updated',
          target: { type: 'tracking_plan', id: `tp_${tp.name}`, name: tp.name },
          channel,
          before: { properties: ['order_total'] },
          after: { properties: ['order_total', rng.pick(['coupon_code', 'referrer', 'currency'])], required: false },
        });
      } else if (kind === 'identity_merge') {
        const pool = sim.subjects.filter((s) => !protectedSubjects.has(s));
        const [a, b] = [rng.pick(pool), `anon-${rng.hex(10)}`];
        addAudit(sim, {
          actor,
          action: 'identity.merged',
          target: { type: 'identity_merge', id: `${idGraph!.namespace}:${idGraph!.name}`, name: `merge ${a}` },
          channel: 'ui',
          before: { profiles: [a, b] },
          after: { canonical: a, merged: [[a, b]] },
        });
      } else if (kind === 'identity_rule') {
        const j = pipeline.jobs.find((x) => x.role === 'identity')!;
        addAudit(sim, {
          actor,
          action: 'identity_rule.viewed',
          target: { type: 'identity_rule', id: `${j.namespace}:${j.name}`, name: 'id_types' },
          channel,
          before: {},
          after: {},
        });
      } else if (kind === 'feature') {
        const f = rng.pick(pipeline.choice.others);
        addAudit(sim, {
          actor,
          action: 'feature.updated',
          target: { type: 'feature', id: f.name, name: f.name },
          channel,
          before: { description: '' },
          after: { description: `${f.name}, refreshed daily` },
        });
      } else {
        addAudit(sim, {
          actor,
          action: 'user.invited',
          target: {
            type: 'user',
            id: `user_${rng.hex(6)}`,
            name: `${rng.pick(['contractor', 'analyst', 'intern'])}@${sim.pipeline.repos[0]!.org}.com`,
          },
          channel: 'ui',
          before: {},
          after: { role: 'viewer' },
        });
      }
    });
  }
}
