import type { ImpactScope } from '../../shared/analysis/engine-types';
import { Time } from '../components/Time';
import {
  selectCaseRecord,
  selectConnectionAffected,
  selectResults,
  useInvestigation,
} from '../stores/investigation-store';
import { countOf } from './evidence-cite';
import { Histogram } from './Histogram';
import { CountTable, NotificationCheck } from './ScopeBreakdown';
import { ScopeDecisions } from './ScopeDecisions';

const VERSION_KIND: Record<string, string> = {
  feature_version: 'feature version',
  dataset_version: 'dataset version',
};

/**
 * The blast radius in words: the data of the feature written from when the top cause reached it until the change
 * that removed it (or still ongoing), every reader as the upper bound where the radius was limited to some
 * subjects, and the engine's notes — what `investigate --json` prints under `scope`.
 */
function BlastRadiusSummary({ scope }: { scope: ImpactScope }) {
  const bound = scope.upperBound;
  return (
    <div className="stack">
      <p>
        The blast radius of the top cause: decisions that read <span className="mono">{scope.featureName}</span> from
        data written from <Time value={scope.from} /> (when the cause reached it){' '}
        {scope.recovery ? (
          <>
            until <Time value={scope.recovery.time} />, when <span className="mono">{scope.recovery.changeId}</span>{' '}
            removed it ({scope.recovery.note}).
          </>
        ) : (
          <>to the end of the log: still ongoing.</>
        )}
      </p>
      {bound && bound.decisions !== scope.affected && (
        <p className="small">
          Upper bound: {countOf(bound.decisions, 'decision')} of {countOf(bound.subjects, 'subject')} read that data;
          the counts below are those the cause most likely reached.
        </p>
      )}
      {(scope.notes ?? []).length > 0 && (
        <ul className="muted small">
          {(scope.notes ?? []).map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Step 2: the affected decisions — the blast radius of the top cause, else those that consumed the suspect
 * version(s) — and those that were not, over time, by model version and by action, and the notification check.
 */
export function ScopeStep() {
  const scope = useInvestigation(selectResults).engine?.scope;
  const caseRecord = useInvestigation(selectCaseRecord);
  const selection = useInvestigation(selectConnectionAffected);
  if (!scope) return null;
  const title = caseRecord?.title ?? 'case';
  const total = scope.affected + scope.notAffected;
  // No affected decision names its subject (as in NotificationCheck): a count of 0 would read as no one affected.
  const unnamed = scope.subjects === 0 && scope.affected > 0;
  // Counted where the decision log lives (a saved connection): the affected decisions are not in the app.
  const counted = scope.decisions.length < scope.affected;
  const connection = caseRecord?.connection;
  const inPlace = connection && selection ? { connectionId: connection.id, selection } : undefined;

  return (
    <div className="stack">
      {scope.method === 'blast-radius' ? (
        <BlastRadiusSummary scope={scope} />
      ) : scope.versionKind === 'none' ? (
        <p>
          The decision log records no version of <span className="mono">{scope.featureName}</span> (neither a feature
          nor a dataset version): the decisions cannot be told apart by the data they read, so only this decision is
          counted as affected.
        </p>
      ) : (
        <p>
          Decisions that used {VERSION_KIND[scope.versionKind] ?? scope.versionKind}
          {scope.versions.length > 1 ? 's' : ''}{' '}
          {scope.versions.map((v) => (
            <span key={v} className="mono badge">
              {v}
            </span>
          ))}{' '}
          of <span className="mono">{scope.featureName}</span>
          {scope.versions.length > 1 && (
            <span className="muted"> (from the onset's version to the decision's own)</span>
          )}
          :
        </p>
      )}
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
          <dd>{unnamed ? 'none known: the log records no subject id' : scope.subjects.toLocaleString('en')}</dd>
        </div>
        <div>
          <dt>Up to this decision</dt>
          <dd>
            {countOf(scope.throughDecision.decisions, 'decision')}
            {unnamed ? '' : `, ${countOf(scope.throughDecision.subjects, 'subject')}`}
          </dd>
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
      {scope.method === 'version' && scope.versionKind !== 'none' && (
        <p className="muted small">
          {countOf(scope.affected, 'decision')} of {countOf(total, 'decision')} that read{' '}
          <span className="mono">{scope.featureName}</span> used the suspect version
          {scope.versions.length > 1 ? 's' : ''}.
        </p>
      )}
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
      <ScopeDecisions scope={scope} title={title} inPlace={inPlace} counted={counted} />
    </div>
  );
}
