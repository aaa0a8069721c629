import { useMemo } from 'react';
import { buildTimeline, type Timeline } from '../../shared/timeline/evidence-timeline';
import { selectDecision, selectEvidence, selectResults, useInvestigation } from '../stores/investigation-store';

/**
 * The open case's timeline: every record of its evidence and, once the engine has run for the chosen decision, the
 * onset with the last good decision, the ranked suspects, the investigated decision and the recovery.
 */
export function useCaseTimeline(): Timeline | undefined {
  const evidence = useInvestigation(selectEvidence);
  const decision = useInvestigation(selectDecision);
  const engine = useInvestigation(selectResults).engine;
  return useMemo(
    () =>
      evidence &&
      buildTimeline(evidence, {
        decision,
        onset: engine?.suspects.onset,
        suspects: engine?.suspects.suspects,
        recovery: engine?.scope.recovery,
      }),
    [evidence, decision, engine],
  );
}
