import { useMemo } from 'react';
import type { Suspect } from '../../shared/analysis/engine-types';
import type { EvidenceSet } from '../../shared/model/evidence-set';
import type { Deployment } from '../../shared/model/records';
import { shortId } from '../format/decision';
import { unifiedDiff } from '../format/patch';
import { FileDiff } from './FileDiff';

interface Props {
  readonly suspect: Suspect;
  readonly evidence: EvidenceSet;
  readonly storedRepositories: ReadonlyArray<string | undefined>;
}

/** The deployment to the same environment (and component) just before `d`. */
function previousDeployment(all: ReadonlyArray<Deployment>, d: Deployment): Deployment | undefined {
  let best: Deployment | undefined;
  for (const x of all) {
    if (x.environment !== d.environment || (x.component ?? '') !== (d.component ?? '')) continue;
    if (Date.parse(x.timestamp) >= Date.parse(d.timestamp)) continue;
    if (!best || Date.parse(x.timestamp) > Date.parse(best.timestamp)) best = x;
  }
  return best;
}

const json = (v: unknown) => (v === undefined ? null : `${JSON.stringify(v, null, 2)}\n`);

/** What a suspect changed: a commit's diff against its parent, a deployment's against the previous deployment,
 * an audit entry's before → after state, a schema change's field differences. */
export function SuspectDiff({ suspect, evidence, storedRepositories }: Props) {
  const s = suspect;
  const commit = useMemo(
    () => (s.kind === 'commit' ? evidence.commits.find((c) => c.sha === s.id) : undefined),
    [s, evidence],
  );
  const deployment = useMemo(
    () => (s.kind === 'deployment' ? evidence.deployments.find((d) => d.id === s.id) : undefined),
    [s, evidence],
  );
  const audit = useMemo(
    () => (s.kind === 'audit' ? evidence.audit.find((a) => a.id === s.id) : undefined),
    [s, evidence],
  );

  if (s.kind === 'schema')
    return (
      <pre className="diff" tabIndex={0} aria-label={`Schema change ${s.id}`}>
        {(s.schemaDiff ?? []).map((line) => (
          <span key={line} className={line.startsWith('removed') ? 'diff-removed' : 'diff-added'}>
            {line}
            {'\n'}
          </span>
        ))}
      </pre>
    );
  if (audit) {
    if (audit.before === undefined && audit.after === undefined)
      return <p className="muted">The audit entry records no before or after state.</p>;
    const lines = unifiedDiff(audit.target.id, json(audit.before), json(audit.after), 'before', 'after');
    return (
      <pre className="diff" tabIndex={0} aria-label={`State of ${audit.target.id} before and after ${s.id}`}>
        {lines.map((line, i) => (
          <span key={i} className={`diff-${line.kind}`}>
            {line.text}
            {'\n'}
          </span>
        ))}
      </pre>
    );
  }
  const to = commit?.sha ?? deployment?.commit;
  const from = commit ? commit.parents[0] : deployment && previousDeployment(evidence.deployments, deployment)?.commit;
  if (!to || s.paths.length === 0)
    return <p className="muted">No file in a repository records what this change did.</p>;
  return (
    <>
      {deployment && (
        <p className="small muted">
          The code of {s.paths.join(', ')} deployed at <span className="mono">{shortId(to)}</span>, against the previous
          deployment to {deployment.environment}
          {from ? (
            <>
              {' '}
              (<span className="mono">{shortId(from)}</span>)
            </>
          ) : (
            ' (none recorded)'
          )}
          .
        </p>
      )}
      {s.paths.map((path) => (
        <FileDiff
          key={path}
          path={path}
          previousCommit={from}
          suspectCommit={to}
          repository={s.repository ?? commit?.repository}
          storedRepositories={storedRepositories}
        />
      ))}
    </>
  );
}
