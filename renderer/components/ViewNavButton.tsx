/**
 * A button below the seven steps that shows a whole-case view in place of the step (the evidence timeline, the
 * lineage): pressed while its view is shown, labelled with its name, what it shows and its shortcut.
 */
import type { PaletteAction } from '../palette/palette-actions';
import './view-nav-button.css';

interface Props {
  /** The registered action that shows the view (its keys are the shortcut shown). */
  readonly action: PaletteAction;
  /** Whether the view is shown. */
  readonly open: boolean;
  /** A one-character mark standing where a step's number stands. */
  readonly mark: string;
  readonly name: string;
  /** What the view shows, before the shortcut. */
  readonly scope: string;
}

export function ViewNavButton({ action, open, mark, name, scope }: Props) {
  return (
    <button
      type="button"
      className="step-tab view-tab"
      aria-pressed={open}
      aria-keyshortcuts={action.keys}
      onClick={action.perform}
    >
      <span className="step-number" aria-hidden="true">
        {mark}
      </span>
      <span className="step-text">
        <span className="step-name">{name}</span>
        <span className="step-state">
          {scope} · {action.keys}
        </span>
      </span>
    </button>
  );
}
