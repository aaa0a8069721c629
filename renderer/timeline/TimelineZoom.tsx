import { formatTime } from '../format/time';
import { selectTimeZone, useSettings } from '../stores/settings-store';
import type { TimeRange } from './timeline-zoom';

interface Props {
  /** The range shown; absent: the whole case. */
  readonly zoom?: TimeRange;
  readonly onZoomIn: () => void;
  readonly onZoomOut: () => void;
  readonly onWhole: () => void;
}

/** The time axis's zoom: in (+), out (−), the whole case (0), and the range shown. */
export function TimelineZoom({ zoom, onZoomIn, onZoomOut, onWhole }: Props) {
  const zone = useSettings(selectTimeZone);
  return (
    <div className="timeline-zoom" role="group" aria-label="Zoom the time axis">
      <button type="button" className="small" onClick={onZoomIn} aria-keyshortcuts="+" title="Zoom in (+)">
        Zoom in
      </button>
      <button
        type="button"
        className="small"
        onClick={onZoomOut}
        disabled={!zoom}
        aria-keyshortcuts="-"
        title="Zoom out (−)"
      >
        Zoom out
      </button>
      <button
        type="button"
        className="small"
        onClick={onWhole}
        disabled={!zoom}
        aria-keyshortcuts="0"
        title="The whole time of the case (0)"
      >
        Whole time
      </button>
      <span className="muted small" role="status">
        {zoom
          ? `Showing ${formatTime(zoom.from, zone)} to ${formatTime(zoom.to, zone)}`
          : 'Showing the whole time of the case'}
      </span>
    </div>
  );
}
