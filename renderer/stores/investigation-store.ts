/**
 * The open case: its evidence, the selected decision and suspect feature, the current step, and the
 * results of the analysis (derived, memoized, recomputed when the decision or feature changes).
 */
import { create } from 'zustand';
import type { Decision } from '../../shared/model/records';
import { db } from '../db/instance';
import type { StepId } from '../steps/step-ids';
import { memoizeDerive, noResults } from './derive';
import { type InvestigationData, initialInvestigationData } from './investigation-initial';
import { useSettings } from './settings-store';
import { gitShowFile, suspectDiffReader } from './suspect-diffs';

export interface InvestigationState extends InvestigationData {
  readonly load: (caseId: string) => Promise<void>;
  readonly selectDecision: (decisionId: string) => void;
  readonly selectFeature: (featureName: string) => void;
  readonly setStep: (step: StepId) => void;
  /** Corrects the onset (a feature version or an RFC 3339 time; `undefined`: the estimate), saved with the case. */
  readonly setOnset: (onset: string | undefined) => Promise<void>;
  readonly reset: () => void;
}

const derive = memoizeDerive();

/** The feature to keep when the decision changes: the same name if the new decision has it, else its first. */
function pickFeature(decision: Decision | undefined, wanted: string | undefined): string | undefined {
  if (!decision) return undefined;
  if (wanted && decision.features.some((f) => f.name === wanted)) return wanted;
  return decision.features[0]?.name;
}

export const useInvestigation = create<InvestigationState>()((set, get) => {
  /** Sets decision + feature and the results derived from them. */
  const focus = (decision: Decision | undefined, featureName: string | undefined) => {
    const { evidence, caseRecord } = get();
    const onset = caseRecord?.onsetOverride;
    const options = { onset, notifyThreshold: useSettings.getState().notifyThreshold, diffOf: diffs.diffOf(evidence) };
    const results = evidence && decision && featureName ? derive(evidence, decision, featureName, options) : noResults;
    set({ decision, featureName, results });
    // The commits' diffs come from Git asynchronously; once read, the suspects are ranked again with them.
    if (evidence && results.engine) diffs.request(evidence, results.engine.suspects.suspects, get().sources);
  };
  const diffs = suspectDiffReader(() => focus(get().decision, get().featureName), gitShowFile);
  const persistFocus = () => {
    const { caseRecord, decision, featureName } = get();
    if (caseRecord && decision && featureName) {
      db.setCaseFocus(caseRecord.id, decision.decisionId, featureName).catch((error: unknown) =>
        set({ error: `Could not save the chosen decision: ${String(error)}` }),
      );
      set({ caseRecord: { ...caseRecord, decisionId: decision.decisionId, featureName } });
    }
  };

  // The notification threshold is a setting: a new one re-derives the open case's scope.
  useSettings.subscribe((now, before) => {
    if (now.notifyThreshold !== before.notifyThreshold) focus(get().decision, get().featureName);
  });

  return {
    ...initialInvestigationData,
    load: async (caseId) => {
      set({ ...initialInvestigationData, status: 'loading' });
      try {
        const caseRecord = await db.getCase(caseId);
        if (!caseRecord) throw new Error(`There is no investigation with id ${caseId}.`);
        // The case's state (steps, annotations, root cause…) is its activity log: see case-log-store.ts.
        const [sources, evidence] = await Promise.all([
          db.getSources(caseRecord.sourceIds),
          db.loadEvidence(caseRecord.sourceIds),
        ]);
        const decisionsById = new Map(evidence.decisions.map((d) => [d.decisionId, d]));
        set({ caseRecord, sources, evidence, decisionsById, status: 'ready' });
        const decision = caseRecord.decisionId ? decisionsById.get(caseRecord.decisionId) : undefined;
        focus(decision, pickFeature(decision, caseRecord.featureName));
      } catch (error) {
        set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
      }
    },
    selectDecision: (decisionId) => {
      const decision = get().decisionsById.get(decisionId);
      if (!decision || decision === get().decision) return;
      focus(decision, pickFeature(decision, get().featureName));
      persistFocus();
    },
    selectFeature: (featureName) => {
      if (featureName === get().featureName) return;
      focus(get().decision, featureName);
      persistFocus();
    },
    setStep: (step) => set({ step }),
    setOnset: async (onset) => {
      const { caseRecord } = get();
      if (!caseRecord) return;
      const onsetOverride = onset?.trim() || undefined;
      set({ caseRecord: { ...caseRecord, onsetOverride } });
      focus(get().decision, get().featureName);
      await db
        .setCaseOnset(caseRecord.id, onsetOverride)
        .catch((error: unknown) => set({ error: `Could not save the onset: ${String(error)}` }));
    },
    reset: () => set(initialInvestigationData),
  };
});

export const selectStatus = (s: InvestigationState) => s.status;
export const selectError = (s: InvestigationState) => s.error;
export const selectCaseRecord = (s: InvestigationState) => s.caseRecord;
export const selectSources = (s: InvestigationState) => s.sources;
export const selectEvidence = (s: InvestigationState) => s.evidence;
export const selectDecision = (s: InvestigationState) => s.decision;
export const selectFeatureName = (s: InvestigationState) => s.featureName;
export const selectStep = (s: InvestigationState) => s.step;
export const selectResults = (s: InvestigationState) => s.results;
export const selectLoad = (s: InvestigationState) => s.load;
export const selectSelectDecision = (s: InvestigationState) => s.selectDecision;
export const selectSelectFeature = (s: InvestigationState) => s.selectFeature;
export const selectSetStep = (s: InvestigationState) => s.setStep;
export const selectReset = (s: InvestigationState) => s.reset;
export const selectOnsetOverride = (s: InvestigationState) => s.caseRecord?.onsetOverride;
export const selectSetOnset = (s: InvestigationState) => s.setOnset;
