import type { GovernanceRule, ParityReport, RuleFinding } from '../../shared/analysis/engine-types';
import { CONTROL_LABEL, CONTROL_VERDICT_LABEL, governanceControls } from '../../shared/analysis/governance-controls';
import type { GovernanceFinding } from '../../shared/analysis/types';
import { AnnotateButton } from '../case/AnnotateButton';
import { TimedText } from '../components/TimedText';
import { shortId } from '../format/decision';
import { citationList } from '../../shared/model/citation';
import { citation } from './evidence-cite';

/** What each governance control checks, in the reviewer's words (the one label the report and the CLI use too). */
export const RULE_LABEL = CONTROL_LABEL;

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

/**
 * Every control of a change, one row each: the control, its one verdict (pass, fail, not applicable, unknown) and what
 * was found, with its evidence as file:line. Facts the rules stated without checking anything come first, unmarked.
 */
export function RuleFindings({ findings, sourceName, changeId }: FindingsProps) {
  if (findings.length === 0) return <p className="muted small">No rule applied to this change.</p>;
  const { controls, notes } = governanceControls(findings);
  const cite = (f: GovernanceFinding) => {
    const cited = ruleOf(f).records.filter((p): p is NonNullable<typeof p> => p !== undefined);
    return cited.length > 0 && <span className="mono small muted"> [{citationList(cited, sourceName)}]</span>;
  };
  return (
    <>
      {notes.map((f, i) => (
        <p key={i} className="small" data-testid="governance-note">
          <TimedText text={f.text} />
          {cite(f)}
        </p>
      ))}
      {controls.length > 0 && (
        <table className="data-table findings" data-testid="governance-controls">
          <thead>
            <tr>
              <th scope="col">Control</th>
              <th scope="col">Verdict</th>
              <th scope="col">Evidence</th>
            </tr>
          </thead>
          <tbody>
            {controls.map((c) => (
              <tr key={c.rule} data-testid="governance-control" data-verdict={c.verdict}>
                <th scope="row">{c.label}</th>
                <td>
                  <span className={`verdict control-${c.verdict}`}>{CONTROL_VERDICT_LABEL[c.verdict]}</span>
                </td>
                <td>
                  <ul className="plain">
                    {c.findings.map((f, i) => (
                      <li key={i}>
                        <TimedText text={f.text} />
                        {cite(f)}
                      </li>
                    ))}
                  </ul>
                  {changeId && c.verdict === 'fail' && (
                    <AnnotateButton target={{ kind: 'finding', id: `${changeId}#${c.rule}` }} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
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
