import { type KeyboardEvent, type ReactNode, useRef } from 'react';
import { STEP_IDS, STEP_LABELS, type StepId } from './step-ids';
import { STATE_LABELS, type StepState } from './step-state';

interface Props {
  readonly current: StepId;
  readonly states: Readonly<Record<StepId, StepState>>;
  readonly onSelect: (step: StepId) => void;
  /** Another view (the evidence timeline) is shown instead of the current step: no tab is selected. */
  readonly away?: boolean;
  /** Entries below the steps (the evidence timeline's). */
  readonly children?: ReactNode;
}

export const tabId = (step: StepId) => `step-tab-${step}`;
export const panelId = (step: StepId) => `step-panel-${step}`;

/**
 * The seven steps as a vertical ARIA tablist inside the "Investigation steps" navigation.
 * Arrow keys, Home and End move between steps (roving focus); Alt+1…7 works anywhere on the case screen.
 */
export function StepNavigator({ current, states, onSelect, away = false, children }: Props) {
  const refs = useRef<Partial<Record<StepId, HTMLButtonElement | null>>>({});

  const move = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = STEP_IDS.length - 1;
    const next =
      event.key === 'ArrowDown' || event.key === 'ArrowRight'
        ? (index + 1) % STEP_IDS.length
        : event.key === 'ArrowUp' || event.key === 'ArrowLeft'
          ? (index + last) % STEP_IDS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    const step = STEP_IDS[next]!;
    onSelect(step);
    refs.current[step]?.focus();
  };

  return (
    <nav className="step-nav" aria-label="Investigation steps">
      <div role="tablist" aria-orientation="vertical" aria-label="Investigation steps">
        {STEP_IDS.map((step, index) => {
          const state = states[step];
          return (
            <button
              key={step}
              ref={(el) => {
                refs.current[step] = el;
              }}
              type="button"
              role="tab"
              id={tabId(step)}
              aria-selected={step === current && !away}
              aria-controls={step === current && !away ? panelId(step) : undefined}
              aria-describedby={`${tabId(step)}-state`}
              aria-keyshortcuts={`Alt+${index + 1}`}
              tabIndex={step === current ? 0 : -1}
              className={`step-tab state-${state.kind}`}
              onClick={() => onSelect(step)}
              onKeyDown={(e) => move(e, index)}
            >
              <span className="step-number" aria-hidden="true">
                {state.kind === 'complete' ? '✓' : state.kind === 'skipped' ? '↷' : index + 1}
              </span>
              <span className="step-text">
                <span className="step-name">{STEP_LABELS[step]}</span>
                <span className="step-state" id={`${tabId(step)}-state`}>
                  {state.kind === 'ready'
                    ? state.summary || STATE_LABELS.ready
                    : `${STATE_LABELS[state.kind]}${
                        state.summary && (state.kind === 'complete' || state.kind === 'skipped')
                          ? ` · ${state.summary}`
                          : ''
                      }`}
                </span>
              </span>
            </button>
          );
        })}
      </div>
      {children}
      <p className="muted small nav-hint">Alt+1…7 jumps to a step.</p>
    </nav>
  );
}
