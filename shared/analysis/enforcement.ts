/**
 * Enforcement: the rule version in force must be the one applied to the events. The version in force at a moment is
 * the one the latest audit entry that applied the rule's tracking plan (or rule) in that environment recorded
 * (`after.version`); each enforcement entry in the window that names another version is a violation.
 */
import type { EvidenceSet } from '../model/evidence-set';
import type { AuditEntry, EnforcementEntry } from '../model/records';
import type { RuleFinding } from './engine-types';
import { timesOf } from './record-times';

const APPLIED = /(applied|published|activated|deployed|updated)$/i;

/** The plan or rule name an enforcement rule refers to (`tracking_plan:checkout` → `checkout`). */
export const ruleName = (rule: string): string => rule.slice(rule.lastIndexOf(':') + 1);

const planName = (a: AuditEntry): string =>
  a.target.name ?? (a.target.id.split('/').pop() ?? a.target.id).replace(/\.(ya?ml|json)$/i, '');

function versionOf(a: AuditEntry): string | undefined {
  const v = (a.after as { version?: unknown } | undefined)?.version;
  return v === undefined || v === null ? undefined : String(v);
}

/** The version of a rule in force in an environment at `t`, with the audit entry that put it there. */
export function ruleVersionInForce(
  audit: ReadonlyArray<AuditEntry>,
  rule: string,
  environment: string | undefined,
  t: number,
): AuditEntry | undefined {
  return versionsInForce(audit, rule)(environment, t);
}

/**
 * `ruleVersionInForce` of one rule, asked many times: the audit log (in time order) is read up to its first entry
 * after `t`, and the last entry before it that applied the rule (in the environment) is the one in force. The
 * entries that applied the rule and the latest time up to each entry are found once.
 */
function versionsInForce(
  audit: ReadonlyArray<AuditEntry>,
  rule: string,
): (environment: string | undefined, t: number) => AuditEntry | undefined {
  const name = ruleName(rule);
  const times = timesOf(audit, 'timestamp');
  const applied: number[] = [];
  // latest[i]: the latest time among entries 0..i; the read stops at the first i where it passes t.
  const latest = new Float64Array(audit.length);
  let max = -Infinity;
  audit.forEach((a, i) => {
    if ((times[i] as number) > max) max = times[i] as number;
    latest[i] = max;
    if (APPLIED.test(a.action) && versionOf(a) !== undefined && planName(a) === name) applied.push(i);
  });
  return (environment, t) => {
    let lo = 0;
    let hi = audit.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((latest[mid] as number) > t) hi = mid;
      else lo = mid + 1;
    }
    for (let k = applied.length - 1; k >= 0; k--) {
      const i = applied[k] as number;
      if (i >= lo) continue;
      const a = audit[i] as AuditEntry;
      if (environment && a.environment && a.environment !== environment) continue;
      return a;
    }
    return undefined;
  };
}

/** When and where a change of a plan took effect: the deployment that put it in force, until the plan next changed. */
export interface PlanInForce {
  readonly at: number;
  readonly until: number;
  readonly environment: string;
  readonly deploymentId: string;
  readonly evidence: RuleFinding['evidence'];
}

/**
 * Where no audit entry records the version in force, the version a deployment put in force is read from the checks
 * themselves: in the deployment's environment, from the deployment until the plan next changed, the checks may go on
 * applying the version before it and then switch once, to the new one, for good. A switch back or a further version
 * while that plan was in force means events were checked against a version not in force; no switch at all leaves
 * unknown whether the deployed plan was applied.
 */
function appliedAfter(
  enforcement: ReadonlyArray<EnforcementEntry>,
  rule: string,
  inForce: PlanInForce,
): { finding: RuleFinding; violation: boolean; missingRecord: boolean } {
  const env = inForce.environment.toLowerCase();
  const times = timesOf(enforcement, 'timestamp');
  let before: string | undefined;
  const after: EnforcementEntry[] = [];
  enforcement.forEach((e, i) => {
    if (e.rule !== rule || e.ruleVersion === undefined || (e.environment && e.environment.toLowerCase() !== env))
      return;
    const t = times[i] as number;
    if (t < inForce.at) before = e.ruleVersion;
    if (t >= inForce.at && t < inForce.until) after.push(e);
  });
  const runs: EnforcementEntry[] = [];
  for (const e of after) if (runs.at(-1)?.ruleVersion !== e.ruleVersion) runs.push(e);
  const versions = runs.map((e) => e.ruleVersion as string);
  const fresh = before === undefined ? versions : versions[0] === before ? versions.slice(1) : versions;
  const since = `after ${inForce.deploymentId} put the plan in force in ${inForce.environment}`;
  if (after.length === 0 || (fresh.length === 0 && before !== undefined)) {
    const kept = after.length ? `kept applying version ${before}` : 'recorded no check';
    return {
      finding: {
        rule: 'enforcement',
        ok: false,
        control: 'unknown',
        text: `No audit entry records which version of ${rule} was in force, and its checks ${kept} ${since}: whether the deployed plan was applied cannot be verified.`,
        evidence: inForce.evidence,
      },
      violation: false,
      missingRecord: true,
    };
  }
  const first = runs.find((e) => e.ruleVersion === fresh[0]) as EnforcementEntry;
  if (fresh.length === 1)
    return {
      finding: {
        rule: 'enforcement',
        ok: true,
        text: `No audit entry records the version of ${rule} in force; its checks switched ${before === undefined ? '' : `from version ${before} `}to version ${fresh[0]} ${since} (first ${first.id} at ${first.timestamp}) and applied it until the plan next changed.`,
        evidence: first.provenance,
        records: [first.provenance, ...(inForce.evidence ? [inForce.evidence] : [])],
      },
      violation: false,
      missingRecord: false,
    };
  return {
    finding: {
      rule: 'enforcement',
      ok: false,
      text: `${rule} checks applied versions ${versions.join(' → ')} ${since}, while that one plan was in force: events were checked against a version not in force.`,
      evidence: first.provenance,
      records: runs.slice(0, 5).map((e) => e.provenance),
    },
    violation: true,
    missingRecord: false,
  };
}

/**
 * Checks the enforcement entries of the rules named (by plan name) in `[from, to]`: one finding per rule,
 * a violation when events were checked against another version than the one in force.
 */
export function enforcementFindings(
  set: EvidenceSet,
  plans: ReadonlyArray<string>,
  from: number,
  to: number,
  inForce?: PlanInForce,
): { findings: RuleFinding[]; violation: boolean; missingRecord: boolean } {
  const wanted = new Set(plans);
  const byRule = new Map<string, EnforcementEntry[]>();
  const times = timesOf(set.enforcement, 'timestamp');
  set.enforcement.forEach((e, i) => {
    const t = times[i] as number;
    if (t < from || t > to || !wanted.has(ruleName(e.rule))) return;
    const entries = byRule.get(e.rule);
    if (entries) entries.push(e);
    else byRule.set(e.rule, [e]);
  });
  const findings: RuleFinding[] = [];
  let violation = false;
  let missingRecord = false;
  for (const [rule, entries] of byRule) {
    const wrong: Array<{ e: EnforcementEntry; inForce: AuditEntry }> = [];
    let unknown = 0;
    const versionInForce = versionsInForce(set.audit, rule);
    for (const e of entries) {
      const inForce = versionInForce(e.environment, Date.parse(e.timestamp));
      if (!inForce) unknown++;
      else if (e.ruleVersion !== undefined && e.ruleVersion !== versionOf(inForce)) wrong.push({ e, inForce });
    }
    if (wrong.length > 0) {
      violation = true;
      const [first] = wrong;
      findings.push({
        rule: 'enforcement',
        ok: false,
        text: `${wrong.length} of ${entries.length} ${rule} checks applied another version than the one in force (e.g. ${first!.e.id} on ${first!.e.eventId ?? 'an event'} applied version ${first!.e.ruleVersion}, version ${versionOf(first!.inForce)} was in force since ${first!.inForce.id}).`,
        evidence: first!.e.provenance,
        records: [...wrong.slice(0, 5).map((w) => w.e.provenance), first!.inForce.provenance],
      });
    } else if (unknown === entries.length && inForce) {
      const inferred = appliedAfter(set.enforcement, rule, inForce);
      findings.push(inferred.finding);
      violation ||= inferred.violation;
      missingRecord ||= inferred.missingRecord;
    } else if (unknown === entries.length) {
      missingRecord = true;
      findings.push({
        rule: 'enforcement',
        ok: false,
        control: 'unknown',
        text: `No audit entry records which version of ${rule} was in force: its ${entries.length} checks cannot be verified.`,
        evidence: entries[0]!.provenance,
      });
    } else {
      findings.push({
        rule: 'enforcement',
        ok: true,
        text: `All ${entries.length - unknown} verifiable ${rule} checks applied the version in force.`,
        evidence: entries[0]!.provenance,
      });
    }
  }
  return { findings, violation, missingRecord };
}
