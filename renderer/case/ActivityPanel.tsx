import { Time } from '../components/Time';
import { selectActivity, useCaseLog } from '../stores/case-log-store';
import { selectTimeZone, useSettings } from '../stores/settings-store';
import { ChainStatus } from './ChainAlert';
import { describeActivity } from './describe-activity';
import './case.css';

/** The case's activity log, newest first: when, who, what; and whether the hash chain holds. */
export function ActivityPanel() {
  const activity = useCaseLog(selectActivity);
  const zone = useSettings(selectTimeZone);
  const newestFirst = [...activity].reverse();
  return (
    <section aria-labelledby="activity-heading" className="card">
      <h3 id="activity-heading">Activity</h3>
      <p className="small">
        <ChainStatus />
      </p>
      <ol className="record-list activity-list" aria-label="Activity log, newest first" tabIndex={0}>
        {newestFirst.map((entry) => (
          <li key={entry.seq} data-testid="activity-entry">
            <span className="record-meta">
              #{entry.seq} · <Time value={entry.time} /> · {entry.actor}
            </span>
            <p>{describeActivity(entry, zone)}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
