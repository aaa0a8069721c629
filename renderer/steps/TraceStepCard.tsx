import { useMemo } from 'react';
import type { Decision } from '../../shared/model/records';
import type { EvidenceSet } from '../../shared/model/evidence-set';
import { type CardAnswer, type CardAnswers, isGap } from '../../shared/lineage/card-types';
import { lineageCard } from '../../shared/lineage/lineage-card';
import { citationList } from '../../shared/model/citation';
import { TimedText } from '../components/TimedText';

interface Props {
  readonly evidence: EvidenceSet;
  readonly decision: Decision;
  readonly featureName: string;
  /** The moment shown (ISO); the decision's when undefined. */
  readonly asOf?: string;
  readonly sourceName: (sourceId: string) => string;
}

const QUESTIONS: ReadonlyArray<readonly [keyof CardAnswers, string]> = [
  ['origin', 'Origin'],
  ['sourceEvent', 'Source event'],
  ['transformation', 'Transformation'],
  ['versionAtInference', 'Version active then'],
  ['approvedBy', 'Approved by'],
  ['deployedAt', 'Deployed'],
  ['environment', 'Environment'],
  ['environmentMatchesApproval', 'Matches where approved'],
];

/**
 * The lineage card beside the graph: the eight answers, each with its evidence or the gap that stops it, then every
 * gap of the card (an edit outside Git still in force stays listed there beside the version that was deployed).
 */
export function TraceStepCard({ evidence, decision, featureName, asOf, sourceName }: Props) {
  const result = useMemo(() => {
    try {
      return { card: lineageCard(evidence, decision, featureName, asOf ? { asOf } : {}) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [evidence, decision, featureName, asOf]);
  return (
    <section className="card lineage-card" aria-labelledby="lineage-card-heading">
      <h3 id="lineage-card-heading">Lineage card{asOf ? ' (at the chosen moment)' : ''}</h3>
      {result.error !== undefined || !result.card ? (
        <p className="notice error" role="alert">
          The lineage card could not be built: {result.error}
        </p>
      ) : (
        <>
          <dl className="facts lineage-card-answers">
            {QUESTIONS.map(([key, label]) => {
              const answer: CardAnswer<unknown> = result.card.answers[key];
              return (
                <div key={key} className="fact-row">
                  <dt>{label}</dt>
                  {isGap(answer) ? (
                    <dd className="wrap gap">
                      <strong>Gap: {answer.gap.replaceAll('-', ' ')}.</strong> {answer.explanation}
                    </dd>
                  ) : (
                    <dd className="wrap">
                      <TimedText text={answer.text} />
                      {answer.evidence.length > 0 && (
                        <span className="muted small mono"> [{citationList(answer.evidence, sourceName)}]</span>
                      )}
                    </dd>
                  )}
                </div>
              );
            })}
          </dl>
          {result.card.gaps.length > 0 && (
            <>
              <h4>Gaps of the card</h4>
              <ul className="gaps">
                {result.card.gaps.map((g) => (
                  <li key={`${g.gap}|${g.explanation}`}>
                    <strong>{g.gap.replaceAll('-', ' ')}:</strong> {g.explanation}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
