import { type FormEvent, useState } from 'react';
import type { TimelineEntry } from '../../shared/timeline/evidence-timeline';
import { selectCanRecord, selectCase, selectRecord, useCaseLog } from '../stores/case-log-store';

/**
 * Star an entry (it goes into the report's "Starred evidence" with its citation) and tag it; each star, unstar and
 * change of tags is an entry in the case's hash-chained activity log. Keyed by the entry's id by its parent, so the
 * tags typed for one entry never carry over to the next.
 */
export function TimelineStar({ entry }: { readonly entry: TimelineEntry }) {
  const current = useCaseLog(selectCase);
  const canRecord = useCaseLog(selectCanRecord);
  const record = useCaseLog(selectRecord);
  const starred = (current?.starredEvidence ?? []).some((s) => s.id === entry.id);
  const tags = current?.timelineTags?.find((t) => t.id === entry.id)?.tags ?? [];
  const [draft, setDraft] = useState(tags.join(', '));
  const toggle = () =>
    void record(
      starred
        ? { action: 'timeline.unstarred', payload: { id: entry.id } }
        : {
            action: 'timeline.starred',
            payload: {
              id: entry.id,
              kind: entry.kind,
              label: entry.title,
              entryTime: entry.time,
              ...(entry.evidence ? { evidence: { ...entry.evidence } } : {}),
            },
          },
    );
  const saveTags = (event: FormEvent) => {
    event.preventDefault();
    const next = draft
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    if (next.join(',') !== tags.join(','))
      void record({ action: 'timeline.tagged', payload: { id: entry.id, tags: next } });
  };
  return (
    <div className="timeline-star">
      <button type="button" className="small" aria-pressed={starred} disabled={!canRecord} onClick={toggle}>
        {starred ? '★ Starred' : '☆ Star'}
      </button>
      <span className="muted small">{starred ? 'In the report, with its citation.' : 'Star it for the report.'}</span>
      <form onSubmit={saveTags}>
        <label>
          Tags
          <input
            value={draft}
            placeholder="comma-separated"
            disabled={!canRecord}
            onChange={(e) => setDraft(e.target.value)}
          />
        </label>
        <button type="submit" className="ghost small" disabled={!canRecord}>
          Save tags
        </button>
      </form>
      {tags.length > 0 && (
        <p className="small">
          Tagged:{' '}
          {tags.map((t) => (
            <span key={t} className="timeline-tag">
              {t}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
