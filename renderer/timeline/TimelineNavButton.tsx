import { ViewNavButton } from '../components/ViewNavButton';
import './evidence-timeline.css';
import { showTimelineAction } from './timeline-actions';
import { selectTimelineOpen, useTimelineView } from './timeline-store';

/** Below the seven steps: shows the case's evidence timeline in place of the step (Alt+T). */
export function TimelineNavButton() {
  const open = useTimelineView(selectTimelineOpen);
  return (
    <ViewNavButton action={showTimelineAction} open={open} mark="≡" name="Evidence timeline" scope="All evidence" />
  );
}
