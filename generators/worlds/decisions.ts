/**
 * The decision log: one model in production decides about subjects (who come back several times); each
 * decision reads the feature table's latest production version. When that version carries the cause for
 * the subject, the bad action becomes much more likely.
 */
import type { ModelRelease } from './audit.js';
import type { Rng } from './prng.js';
import type { DatasetVersion, Run } from './runs.js';
import type { Sim } from './sim.js';
import { DAY, HOUR } from './time.js';
import type { FeatureSpec } from './models.js';

export interface Decision {
  readonly id: string;
  readonly time: number;
  readonly subject: string;
  readonly modelVersion: string;
  readonly version?: DatasetVersion;
  /** The data it read carried the cause for its subject. */
  readonly affected: boolean;
  /** Affected, and its action would not have been the bad one on correct data. */
  readonly wrong: boolean;
  readonly action: string;
  readonly label: string;
  readonly score: number;
  readonly values: ReadonlyMap<string, unknown>;
}

/** The subjects of a world, most frequent first. */
export function subjectPool(rng: Rng, count: number): string[] {
  const style = rng.pick(['u-', 'cus_', 'acct-', 'C'] as const);
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < count) {
    const id = style === 'cus_' ? `cus_${rng.hex(12)}` : `${style}${rng.int(1000, 999_999)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
  }
  return out;
}

function value(rng: Rng, f: FeatureSpec, bad: boolean): unknown {
  if (f.kind === 'bool') return f.name.includes('delinquency') ? bad || rng.chance(0.1) : !bad && rng.chance(0.85);
  if (f.kind === 'band') return bad ? 'low' : rng.pick(['low', 'mid', 'mid', 'high']);
  if (f.kind === 'int') return bad ? rng.int(0, 2) : rng.int(1, 40);
  const x = bad ? rng.float(0.7, 1) : rng.float(0.02, 0.6);
  return Math.round(x * 10_000) / 10_000;
}

export function simulateDecisions(
  sim: Sim,
  rng: Rng,
  runs: ReadonlyArray<Run>,
  releases: ReadonlyArray<ModelRelease>,
  servingLag: number,
): Decision[] {
  const { plan, pipeline } = sim;
  const { model, target, others } = pipeline.choice;
  const versions = runs
    .filter((r) => r.env === 'production' && r.job === pipeline.featureJob && r.output)
    .map((r) => r.output!)
    .sort((a, b) => a.at - b.at);
  const [pBase, pBad] = [rng.float(0.06, 0.18), rng.float(0.5, 0.78)];
  const times: number[] = [];
  for (let i = 0; i < plan.decisionCount; i++) {
    const day = plan.start + rng.int(0, plan.days - 1) * DAY;
    const hour = rng.weighted([
      [rng.int(0, 7), 1],
      [rng.int(8, 19), 5],
      [rng.int(20, 23), 2],
    ] as const);
    times.push(day + hour * HOUR + rng.int(0, 3_599_999));
  }
  times.sort((a, b) => a - b);
  const idStyle = rng.pick(['d-', 'dec_', 'inf-'] as const);
  const goodActions = model.actions.filter((a) => a !== model.badAction);
  let vi = -1;
  return times.map((time, i) => {
    while (vi + 1 < versions.length && versions[vi + 1]!.at + servingLag <= time) vi++;
    const version = vi >= 0 ? versions[vi] : undefined;
    const subject = sim.subjects[Math.floor(sim.subjects.length * Math.pow(rng.next(), 1.7))]!;
    const t = version?.taint ?? null;
    const affected = t !== null && (t === 'all' || t.has(subject));
    const u = rng.next();
    const bad = u < (affected ? pBad : pBase);
    const wrong = affected && bad && u >= pBase;
    const values = new Map<string, unknown>([[target.name, value(rng, target, bad && (affected || rng.chance(0.5)))]]);
    for (const o of others) values.set(o.name, value(rng, o, bad && rng.chance(0.3)));
    const score = Math.round((bad ? rng.float(0.02, 0.35) : rng.float(0.5, 0.98)) * 1000) / 1000;
    const modelVersion = [...releases].reverse().find((r) => r.time <= time)?.version ?? releases[0]!.version;
    const n = i + 1;
    const id =
      idStyle === 'd-'
        ? `d-${String(n).padStart(7, '0')}`
        : idStyle === 'dec_'
          ? `dec_${n.toString(36).padStart(6, '0')}`
          : `inf-${new Date(time).toISOString().slice(0, 10).replace(/-/g, '')}-${String(n).padStart(6, '0')}`;
    return {
      id,
      time,
      subject,
      modelVersion,
      ...(version && { version }),
      affected,
      wrong,
      action: bad ? model.badAction : rng.pick(goodActions),
      label: bad ? model.badLabel : model.goodLabel,
      score,
      values,
    };
  });
}
