import { showLineageAction } from './browse-actions';
import { selectLineageBrowseOpen, useLineageBrowse } from './browse-store';

/** Below the seven steps, beside the evidence timeline's: shows the case's lineage in place of the step (Alt+L). */
export function LineageNavButton() {
  const open = useLineageBrowse(selectLineageBrowseOpen);
  return (
    <button
      type="button"
      className="step-tab timeline-tab"
      aria-pressed={open}
      aria-keyshortcuts={showLineageAction.keys}
      onClick={showLineageAction.perform}
    >
      <span className="step-number" aria-hidden="true">
        ⇄
      </span>
      <span className="step-text">
        <span className="step-name">Lineage</span>
        <span className="step-state">Any node · {showLineageAction.keys}</span>
      </span>
    </button>
  );
}
