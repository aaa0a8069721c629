import type { GovernanceRule, RuleFinding } from './engine-types';
import type { GovernanceFinding } from './types';

/** A control's verdict for one change: it passed, failed, did not apply, or the evidence cannot say. */
export type ControlVerdict = 'pass' | 'fail' | 'not-applicable' | 'unknown';

/** The one label of each verdict, in the app, the report and the CLI. */
export const CONTROL_VERDICT_LABEL: Readonly<Record<ControlVerdict, string>> = {
  pass: 'Pass',
  fail: 'Fail',
  'not-applicable': 'Not applicable',
  unknown: 'Unknown',
};

/** What each governance control checks, in the reviewer's words (the one label in the app, the report and the CLI). */
export const CONTROL_LABEL: Readonly<Record<GovernanceRule, string>> = {
  approval: 'Approving review',
  'self-approval': 'Approved by someone other than the author',
  'stale-approval': 'Approval on the merged commit',
  'approval-after-merge': 'Approval before merge',
  'deployment-contains-merge': 'Deployed commit contains the approved merge',
  'deployment-ships-unapproved': 'Nothing unapproved shipped with it',
  'staging-before-production': 'Staging before production',
  parity: 'Environment parity',
  enforcement: 'Enforcement of the rule version in force',
  unauthorized: 'Inside the versioned workflow',
  evidence: 'Evidence',
};

/**
 * A finding's control verdict: the one its rule gave (`control`), else from its result — a failed check fails, a
 * passed one passes; an `evidence` finding is a fact (not applicable) or, when it failed, a record that is missing
 * (unknown). Results stored before rules gave a verdict are read the same way.
 */
export function controlVerdict(f: GovernanceFinding): ControlVerdict {
  if (f.control) return f.control;
  if ((f as Partial<RuleFinding>).rule === 'evidence') return f.ok ? 'not-applicable' : 'unknown';
  return f.ok ? 'pass' : 'fail';
}

/** One row per control: its verdict (the worst of its findings) and every finding behind it, as evidence. */
export interface ControlRow {
  readonly rule: GovernanceRule;
  readonly label: string;
  readonly verdict: ControlVerdict;
  readonly findings: ReadonlyArray<GovernanceFinding>;
}

const SEVERITY: Readonly<Record<ControlVerdict, number>> = { fail: 3, unknown: 2, pass: 1, 'not-applicable': 0 };

/**
 * The findings of one change as controls and notes: a row per control (in the order the rules first spoke) with one
 * verdict — fail over unknown over pass over not applicable — and the facts the rules stated without checking
 * anything (`evidence` findings that hold) as notes, which carry no verdict.
 */
export function governanceControls(findings: ReadonlyArray<GovernanceFinding>): {
  controls: ControlRow[];
  notes: GovernanceFinding[];
} {
  const rows = new Map<GovernanceRule, { verdict: ControlVerdict; findings: GovernanceFinding[] }>();
  const notes: GovernanceFinding[] = [];
  for (const f of findings) {
    const rule = (f as Partial<RuleFinding>).rule ?? 'evidence';
    const verdict = controlVerdict(f);
    if (rule === 'evidence' && verdict === 'not-applicable') {
      notes.push(f);
      continue;
    }
    const row = rows.get(rule);
    if (!row) rows.set(rule, { verdict, findings: [f] });
    else {
      row.findings.push(f);
      if (SEVERITY[verdict] > SEVERITY[row.verdict]) row.verdict = verdict;
    }
  }
  const controls = [...rows].map(([rule, r]) => ({ rule, label: CONTROL_LABEL[rule], ...r }));
  return { controls, notes };
}
