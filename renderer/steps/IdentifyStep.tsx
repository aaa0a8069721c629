import { useDeferredValue, useId, useMemo, useState } from 'react';
import { searchDecisions } from '../../shared/analysis/identify';
import { decisionKey } from '../../shared/model/decision-key';
import { selectOpenSources, useCases } from '../stores/cases-store';
import {
  selectAmbiguousDecision,
  selectCaseRecord,
  selectDecision,
  selectEvidence,
  selectFeatureName,
  selectSelectDecision,
  selectSelectFeature,
  useInvestigation,
} from '../stores/investigation-store';
import { AmbiguousDecisionNotice } from './AmbiguousDecisionNotice';
import { DecisionInputs } from './DecisionInputs';
import { DecisionList } from './DecisionList';

const SEARCH_LIMIT = 100_000;

/**
 * Step 1: search the decisions, select the wrong one, and pick its suspect feature. A case whose sources hold no
 * decision (lineage, audit logs and runs only) says so and leads to its Sources, rather than offering an empty search.
 */
export function IdentifyStep() {
  const evidence = useInvestigation(selectEvidence);
  const caseRecord = useInvestigation(selectCaseRecord);
  const openSources = useCases(selectOpenSources);
  const decision = useInvestigation(selectDecision);
  const featureName = useInvestigation(selectFeatureName);
  const selectDecisionByKey = useInvestigation(selectSelectDecision);
  const selectFeature = useInvestigation(selectSelectFeature);
  const ambiguous = useInvestigation(selectAmbiguousDecision);
  // A case naming an id several models hold opens on the search for that id: the list shows each model's decision.
  const [query, setQuery] = useState(() => ambiguous?.decisionId ?? '');
  const deferred = useDeferredValue(query);
  const searchId = useId();
  const listHeadingId = useId();

  const all = evidence?.decisions;
  const matches = useMemo(() => (all ? searchDecisions(all, deferred.trim(), SEARCH_LIMIT) : []), [all, deferred]);

  if (all?.length === 0)
    return (
      <div className="notice" data-testid="no-decisions">
        <p>
          None of this case’s sources holds a decision: the wrong decision is chosen from a decision log. Import one on
          the Sources screen (a decision log, or a CSV whose columns you map as decisions); the lineage, runs and audit
          logs already imported stay.
        </p>
        {caseRecord && (
          <button type="button" onClick={() => openSources(caseRecord.id)}>
            Open the sources of this case
          </button>
        )}
      </div>
    );

  return (
    <div className="identify">
      <div className="identify-search">
        <label htmlFor={searchId}>Search decisions</label>
        <input
          id={searchId}
          type="search"
          value={query}
          placeholder="Decision id, subject, model or action"
          onChange={(e) => setQuery(e.target.value)}
        />
        <h3 id={listHeadingId} className="list-heading">
          {matches.length.toLocaleString('en')} of {(all?.length ?? 0).toLocaleString('en')} decisions
          {deferred.trim() ? ` match “${deferred.trim()}”` : ''}
        </h3>
        {matches.length > 0 ? (
          <DecisionList
            key={deferred.trim()}
            decisions={matches}
            selectedKey={decision && decisionKey(decision)}
            onSelect={selectDecisionByKey}
            labelledBy={listHeadingId}
          />
        ) : (
          <p className="empty">No decision matches. Search by decision id, subject id, model name or action.</p>
        )}
      </div>
      {decision ? (
        <DecisionInputs decision={decision} featureName={featureName} onPickFeature={selectFeature} />
      ) : ambiguous ? (
        <AmbiguousDecisionNotice ambiguous={ambiguous} />
      ) : (
        <p className="notice">Select a decision in the list to see the inputs it used.</p>
      )}
    </div>
  );
}
