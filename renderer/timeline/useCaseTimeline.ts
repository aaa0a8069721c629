import { useEffect, useMemo, useState } from 'react';
import { db } from '../db/instance';
import {
  type InvestigationState,
  selectDecision,
  selectEvidence,
  selectResults,
  useInvestigation,
} from '../stores/investigation-store';
import { type CaseTimelineRequest, type OpenTimeline, requestTimeline } from './timeline-client';

export interface CaseTimeline {
  /** The timeline's summary and its view (kept where it was built); absent until the first one is built. */
  readonly timeline?: OpenTimeline;
  /** A timeline for the current evidence and analysis is being built (the previous one stays shown meanwhile). */
  readonly building: boolean;
  readonly error?: string;
}

interface Answer {
  readonly request: CaseTimelineRequest;
  readonly timeline?: OpenTimeline;
  readonly error?: string;
}

const selectSourceIds = (s: InvestigationState) => s.caseRecord?.sourceIds;

/**
 * The open case's timeline: every record of its evidence and, once the engine has run for the chosen decision, the
 * onset with the last good decision, the ranked suspects, the investigated decision and the recovery. Built in the
 * engine's worker and kept there (timeline-client.ts); the window receives what it shows.
 */
export function useCaseTimeline(): CaseTimeline {
  const evidence = useInvestigation(selectEvidence);
  const decision = useInvestigation(selectDecision);
  const sourceIds = useInvestigation(selectSourceIds);
  const engine = useInvestigation(selectResults).engine;
  const request = useMemo(
    () =>
      evidence && {
        db,
        sourceIds: sourceIds ?? [],
        evidence,
        analysis: {
          decision,
          onset: engine?.suspects.onset,
          suspects: engine?.suspects.suspects,
          recovery: engine?.scope.recovery,
        },
      },
    [evidence, decision, engine, sourceIds],
  );
  const [answer, setAnswer] = useState<Answer>();
  useEffect(() => {
    if (!request) return;
    let live = true;
    requestTimeline(request).then(
      (timeline) => live && setAnswer({ request, timeline }),
      (error: unknown) => {
        const failed = `The timeline could not be built: ${error instanceof Error ? error.message : String(error)}`;
        if (live) setAnswer((a) => ({ request, timeline: a?.timeline, error: failed }));
      },
    );
    return () => {
      live = false;
    };
  }, [request]);
  // A timeline of other evidence (the case before) is not shown; one of an earlier analysis is, until the new one.
  const current = answer && answer.request.evidence === evidence ? answer : undefined;
  return { timeline: current?.timeline, building: !!request && answer?.request !== request, error: current?.error };
}
