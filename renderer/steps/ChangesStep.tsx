import { useMemo, useState } from 'react';
import { SCORE_WEIGHTS } from '../../shared/analysis/change-score';
import { visibleText } from '../../shared/model/visible-text';
import { Time } from '../components/Time';
import { shortId } from '../format/decision';
import { selectEvidence, selectResults, selectSources, useInvestigation } from '../stores/investigation-store';
import { countOf, SUSPECT_KIND_LABEL, useSourceName } from './evidence-cite';
import { OnsetChart } from './OnsetChart';
import { OnsetControl } from './OnsetControl';
import { SuspectCard } from './SuspectCard';

const FIRST_SHOWN = 10;
const MAX_SCORE = Object.values(SCORE_WEIGHTS).reduce((a, b) => a + b, 0);

/**
 * Step 4: when the wrong decisions began (estimated from the outcome rates, correctable), the look-back window
 * before it, and every change that touched the traced lineage in it, ranked as suspects with every score term.
 */
export function ChangesStep() {
  const engine = useInvestigation(selectResults).engine;
  const evidence = useInvestigation(selectEvidence);
  const sources = useInvestigation(selectSources);
  const storedRepositories = useMemo(() => sources.map((s) => s.repository), [sources]);
  const sourceName = useSourceName();
  const [all, setAll] = useState(false);
  if (!engine || !evidence) return null;
  const { onset, window, suspects, gaps } = engine.suspects;
  const shown = all ? suspects : suspects.slice(0, FIRST_SHOWN);
  const [top, next] = suspects;

  return (
    <div className="stack">
      {top && (
        <p className="notice" data-testid="top-suspect">
          <strong>
            Ranked first: {SUSPECT_KIND_LABEL[top.kind]} <span className="mono">{shortId(top.id)}</span> —{' '}
            {visibleText(top.summary)}
          </strong>
          , {top.score.toFixed(2)} of {MAX_SCORE} points
          {next && (
            <>
              {' '}
              (next: {SUSPECT_KIND_LABEL[next.kind].toLowerCase()} <span className="mono">{shortId(next.id)}</span>,{' '}
              {next.score.toFixed(2)})
            </>
          )}
          . Why: every score term is listed in its card below.
        </p>
      )}
      {onset.series.length > 0 && <OnsetChart onset={onset} />}
      <OnsetControl onset={onset} />
      <dl className="stats">
        <div>
          <dt>Look-back window from</dt>
          <dd>
            <Time value={window.from} />
          </dd>
        </div>
        <div>
          {/* The search runs to the onset, or to the decision when it came later (suspect-context.ts). */}
          <dt>{Date.parse(window.to) > Date.parse(onset.onset) ? 'to the investigated decision' : 'to the onset'}</dt>
          <dd>
            <Time value={window.to} />
          </dd>
        </div>
        <div>
          <dt>Suspects</dt>
          <dd>{suspects.length.toLocaleString('en')}</dd>
        </div>
      </dl>
      {gaps.length > 0 && (
        <section aria-labelledby="changes-gaps-heading">
          <h3 id="changes-gaps-heading">What could not be searched</h3>
          <ul className="gaps">
            {gaps.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="suspects-heading" className="stack">
        <h3 id="suspects-heading">Suspects, highest score first</h3>
        <p className="muted small">
          The score weighs six terms (timing against the onset, distance from the traced feature, kind of change,
          whether the running code contained it, whether it touched the traced field, whether it went around the
          versioned workflow); each is shown with its value. The ranking says what most likely caused the shift; whether
          a change was governed is judged separately in Governance.
        </p>
        {suspects.length === 0 ? (
          <p className="empty">
            No commit, configuration edit, deployment or schema change touched the traced lineage in this window.
          </p>
        ) : (
          <ul className="plain stack" aria-label="Ranked suspects">
            {shown.map((s, i) => (
              <li key={`${s.kind}:${s.id}`}>
                <SuspectCard
                  rank={i + 1}
                  suspect={s}
                  evidence={evidence}
                  storedRepositories={storedRepositories}
                  sourceName={sourceName}
                />
              </li>
            ))}
          </ul>
        )}
        {suspects.length > shown.length && (
          <div>
            <button type="button" onClick={() => setAll(true)}>
              Show all {countOf(suspects.length, 'suspect')}
            </button>
          </div>
        )}
      </section>
    </div>
  );
}
