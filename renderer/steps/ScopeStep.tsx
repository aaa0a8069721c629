import { affectedDecisionsCsv, affectedSubjectsCsv } from '../../shared/analysis/csv';
import { Time } from '../components/Time';
import { downloadText } from '../export/download';
import { selectCaseRecord, selectResults, useInvestigation } from '../stores/investigation-store';
import { countOf } from './evidence-cite';
import { Histogram } from './Histogram';
import { CountTable, NotificationCheck } from './ScopeBreakdown';

const VERSION_KIND: Record<string, string> = {
  feature_version: 'feature version',
  dataset_version: 'dataset version',
  none: 'feature (no version recorded)',
};

/**
 * Step 2: the decisions that consumed the suspect version(s) (from the onset's version through the decision's own)
 * and those that did not, over time, by model version and by action, and the notification check.
 */
export function ScopeStep() {
  const scope = useInvestigation(selectResults).engine?.scope;
  const caseRecord = useInvestigation(selectCaseRecord);
  if (!scope) return null;
  const title = caseRecord?.title ?? 'case';
  const total = scope.affected + scope.notAffected;

  return (
    <div className="stack">
      <p>
        Decisions that used {VERSION_KIND[scope.versionKind] ?? scope.versionKind}
        {scope.versions.length > 1 ? 's' : ''}{' '}
        {scope.versions.map((v) => (
          <span key={v} className="mono badge">
            {v}
          </span>
        ))}{' '}
        of <span className="mono">{scope.featureName}</span>
        {scope.versions.length > 1 && <span className="muted"> (from the onset's version to the decision's own)</span>}:
      </p>
      <dl className="stats">
        <div>
          <dt>Affected decisions</dt>
          <dd>{scope.affected.toLocaleString('en')}</dd>
        </div>
        <div>
          <dt>Not affected</dt>
          <dd>{scope.notAffected.toLocaleString('en')}</dd>
        </div>
        <div>
          <dt>Distinct subjects affected</dt>
          <dd>{scope.subjects.toLocaleString('en')}</dd>
        </div>
        <div>
          <dt>First affected decision</dt>
          <dd>
            <Time value={scope.first} />
          </dd>
        </div>
        <div>
          <dt>Last affected decision</dt>
          <dd>
            <Time value={scope.last} />
          </dd>
        </div>
      </dl>
      <p className="muted small">
        {countOf(scope.affected, 'decision')} of {countOf(total, 'decision')} that read{' '}
        <span className="mono">{scope.featureName}</span> used the suspect version
        {scope.versions.length > 1 ? 's' : ''}.
      </p>
      <NotificationCheck key={scope.notification.threshold} scope={scope} />
      {scope.affected === 0 ? (
        <p className="empty">No decision used this version.</p>
      ) : (
        <>
          <Histogram bins={scope.byDay} bucket="day" title="Affected decisions" />
          <Histogram bins={scope.byHour} bucket="hour" title="Affected decisions" />
          <div className="actions">
            <CountTable
              caption="Affected decisions by model version"
              keyLabel="Model version"
              rows={scope.byModelVersion}
            />
            <CountTable caption="Affected decisions by action" keyLabel="Action" rows={scope.byAction} />
          </div>
        </>
      )}
      <div className="actions">
        <button
          type="button"
          disabled={scope.affected === 0}
          onClick={() => downloadText(`${title} - affected decisions.csv`, affectedDecisionsCsv(scope), 'text/csv')}
        >
          Export affected decisions (CSV)
        </button>
        <button
          type="button"
          disabled={scope.subjects === 0}
          onClick={() => downloadText(`${title} - affected subjects.csv`, affectedSubjectsCsv(scope), 'text/csv')}
        >
          Export affected subjects (CSV)
        </button>
      </div>
    </div>
  );
}
