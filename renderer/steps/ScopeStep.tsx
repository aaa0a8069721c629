import { Time } from '../components/Time';
import { downloadText } from '../export/download';
import { selectCaseRecord, selectResults, useInvestigation } from '../stores/investigation-store';
import { Histogram } from './Histogram';

const VERSION_KIND: Record<string, string> = {
  feature_version: 'feature version',
  dataset_version: 'dataset version',
  none: 'feature (no version recorded)',
};

/** Step 2: how many decisions and subjects used the same suspect feature version, and when. */
export function ScopeStep() {
  const scope = useInvestigation(selectResults).scope;
  const caseRecord = useInvestigation(selectCaseRecord);
  if (!scope) return null;
  const exportIds = () =>
    downloadText(
      `${caseRecord?.title ?? 'case'} - affected decisions.txt`,
      `${scope.decisionIds.join('\n')}\n`,
      'text/plain',
    );

  return (
    <div className="stack">
      <p>
        Decisions that used {VERSION_KIND[scope.versionKind] ?? scope.versionKind}{' '}
        {scope.version && <span className="mono badge">{scope.version}</span>} of{' '}
        <span className="mono">{scope.featureName}</span>:
      </p>
      <dl className="stats">
        <div>
          <dt>Decisions</dt>
          <dd>{scope.decisions.toLocaleString('en')}</dd>
        </div>
        <div>
          <dt>Distinct subjects</dt>
          <dd>{scope.subjects.toLocaleString('en')}</dd>
        </div>
        <div>
          <dt>First</dt>
          <dd>
            <Time value={scope.first} />
          </dd>
        </div>
        <div>
          <dt>Last</dt>
          <dd>
            <Time value={scope.last} />
          </dd>
        </div>
      </dl>
      {scope.histogram.length > 0 ? (
        <Histogram bins={scope.histogram} bucket={scope.bucket} title="Affected decisions over time" />
      ) : (
        <p className="empty">No decision used this version.</p>
      )}
      <div>
        <button type="button" onClick={exportIds} disabled={scope.decisionIds.length === 0}>
          Download the affected decision ids
        </button>
      </div>
    </div>
  );
}
