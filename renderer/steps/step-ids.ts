/** The seven steps of an investigation, in the order the user walks them. */
export const STEP_IDS = ['identify', 'scope', 'trace', 'changes', 'governance', 'remediate', 'document'] as const;

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

export interface StepProgress {
  readonly completedAt?: string;
}

export type CaseSteps = Readonly<Record<StepId, StepProgress>>;

/** Fresh progress: no step completed. */
export function emptySteps(): CaseSteps {
  return Object.fromEntries(STEP_IDS.map((id) => [id, {}])) as CaseSteps;
}
