import type { GovernanceRule, ParityReport, RuleFinding } from '../../shared/analysis/engine-types';
import type { GovernanceFinding } from '../../shared/analysis/types';
import { AnnotateButton } from '../case/AnnotateButton';
import { shortId } from '../format/decision';
import { citation } from './evidence-cite';

/** What each governance rule checks, in the reviewer's words. */
export const RULE_LABEL: Readonly<Record<GovernanceRule, string>> = {
  approval: 'Approving review',
  'self-approval': 'Approved by someone other than the author',
  'stale-approval': 'Approval on the merged commit',
  'approval-after-merge': 'Approval before merge',
  'deployment-contains-merge': 'Deployed commit contains the approved merge',
  'deployment-ships-unapproved': 'Nothing unapproved shipped with it',
  'staging-before-production': 'Staging before production',
  parity: 'Environment parity',
  enforcement: 'Enforcement of the rule version in force',
  unauthorized: 'Inside the versioned workflow',
  evidence: 'Evidence',
};

/** A finding's rule and every record behind it (the engine's findings are `RuleFinding`s). */
export function ruleOf(f: GovernanceFinding): {
  rule?: GovernanceRule;
  records: ReadonlyArray<RuleFinding['evidence']>;
} {
  const r = f as Partial<RuleFinding>;
  return { rule: r.rule, records: r.records ?? (f.evidence ? [f.evidence] : []) };
}

interface FindingsProps {
  readonly findings: ReadonlyArray<GovernanceFinding>;
  readonly sourceName: (sourceId: string) => string;
  /** The change the findings are about; with it, each failed finding can be annotated (`<change id>#<rule>`). */
  readonly changeId?: string;
}

/** Every rule finding of a change: passed or failed, the rule, what was found, and its evidence as file:line. */
export function RuleFindings({ findings, sourceName, changeId }: FindingsProps) {
  if (findings.length === 0) return <p className="muted small">No rule applied to this change.</p>;
  return (
    <ul className="plain findings">
      {findings.map((f, i) => {
        const { rule, records } = ruleOf(f);
        const cited = records.filter((p): p is NonNullable<typeof p> => p !== undefined);
        return (
          <li key={i} className={f.ok ? 'ok' : 'bad'}>
            <span aria-hidden="true">{f.ok ? '✓' : '✗'}</span>
            <span className="visually-hidden">{f.ok ? 'Passed: ' : 'Failed: '}</span>{' '}
            {rule && <strong>{RULE_LABEL[rule]}:</strong>} {f.text}
            {cited.length > 0 && (
              <span className="mono small muted"> [{cited.map((p) => citation(p, sourceName)).join('; ')}]</span>
            )}
            {changeId && !f.ok && <AnnotateButton target={{ kind: 'finding', id: `${changeId}#${rule ?? i}` }} />}
          </li>
        );
      })}
    </ul>
  );
}

/** Which version each environment ran at the decision's time, and which configuration keys differed. */
export function ParityTable({ parity, sourceName }: { parity: ParityReport; sourceName: (id: string) => string }) {
  return (
    <table className="data-table">
      <caption>
        Environment parity for <span className="mono">{parity.jobId ?? 'the job'}</span>:{' '}
        {parity.matches ? 'in parity' : <strong className="danger-text">not in parity</strong>}
        {parity.differingKeys.length > 0 && <> — configuration keys differ: {parity.differingKeys.join(', ')}</>}
      </caption>
      <thead>
        <tr>
          <th scope="col">Environment</th>
          <th scope="col">Deployment</th>
          <th scope="col">Commit</th>
          <th scope="col">Evidence</th>
        </tr>
      </thead>
      <tbody>
        {parity.environments.map((e) => (
          <tr key={e.environment}>
            <th scope="row">{e.environment}</th>
            <td className="mono">{e.deploymentId ?? 'none running'}</td>
            <td className="mono" title={e.commit}>
              {e.commit ? shortId(e.commit, 12) : '—'}
            </td>
            <td className="mono small">{e.evidence ? citation(e.evidence, sourceName) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
