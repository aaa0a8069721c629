import { useEffect, useRef } from 'react';
import { Time } from '../components/Time';
import { shortId } from '../format/decision';
import { DECLARED, type VersionEntry } from '../trace/versions';
import { pointerText } from '../../shared/model/citation';
import './timeline.css';

interface Props {
  readonly versions: ReadonlyArray<VersionEntry>;
  readonly sourceName: (sourceId: string) => string;
}

/** Every version of a node in the evidence, oldest first, the one active at the chosen moment marked. */
export function VersionTimeline({ versions, sourceName }: Props) {
  const list = useRef<HTMLOListElement>(null);
  // Keep the active version in sight inside the scrolled list (without scrolling the page).
  useEffect(() => {
    const ol = list.current;
    const active = ol?.querySelector<HTMLElement>('li.active');
    if (ol && active) ol.scrollTop = Math.max(0, active.offsetTop - ol.offsetTop - ol.clientHeight / 3);
  }, [versions]);
  if (versions.length === 0) return <p className="muted small">No versions of this node in the evidence.</p>;
  return (
    <ol ref={list} className="version-timeline" aria-label="Versions in the evidence" tabIndex={0}>
      {versions.map((v) => (
        <li
          key={`${v.version}-${v.from}`}
          className={v.active ? 'active' : undefined}
          aria-current={v.active ? 'true' : undefined}
        >
          <span className="mono" title={v.version}>
            {shortId(v.version, 12)}
          </span>
          {v.active && <span className="badge">active</span>}
          <span className="muted small">
            {' '}
            {v.from === DECLARED ? 'declared in a file, not observed in a run' : <Time value={v.from} />}
            {v.to !== v.from && (
              <>
                {' '}
                → <Time value={v.to} />
              </>
            )}
            {` · ${v.count} ${v.count === 1 ? 'sighting' : 'sightings'} · `}
            {sourceName(v.evidence.sourceId)}
            {v.evidence.line !== undefined
              ? `:${v.evidence.line}`
              : v.evidence.pointer !== undefined
                ? ` ${pointerText(v.evidence.pointer)}`
                : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}
