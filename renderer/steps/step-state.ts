/** What the navigator shows for each step: its state and a one-line summary of its result. */
import type { CaseRecord } from '../db/lineage-db';
import type { DerivedResults } from '../stores/derive';
import type { StepId } from './step-ids';

export type StepStateKind = 'complete' | 'ready' | 'needs-evidence' | 'needs-decision' | 'failed';

export interface StepState {
  readonly kind: StepStateKind;
  readonly summary: string;
}

export interface StepStateInput {
  readonly caseRecord?: CaseRecord;
  readonly hasEvidence: boolean;
  readonly hasDecision: boolean;
  readonly results: DerivedResults;
  readonly notes: number;
}

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

function summaryOf(step: StepId, input: StepStateInput): string {
  const r = input.results;
  switch (step) {
    case 'identify':
      return input.caseRecord?.decisionId ?? 'choose a decision';
    case 'scope':
      return r.scope ? plural(r.scope.decisions, 'decision') : '';
    case 'trace':
      return r.trace
        ? `${plural(r.trace.nodes.length, 'node')}${r.trace.gaps.length ? `, ${plural(r.trace.gaps.length, 'gap')}` : ''}`
        : '';
    case 'changes':
      return r.changes ? plural(r.changes.changes.length, 'change') : '';
    case 'governance': {
      if (!r.governance) return '';
      const violations = r.governance.filter((g) => g.verdict === 'violation').length;
      return violations ? plural(violations, 'violation') : `${plural(r.governance.length, 'check')}`;
    }
    case 'remediate':
      return r.remediation ? plural(r.remediation.length, 'plan') : '';
    case 'document':
      return plural(input.notes, 'note');
  }
}

/** The state of one step for the navigator. */
export function stepState(step: StepId, input: StepStateInput): StepState {
  if (input.caseRecord?.steps[step]?.completedAt) return { kind: 'complete', summary: summaryOf(step, input) };
  if (step === 'document') return { kind: 'ready', summary: summaryOf(step, input) };
  if (!input.hasEvidence) return { kind: 'needs-evidence', summary: 'needs evidence' };
  if (step !== 'identify' && !input.hasDecision) return { kind: 'needs-decision', summary: 'choose a decision first' };
  const error = input.results.errors[step];
  if (error) return { kind: 'failed', summary: 'analysis failed' };
  return { kind: 'ready', summary: summaryOf(step, input) };
}

export const STATE_LABELS: Readonly<Record<StepStateKind, string>> = {
  complete: 'Complete',
  ready: 'Ready',
  'needs-evidence': 'Needs evidence',
  'needs-decision': 'Waiting for a decision',
  failed: 'Analysis failed',
};
