import { TIMELINE_KIND_LABELS, TIMELINE_KINDS, type TimelineKind } from '../../shared/timeline/evidence-timeline';

interface Props {
  /** How many entries of each kind the case has (kinds it has none of are not offered). */
  readonly counts: ReadonlyMap<TimelineKind, number>;
  readonly hidden: ReadonlySet<TimelineKind>;
  readonly query: string;
  readonly onToggle: (kind: TimelineKind) => void;
  readonly onShowAll: (all: boolean) => void;
  readonly onQuery: (query: string) => void;
}

/** The filter: words to find, a checkbox per kind the case has (with its count), all kinds or none. */
export function TimelineKindFilter({ counts, hidden, query, onToggle, onShowAll, onQuery }: Props) {
  const kinds = TIMELINE_KINDS.filter((k) => counts.has(k));
  return (
    <fieldset className="timeline-filter">
      <legend>Filter</legend>
      <label className="timeline-find">
        Find
        <input
          type="search"
          value={query}
          placeholder="sha, title, who, job…"
          onChange={(e) => onQuery(e.target.value)}
        />
      </label>
      {kinds.map((kind) => (
        <label key={kind}>
          <input type="checkbox" checked={!hidden.has(kind)} onChange={() => onToggle(kind)} />
          <span className={`timeline-kind kind-${kind}`}>{TIMELINE_KIND_LABELS[kind]}</span>
          <span className="muted">({counts.get(kind)!.toLocaleString('en')})</span>
        </label>
      ))}
      <span className="timeline-filter-all">
        <button type="button" className="ghost small" onClick={() => onShowAll(true)}>
          All kinds
        </button>
        <button type="button" className="ghost small" onClick={() => onShowAll(false)}>
          No kind
        </button>
      </span>
    </fieldset>
  );
}
