import { type MouseEvent, useId } from 'react';
import { TIMELINE_KIND_LABELS, type TimelineEntry, type TimelineKind } from '../../shared/timeline/evidence-timeline';
import { formatBucket, zoneLabel } from '../format/time';
import { selectTimeZone, useSettings } from '../stores/settings-store';
import {
  AXIS_LABEL_W as LABEL_W,
  axisTicks,
  labelRows,
  nearestMark,
  plotWidth,
  type TimelineAxis,
} from './timeline-axis';
/** Above the lanes: up to three rows of line labels. */
const TOP = 40;
const LABEL_ROW = 12;
/** The width of a label's character at 11 px (a generous average, so labels never touch). */
const CHAR_W = 6.5;
const LANE_H = 22;
const RATE_H = 48;
const BOTTOM = 26;
const LINE_LABELS: Partial<Record<TimelineKind, string>> = {
  'last-good': 'Last good',
  onset: 'Onset',
  decision: 'Decision',
  recovery: 'Recovery',
};

interface Props {
  /** The kept entries' axis, drawn `width` pixels wide (the figure's width), and how many entries it stands for. */
  readonly axis: TimelineAxis;
  readonly width: number;
  readonly total: number;
  readonly selected?: TimelineEntry;
  readonly onSelect: (id: string) => void;
}

/**
 * The entries on one time axis, a lane per kind: the outcome rate as a step line, the good-to-bad interval shaded,
 * the last good decision, the onset, the investigated decision and the recovery as lines across the lanes, the top
 * suspect ringed, the selected entry under a cursor. A click in a lane selects the entry of that lane's nearest mark
 * (its best-ranked suspect, else its first entry).
 */
export function TimelineAxisChart({ axis, width, total, selected, onSelect }: Props) {
  const zone = useSettings(selectTimeZone);
  const titleId = useId();
  const plotW = plotWidth(width);
  const laneY: number[] = [];
  let y = TOP;
  for (const lane of axis.lanes) {
    laneY.push(y);
    y += lane.kind === 'outcome-rate' ? RATE_H : LANE_H;
  }
  const bottom = y;
  const height = bottom + BOTTOM;
  const span = Math.max(1, axis.to - axis.from);
  const xOf = (at: number) => LABEL_W + ((at - axis.from) / span) * plotW;
  const days = span > 3 * 86_400_000;
  const rows = labelRows(axis.lines.map((l) => ({ x: l.x, width: (LINE_LABELS[l.kind]?.length ?? 0) * CHAR_W })));
  const ticks = axisTicks(axis.from, axis.to, Math.max(2, Math.min(8, Math.floor(plotW / 120))));

  const pick = (marks: TimelineAxis['lanes'][number]['marks']) => (event: MouseEvent<SVGRectElement>) => {
    const box = event.currentTarget.ownerSVGElement?.getBoundingClientRect();
    const mark = box && nearestMark(marks, event.clientX - box.left - LABEL_W);
    if (mark) onSelect(mark.id);
  };

  return (
    <figure className="timeline-axis">
      <figcaption id={titleId} className="muted small">
        {total.toLocaleString('en')} entries, one lane per kind; times in {zoneLabel(zone)}. Click a lane to select its
        nearest entry; the list below is the same entries, keyboard navigable.
      </figcaption>
      {width > 0 && (
        <svg width={width} height={height} role="img" aria-labelledby={titleId}>
          {axis.interval && (
            <rect
              className="timeline-interval"
              x={LABEL_W + axis.interval.x1}
              width={Math.max(2, axis.interval.x2 - axis.interval.x1)}
              y={TOP}
              height={bottom - TOP}
            >
              <title>From the last good decision to the onset: the change that started the wrong decisions</title>
            </rect>
          )}
          {axis.lanes.map((lane, i) => {
            const top = laneY[i]!;
            const h = lane.kind === 'outcome-rate' ? RATE_H : LANE_H;
            return (
              <g key={lane.kind} className={`timeline-lane kind-${lane.kind}`}>
                <text x={LABEL_W - 8} y={top + h / 2 + 4} textAnchor="end" className="timeline-lane-label">
                  {TIMELINE_KIND_LABELS[lane.kind]}
                </text>
                <line x1={LABEL_W} x2={LABEL_W + plotW} y1={top + h} y2={top + h} className="timeline-grid" />
                {lane.kind === 'outcome-rate' ? (
                  <path
                    className="timeline-rate"
                    d={axis.rate
                      .map(([x, r], k) => {
                        const next = axis.rate[k + 1]?.[0] ?? plotW;
                        const ry = top + h - 4 - r * (h - 8);
                        return `${k === 0 ? 'M' : 'L'}${LABEL_W + x},${ry} H${LABEL_W + next}`;
                      })
                      .join(' ')}
                  />
                ) : (
                  lane.marks.map((m) => (
                    <rect
                      key={m.x}
                      className="timeline-mark"
                      x={LABEL_W + m.x}
                      y={top + 4}
                      width={3}
                      height={h - 8}
                      opacity={Math.min(1, 0.45 + 0.15 * m.count)}
                    />
                  ))
                )}
                {lane.marks
                  .filter((m) => m.rank === 1)
                  .map((m) => (
                    <circle
                      key="top"
                      className="timeline-top-suspect"
                      cx={LABEL_W + m.x + 1.5}
                      cy={top + h / 2}
                      r={7}
                    />
                  ))}
                <rect className="timeline-hit" x={LABEL_W} y={top} width={plotW} height={h} onClick={pick(lane.marks)}>
                  <title>{`${TIMELINE_KIND_LABELS[lane.kind]}: click to select the nearest`}</title>
                </rect>
              </g>
            );
          })}
          {axis.lines.map((line, i) => (
            <g key={line.id} className={`timeline-line kind-${line.kind}`}>
              <line x1={LABEL_W + line.x} x2={LABEL_W + line.x} y1={rows[i]! * LABEL_ROW + 2} y2={bottom} />
              <text x={LABEL_W + line.x + 3} y={rows[i]! * LABEL_ROW + 11}>
                {LINE_LABELS[line.kind]}
              </text>
            </g>
          ))}
          {selected && (
            <line
              className="timeline-cursor"
              x1={xOf(selected.at)}
              x2={xOf(selected.at)}
              y1={TOP - 4}
              y2={bottom + 4}
            />
          )}
          {ticks.map((t) => (
            <text
              key={t}
              x={xOf(t)}
              y={height - 8}
              textAnchor={t === ticks[0] ? 'start' : t === ticks.at(-1) ? 'end' : 'middle'}
              className="timeline-tick"
            >
              {formatBucket(new Date(t).toISOString(), days ? 'day' : 'hour', zone)}
            </text>
          ))}
        </svg>
      )}
    </figure>
  );
}
