import './evidence-timeline.css';
import { showTimelineAction } from './timeline-actions';
import { selectTimelineOpen, useTimelineView } from './timeline-store';

/** Below the seven steps: shows the case's evidence timeline in place of the step (Alt+T). */
export function TimelineNavButton() {
  const open = useTimelineView(selectTimelineOpen);
  return (
    <button
      type="button"
      className="step-tab timeline-tab"
      aria-pressed={open}
      aria-keyshortcuts={showTimelineAction.keys}
      onClick={showTimelineAction.perform}
    >
      <span className="step-number" aria-hidden="true">
        ≡
      </span>
      <span className="step-text">
        <span className="step-name">Evidence timeline</span>
        <span className="step-state">All evidence · {showTimelineAction.keys}</span>
      </span>
    </button>
  );
}
