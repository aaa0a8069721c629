import { useId, useState } from 'react';
import { SCORE_WEIGHTS, type ScoreTermName } from '../../shared/analysis/change-score';
import type { Suspect } from '../../shared/analysis/engine-types';
import type { EvidenceSet } from '../../shared/model/evidence-set';
import { visibleText } from '../../shared/model/visible-text';
import { Time } from '../components/Time';
import { TimedText } from '../components/TimedText';
import { shortId } from '../format/decision';
import { citation, SUSPECT_KIND_LABEL } from './evidence-cite';
import { AnnotateButton } from '../case/AnnotateButton';
import { SuspectDiff } from './SuspectDiff';
import { SuspectVerdict } from './SuspectVerdict';

interface Props {
  readonly rank: number;
  readonly suspect: Suspect;
  readonly evidence: EvidenceSet;
  readonly storedRepositories: ReadonlyArray<string | undefined>;
  readonly sourceName: (sourceId: string) => string;
}

const weightOf = (term: string): number | undefined => SCORE_WEIGHTS[term as ScoreTermName];
/** The note without the "(weight N)" the engine appends: the weight has its own column. */
const why = (note: string) => note.replace(/\s*\(weight [\d.]+\)$/, '');

/** One ranked suspect: what it is, when it took effect, every score term with its value, and what it changed. */
export function SuspectCard({ rank, suspect: s, evidence, storedRepositories, sourceName }: Props) {
  const id = useId();
  const [showDiff, setShowDiff] = useState(rank === 1);
  const deployedLater = s.effectiveTime !== s.timestamp && Date.parse(s.effectiveTime) !== Date.parse(s.timestamp);

  return (
    <article className="card stack" aria-labelledby={id} data-testid="suspect" data-change-id={s.id}>
      <h3 id={id}>
        <span className="badge">#{rank}</span> {SUSPECT_KIND_LABEL[s.kind]}{' '}
        <span className="mono" title={s.id}>
          {shortId(s.id)}
        </span>{' '}
        — {visibleText(s.summary)} <span className="score">(score {s.score.toFixed(2)})</span>
      </h3>
      <dl className="facts">
        <dt>By</dt>
        <dd>{visibleText(s.actor)}</dd>
        <dt>{deployedLater ? 'Took effect (deployed)' : 'Time'}</dt>
        <dd>
          <Time value={s.effectiveTime} />
          {deployedLater && <span className="muted"> — the timing term uses this time</span>}
        </dd>
        {deployedLater && (
          <>
            <dt>{s.kind === 'commit' ? 'Committed' : 'Recorded'}</dt>
            <dd>
              <Time value={s.timestamp} />
            </dd>
          </>
        )}
        <dt>Touches</dt>
        <dd className="mono wrap">{visibleText(s.touches.join(', ')) || '—'}</dd>
        {s.paths.length > 0 && (
          <>
            <dt>Paths</dt>
            <dd className="mono wrap">{visibleText(s.paths.join(', '))}</dd>
          </>
        )}
        {s.schemaDiff && (
          <>
            <dt>Schema difference</dt>
            <dd className="mono wrap">{s.schemaDiff.join('; ')}</dd>
          </>
        )}
        <dt>Evidence</dt>
        <dd className="mono wrap">{citation(s.evidence, sourceName)}</dd>
      </dl>
      <table className="data-table">
        <caption>Why it ranks #{rank}: every score term</caption>
        <thead>
          <tr>
            <th scope="col">Term</th>
            <th scope="col">Value</th>
            <th scope="col">Weight</th>
            <th scope="col">Points</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {s.reasons.map((r) => {
            const weight = weightOf(r.term);
            return (
              <tr key={r.term}>
                <th scope="row">{r.term}</th>
                <td className="num">{r.value.toFixed(3)}</td>
                <td className="num">{weight ?? '—'}</td>
                <td className="num">{weight === undefined ? '—' : (r.value * weight).toFixed(2)}</td>
                <td>
                  <TimedText text={visibleText(why(r.note))} />
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Score</th>
            <td colSpan={2} />
            <td className="num">
              <strong>{s.score.toFixed(2)}</strong>
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
      <details open={showDiff} onToggle={(e) => setShowDiff(e.currentTarget.open)}>
        <summary>What it changed</summary>
        {showDiff && <SuspectDiff suspect={s} evidence={evidence} storedRepositories={storedRepositories} />}
      </details>
      <SuspectVerdict id={s.id} label={`${SUSPECT_KIND_LABEL[s.kind]} ${shortId(s.id)} — ${visibleText(s.summary)}`} />
      <AnnotateButton target={{ kind: 'change', id: s.id }} />
    </article>
  );
}
