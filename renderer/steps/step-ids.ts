/** The seven steps of an investigation, in the order the user walks them (the case domain's own list). */
import { CASE_STEPS } from '../../shared/case/case-types';

export const STEP_IDS = CASE_STEPS;

export type StepId = (typeof STEP_IDS)[number];

export const STEP_LABELS: Readonly<Record<StepId, string>> = {
  identify: 'Identify',
  scope: 'Scope',
  trace: 'Trace',
  changes: 'Changes',
  governance: 'Governance',
  remediate: 'Remediate',
  document: 'Document',
};
