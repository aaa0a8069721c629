import { memo } from 'react';
import { Time } from '../components/Time';
import { describeEnd, describeHolder, formatBytes, formatSeconds, plural } from './format-progress';
import { type ImportJob, selectCancel, selectClearEnded, selectJobs, useImports } from './import-store';
import { estimateSeconds } from './worker-protocol';

const PHASE_LABELS = { waiting: 'Waiting', hashing: 'Hashing', importing: 'Importing', committing: 'Saving' } as const;

const JobRow = memo(function JobRow({ job, onCancel }: { job: ImportJob; onCancel: (id: string) => void }) {
  const { progress, end } = job;
  if (end) {
    const tone =
      end.status === 'failed'
        ? ' error'
        : end.status === 'skipped'
          ? ' skipped'
          : end.status === 'imported' && end.source.rejected > 0
            ? ' warn'
            : '';
    return (
      <li className={`import-job ended${tone}`}>
        <span className="import-name mono">{job.name}</span>
        <span className={`import-summary${end.status === 'skipped' ? ' muted' : ''}`} role="status">
          {describeEnd(end)}
        </span>
        {job.note && (
          <span className="import-summary" role="alert">
            {job.note}
          </span>
        )}
      </li>
    );
  }
  const total = progress?.totalBytes || job.size;
  const done = progress?.bytes ?? 0;
  const eta = progress ? estimateSeconds(progress) : undefined;
  const phase = progress ? PHASE_LABELS[progress.phase] : 'Waiting';
  return (
    <li className="import-job">
      <span className="import-name mono">{job.name}</span>
      <progress
        max={total || 1}
        value={progress?.phase === 'committing' ? total : done}
        aria-label={`${phase} ${job.name}`}
      />
      {progress?.phase === 'waiting' ? (
        <span className="import-figures small" role="status">
          Waiting: {describeHolder(progress.heldBy)}
          {progress.heldBy && (
            <>
              {' '}
              since <Time value={progress.heldBy.since} />
            </>
          )}
          ; this import starts when that one ends.
        </span>
      ) : (
        <span className="import-figures muted small">
          {phase}: {plural(progress?.records ?? 0, 'record')} · {formatBytes(done)} of {formatBytes(total)}
          {eta !== undefined ? ` · about ${formatSeconds(eta)} left` : ''}
        </span>
      )}
      <button type="button" onClick={() => onCancel(job.id)} aria-label={`Cancel importing ${job.name}`}>
        Cancel
      </button>
    </li>
  );
});

/** More files than this and the list scrolls in its own box. */
const LONG_LIST = 12;

/** One row per file being imported (or done): a progress bar, records, bytes, an estimate and Cancel. */
export function ImportProgressList({ caseId }: { readonly caseId?: string }) {
  const jobs = useImports(selectJobs);
  const cancel = useImports(selectCancel);
  const clearEnded = useImports(selectClearEnded);
  const shown = jobs.filter((j) => j.caseId === caseId);
  if (shown.length === 0) return null;
  const running = shown.filter((j) => !j.end).length;
  const long = shown.length > LONG_LIST;
  return (
    <section className="import-progress" aria-labelledby="import-progress-heading">
      <div className="section-title">
        <h2 id="import-progress-heading">Imports{running ? ` (${running} running)` : ''}</h2>
        {running < shown.length && (
          <button type="button" className="ghost" onClick={clearEnded}>
            Clear finished
          </button>
        )}
      </div>
      {/* A long list scrolls in its own box (sources.css), which the keyboard reaches to scroll it. */}
      <ul
        className={`import-jobs${long ? ' long' : ''}`}
        aria-labelledby="import-progress-heading"
        tabIndex={long ? 0 : undefined}
      >
        {shown.map((job) => (
          <JobRow key={job.id} job={job} onCancel={cancel} />
        ))}
      </ul>
    </section>
  );
}
