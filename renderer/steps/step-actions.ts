/**
 * Keyboard commands of the case screen as registered actions `{ name, label, keyTest, perform }`:
 * Alt+1 … Alt+7 go to a step.
 */
import { STEP_IDS, STEP_LABELS, type StepId } from './step-ids';

export interface KeyLike {
  readonly key: string;
  readonly code?: string;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
}

export interface StepActionContext {
  readonly setStep: (step: StepId) => void;
}

export interface Action {
  readonly name: string;
  readonly label: string;
  readonly keyTest: (event: KeyLike) => boolean;
  readonly perform: (context: StepActionContext) => void;
}

/** One action per step; the digit is matched by key or by physical key (Alt+digit types symbols on macOS). */
export const stepActions: ReadonlyArray<Action> = STEP_IDS.map((step, index) => {
  const digit = String(index + 1);
  return {
    name: `goToStep:${step}`,
    label: `Go to ${STEP_LABELS[step]}`,
    keyTest: (e: KeyLike) =>
      e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && (e.key === digit || e.code === `Digit${digit}`),
    perform: (context: StepActionContext) => context.setStep(step),
  };
});

/** The action a key press triggers, if any. */
export function actionForKey(event: KeyLike, actions: ReadonlyArray<Action> = stepActions): Action | undefined {
  return actions.find((a) => a.keyTest(event));
}
