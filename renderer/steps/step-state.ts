/**
 * What the navigator and the step panel show for each step: its state (completed or skipped as the case's activity
 * log records it, else whether its analysis can run), a one-line summary, and the earlier steps still open.
 */
import type { CaseStepState } from '../../shared/case/case-types';
import type { CaseRecord } from '../db/lineage-db';
import type { DerivedResults } from '../stores/derive';
import { STEP_IDS, type StepId } from './step-ids';

export type StepStateKind = 'complete' | 'skipped' | 'ready' | 'needs-evidence' | 'needs-decision' | 'failed';

export interface StepState {
  readonly kind: StepStateKind;
  readonly summary: string;
  /** Earlier steps neither completed nor skipped: this one may be viewed, not completed or skipped. */
  readonly waitingFor: ReadonlyArray<StepId>;
}

export interface StepStateInput {
  /** The case's steps (`Case.steps`), absent while its log is loading. */
  readonly progress?: ReadonlyArray<CaseStepState>;
  readonly decisionId?: string;
  readonly hasEvidence: boolean;
  readonly hasDecision: boolean;
  readonly results: DerivedResults;
  readonly annotations: number;
}

/**
 * Whether the case has evidence its steps can work over: imported sources, or decisions read where they live (a case
 * on a saved connection answers from them before any file is imported).
 */
export const caseHasEvidence = (caseRecord: CaseRecord | undefined, evidence: unknown): boolean =>
  Boolean(caseRecord && (caseRecord.sourceIds.length > 0 || caseRecord.connection) && evidence);

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** Is the step closed: completed, or skipped with a reason? */
export const isClosed = (s: CaseStepState | undefined): boolean => Boolean(s?.completedAt || s?.skippedReason);

/** The steps before `step` that are neither completed nor skipped, in order. */
export function openBefore(step: StepId, progress: ReadonlyArray<CaseStepState> = []): StepId[] {
  const earlier = STEP_IDS.slice(0, STEP_IDS.indexOf(step));
  return earlier.filter((s) => !isClosed(progress.find((p) => p.step === s)));
}

function summaryOf(step: StepId, input: StepStateInput): string {
  const r = input.results;
  switch (step) {
    case 'identify':
      return input.decisionId ?? 'choose a decision';
    case 'scope':
      return r.scope ? plural(r.scope.decisions, 'decision') : '';
    case 'trace':
      return r.trace
        ? `${plural(r.trace.nodes.length, 'node')}${r.trace.gaps.length ? `, ${plural(r.trace.gaps.length, 'gap')}` : ''}`
        : '';
    case 'changes':
      return r.engine ? plural(r.engine.suspects.suspects.length, 'suspect') : '';
    case 'governance': {
      if (!r.governance) return '';
      const violations = r.governance.filter((g) => g.verdict === 'violation').length;
      return violations ? plural(violations, 'violation') : `${plural(r.governance.length, 'check')}`;
    }
    case 'remediate':
      return r.remediation ? plural(r.remediation.length, 'plan') : '';
    case 'document':
      return plural(input.annotations, 'annotation');
  }
}

/** The state of one step for the navigator. */
export function stepState(step: StepId, input: StepStateInput): StepState {
  const recorded = input.progress?.find((p) => p.step === step);
  const waitingFor = openBefore(step, input.progress);
  const state = (kind: StepStateKind, summary: string): StepState => ({ kind, summary, waitingFor });
  if (recorded?.completedAt) return state('complete', summaryOf(step, input));
  if (recorded?.skippedReason) return state('skipped', recorded.skippedReason);
  if (step === 'document') return state('ready', summaryOf(step, input));
  if (!input.hasEvidence) return state('needs-evidence', 'needs evidence');
  if (step !== 'identify' && !input.hasDecision) return state('needs-decision', 'choose a decision first');
  if (input.results.errors[step]) return state('failed', 'analysis failed');
  return state('ready', summaryOf(step, input));
}

export const STATE_LABELS: Readonly<Record<StepStateKind, string>> = {
  complete: 'Complete',
  skipped: 'Skipped',
  ready: 'Ready',
  'needs-evidence': 'Needs evidence',
  'needs-decision': 'Waiting for a decision',
  failed: 'Analysis failed',
};
