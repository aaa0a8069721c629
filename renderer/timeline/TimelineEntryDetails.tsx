import { TIMELINE_KIND_LABELS, type TimelineEntry } from '../../shared/timeline/evidence-timeline';
import { PinEvidenceButton } from '../case/PinEvidenceButton';
import { Time } from '../components/Time';
import { citation, useSourceName } from '../steps/evidence-cite';
import { goToStep } from './timeline-store';
import { SuspectBadge } from './SuspectBadge';
import { TimelineStar } from './TimelineStar';

/**
 * The selected entry: what happened, when, who, on which job and environment, and the record it comes from (file and
 * line, to pin to the case), to star and tag for the report. A suspect links to the Changes step, where its score
 * is explained.
 */
export function TimelineEntryDetails({ entry }: { readonly entry?: TimelineEntry }) {
  const sourceName = useSourceName();
  if (!entry) {
    return (
      <aside className="timeline-details" aria-label="Selected entry">
        <p className="muted">Select an entry (click it, or the arrow keys in the list) to see its evidence.</p>
      </aside>
    );
  }
  const cited = entry.evidence && citation(entry.evidence, sourceName);
  return (
    <aside className="timeline-details" aria-label="Selected entry">
      <h3>
        <span className={`timeline-kind kind-${entry.kind}`}>{TIMELINE_KIND_LABELS[entry.kind]}</span>
      </h3>
      <p className="timeline-details-title">{entry.title}</p>
      <dl>
        <dt>Time</dt>
        <dd>
          <Time value={entry.time} />
        </dd>
        {entry.actor && (
          <>
            <dt>Who</dt>
            <dd>{entry.actor}</dd>
          </>
        )}
        {entry.job && (
          <>
            <dt>Job</dt>
            <dd className="mono">{entry.job}</dd>
          </>
        )}
        {entry.environment && (
          <>
            <dt>Environment</dt>
            <dd>{entry.environment}</dd>
          </>
        )}
        <dt>Evidence</dt>
        <dd className="mono break-path">{cited ?? 'the analysis of the decision log (no single record)'}</dd>
      </dl>
      {entry.rank !== undefined && (
        <p>
          <SuspectBadge rank={entry.rank} /> ranked by the analysis.{' '}
          <button type="button" className="small" onClick={() => goToStep('changes')}>
            Why: the Changes step
          </button>
        </p>
      )}
      <TimelineStar key={entry.id} entry={entry} />
      {entry.evidence && cited && <PinEvidenceButton evidence={entry.evidence} label={`${entry.title} (${cited})`} />}
    </aside>
  );
}
