/**
 * The decision log of the offer-eligibility model: each decision reads the features of the latest
 * COMPLETE feature run before it (its `dataset_version`), labelled with the feature versions that run's
 * code had in production. Written as a stream; the tally records what the ground truth needs.
 */
import { customerId, profileAt, type CustomerWorld } from './customers';
import { CustomerFeatures, isEligible, type EligibilityRule } from './files/features';
import { Rng, unitHash } from './prng';
import type { RunRecord } from './runs';
import { DAY, HOUR, formatUtc, isWeekend } from './time';
import { DATASETS, FEATURE_NAME, MODEL_NAME, OTHER_FEATURE } from './world';

export interface DecisionInput {
  readonly seed: number;
  readonly world: CustomerWorld;
  readonly startMs: number;
  readonly days: number;
  readonly perDay: number;
  readonly customers: number;
  /** Runs of the feature job, in time order. */
  readonly featureRuns: ReadonlyArray<RunRecord>;
  /** Deployment id → feature → label. */
  readonly featureVersions: ReadonlyMap<string, Readonly<Record<string, string>>>;
  /** The rule as intended: what the planted change should have left alone. */
  readonly goodRule: EligibilityRule;
  readonly plantedRule: EligibilityRule;
  readonly modelUpgradeMs: number;
  /** An upstream cause (scenarios): feature runs from this nominal time on compute from degraded inputs. */
  readonly degradation?: {
    readonly fromNominalMs: number;
    readonly degrade: (rule: EligibilityRule) => EligibilityRule;
  };
  /** Log decisions without `dataset_version` (serving-layer opacity). */
  readonly servingOpacity?: boolean;
}

export interface DecisionRef {
  readonly decisionId: string;
  readonly timestamp: string;
  readonly subjectId: string;
}

/** Filled while the decisions are written. */
export interface DecisionTally {
  count: number;
  /** The first decision that read a dataset version computed by the planted logic. */
  onset?: DecisionRef;
  /** The first rejected decision about a customer the intended rule finds eligible. */
  firstWrong?: DecisionRef;
  /** The case: a wrong decision a few days after the onset. */
  caseDecision?: DecisionRef & { readonly datasetVersion: string; readonly featureVersion: string };
  featureVersionBefore?: string;
  featureVersionAfter?: string;
  firstBadRun?: { readonly runId: string; readonly datasetVersion: string };
  affected: number;
  wrong: number;
  before: { total: number; rejected: number };
  after: { total: number; rejected: number };
}

export function emptyTally(): DecisionTally {
  return { count: 0, affected: 0, wrong: 0, before: { total: 0, rejected: 0 }, after: { total: 0, rejected: 0 } };
}

const DATASET = { namespace: DATASETS.customerFeatures.namespace, name: DATASETS.customerFeatures.name };

function score(seed: number, n: number, flag: boolean, daysSince: number, orders: number): number {
  const base = flag ? 0.7 : 0.22;
  const recency = daysSince < 30 ? 0.06 : daysSince > 60 ? -0.2 : 0;
  const noise = (unitHash(seed, n, 77) - 0.5) * 0.26;
  const s = base + recency + Math.min(orders, 5) * 0.015 + noise;
  return Math.round(Math.min(0.99, Math.max(0.01, s)) * 1000) / 1000;
}

export function* decisionLines(input: DecisionInput, tally: DecisionTally): Generator<string> {
  const rng = new Rng(input.seed, 'decisions');
  const runs = input.featureRuns;
  const plantedKey = JSON.stringify(input.plantedRule);
  let r = -1;
  let current:
    | {
        run: RunRecord;
        rule: EligibilityRule;
        intended: EligibilityRule;
        bad: boolean;
        labels: Readonly<Record<string, string>>;
      }
    | undefined;
  const degradation = input.degradation;
  for (let day = 1; day < input.days; day++) {
    const dayMs = input.startMs + day * DAY;
    const n = Math.round(input.perDay * (isWeekend(dayMs) ? 0.7 : 1) * rng.float(0.9, 1.1));
    const times = Array.from({ length: n }, () => Math.floor(dayMs + 6 * HOUR + rng.next() * 17 * HOUR)).sort(
      (a, b) => a - b,
    );
    for (const ms of times) {
      while (r + 1 < runs.length && (runs[r + 1] as RunRecord).endMs < ms) {
        const run = runs[++r] as RunRecord;
        if (run.code instanceof CustomerFeatures) {
          const code = run.code.spec.eligibility;
          const labels = input.featureVersions.get(run.deployment.id) ?? {};
          const degraded = degradation !== undefined && run.nominalMs >= degradation.fromNominalMs;
          current = degraded
            ? { run, rule: degradation.degrade(code), intended: code, bad: true, labels }
            : { run, rule: code, intended: input.goodRule, bad: JSON.stringify(code) === plantedKey, labels };
        }
      }
      if (!current) continue;
      const { run, labels, bad } = current;
      const subject = rng.int(1, input.customers);
      const profile = profileAt(input.world, subject, run.startMs);
      const flag = isEligible(current.rule, profile);
      // What the flag should have been: the planted logic is the only wrong one.
      const intended = bad ? isEligible(current.intended, profile) : flag;
      const seq = ++tally.count;
      const s = score(input.seed, seq, flag, profile.daysSinceLastOrder, profile.orderCount90d);
      const approve = s >= 0.5;
      const ref: DecisionRef = {
        decisionId: `d-${String(seq).padStart(7, '0')}`,
        timestamp: formatUtc(ms),
        subjectId: customerId(subject),
      };
      const wrong = !approve && intended && !flag;
      const side = bad || tally.onset ? tally.after : tally.before;
      side.total++;
      if (!approve) side.rejected++;
      if (bad) {
        tally.affected++;
        if (!tally.onset) {
          tally.onset = ref;
          tally.firstBadRun = { runId: run.runId, datasetVersion: run.outputVersion };
          tally.featureVersionAfter = labels[FEATURE_NAME];
        }
      } else if (!tally.onset) tally.featureVersionBefore = labels[FEATURE_NAME];
      if (wrong) {
        tally.wrong++;
        tally.firstWrong ??= ref;
        if (!tally.caseDecision && tally.onset && ms >= Date.parse(tally.onset.timestamp) + 2 * DAY) {
          tally.caseDecision = {
            ...ref,
            datasetVersion: run.outputVersion,
            featureVersion: labels[FEATURE_NAME] ?? '',
          };
        }
      }
      const features = [
        { name: FEATURE_NAME, value: flag, label: labels[FEATURE_NAME] },
        { name: OTHER_FEATURE, value: profile.daysSinceLastOrder, label: labels[OTHER_FEATURE] },
      ];
      yield JSON.stringify({
        decision_id: ref.decisionId,
        timestamp: ref.timestamp,
        subject_id: ref.subjectId,
        model: { name: MODEL_NAME, version: ms < input.modelUpgradeMs ? '3.1.0' : '3.2.0' },
        environment: 'production',
        output: { label: approve ? 'approve' : 'reject', score: s },
        action: approve ? 'offer_approved' : 'offer_rejected',
        features: features.map((f) => ({
          name: f.name,
          value: f.value,
          dataset: DATASET,
          field: f.name,
          ...(input.servingOpacity ? {} : { dataset_version: run.outputVersion }),
          feature_version: f.label ?? 'v1',
        })),
      });
    }
  }
}
