/**
 * The open case: its evidence, the selected decision and suspect feature, the current step, and the
 * results of the analysis (derived in the engine's worker, memoized, recomputed when the decision or feature changes).
 */
import { create } from 'zustand';
import { decisionKey } from '../../shared/model/decision-key';
import type { Decision } from '../../shared/model/records';
import { db } from '../db/instance';
import type { StepId } from '../steps/step-ids';
import { knownResults, requestDerived } from '../engine/engine-client';
import { noResults, pendingResults } from './derive';
import { type InvestigationData, initialInvestigationData } from './investigation-initial';
import { useSettings } from './settings-store';
import { gitShowFile, suspectDiffReader } from './suspect-diffs';
import { loadEvidence } from '../db/load-evidence';
import { repeatNotes } from '../../shared/model/repeat-notes';
import type { RepeatedRecord } from '../../shared/model/repeated-records';
import { recordCaseAction } from '../db/case-log';
import type { CaseRecord } from '../db/lineage-db';
import { currentActor } from '../case/reviewer-store';
import type { CaseAction } from '../../shared/case/case-actions';
import { useCaseLog } from './case-log-store';
import { connectionDecision, deriveInConnection, withDecisions } from '../connections/connection-derive';
import { caseDecision, indexDecisions } from './decision-index';

export interface InvestigationState extends InvestigationData {
  readonly load: (caseId: string) => Promise<void>;
  /** Selects the decision of this key (decision-key.ts: its model and id). */
  readonly selectDecision: (key: string) => void;
  readonly selectFeature: (featureName: string) => void;
  readonly setStep: (step: StepId) => void;
  /** Corrects the onset (a feature version or an RFC 3339 time; `undefined`: the estimate), saved with the case. */
  readonly setOnset: (onset: string | undefined) => Promise<void>;
  readonly reset: () => void;
}

/**
 * Saves an analytical choice: its entry in the case's hash-chained log and, where the case's row keeps it (the onset,
 * the decision and feature), the row's change, in ONE transaction (recordCaseAction), so a crash cannot leave one
 * without the other. Through the open case's log when it is this case's and read (one action at a time, the activity
 * panel shows it); else straight to the store. Throws, with nothing saved, when the log does not take the entry.
 */
async function saveChoice(caseId: string, act: CaseAction, rowChange: Partial<Omit<CaseRecord, 'id'>> = {}) {
  const log = useCaseLog.getState();
  if (log.caseId === caseId && log.status === 'ready') {
    if (await log.record(act, rowChange)) return;
    const why = useCaseLog.getState().error ?? `the activity log of case ${caseId} does not verify`;
    throw new Error(`${why}; nothing was saved.`);
  }
  await recordCaseAction(db, caseId, { ...act, time: new Date().toISOString(), actor: currentActor() }, rowChange);
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The steps whose content is the engine's results. */
const ANALYSED: ReadonlyArray<StepId> = ['scope', 'trace', 'changes', 'governance', 'remediate'];
let generation = 0;

/** The feature to keep when the decision changes: the same name if the new decision has it, else its first. */
function pickFeature(decision: Decision | undefined, wanted: string | undefined): string | undefined {
  if (!decision) return undefined;
  if (wanted && decision.features.some((f) => f.name === wanted)) return wanted;
  return decision.features[0]?.name;
}

export const useInvestigation = create<InvestigationState>()((set, get) => {
  /**
   * Sets decision + feature, then the results derived from them by the engine off the UI thread: until they arrive
   * the steps show that it is computing (the previous results stay up while the same decision and feature are only
   * ranked again). Only the latest request's answer is kept.
   */
  const focus = (decision: Decision | undefined, featureName: string | undefined) => {
    const mine = ++generation;
    const { evidence, caseRecord, results: before, decision: was, featureName: wasFeature } = get();
    if (!evidence || !decision || !featureName) {
      set({ decision, featureName, results: noResults });
      return;
    }
    const request = {
      db,
      sourceIds: caseRecord?.sourceIds ?? [],
      evidence,
      decision,
      featureName,
      onset: caseRecord?.onsetOverride,
      notifyThreshold: useSettings.getState().notifyThreshold,
      diffs: diffs.cache(evidence),
      decisionOf: (key: string) => get().decisionsByKey.get(key),
    };
    const connection = caseRecord?.connection;
    const known = connection ? undefined : knownResults(request);
    const same =
      was !== undefined &&
      decisionKey(was) === decisionKey(decision) &&
      wasFeature === featureName &&
      before !== pendingResults;
    set({ decision, featureName, results: known ?? (same ? { ...before, pending: true } : pendingResults) });
    if (known) return;
    // A case on a saved connection: the engine that holds the decision log answers (connection-derive.ts).
    const derived = connection
      ? deriveInConnection({ ...request, connection }).then(({ results, cited, queries, affected }) => {
          if (mine === generation)
            set({
              decisionsByKey: withDecisions(get().decisionsByKey, cited),
              connectionQueries: queries,
              connectionAffected: affected,
            });
          return results;
        })
      : requestDerived(request);
    derived.then(
      (results) => {
        if (mine !== generation) return;
        set({ results });
        // The commits' diffs come from Git asynchronously; once read, the suspects are ranked again with them.
        if (results.engine) diffs.request(evidence, results.engine.suspects.suspects, get().sources);
      },
      (error: unknown) => {
        if (mine !== generation) return;
        const failed = `The investigation engine could not run: ${error instanceof Error ? error.message : String(error)}`;
        const errors = Object.fromEntries(ANALYSED.map((step) => [step, failed]));
        set({ results: { errors } });
      },
    );
  };
  const diffs = suspectDiffReader(() => focus(get().decision, get().featureName), gitShowFile);
  const persistFocus = () => {
    const { caseRecord, decision, featureName } = get();
    if (caseRecord && decision && featureName) {
      const chosen = { decisionId: decision.decisionId, model: decision.model.name };
      saveChoice(
        caseRecord.id,
        { action: 'focus.set', payload: { decisionId: chosen.decisionId, model: chosen.model, featureName } },
        { decisionId: chosen.decisionId, decisionModel: chosen.model, featureName },
      ).catch((error: unknown) => set({ error: `Could not save the chosen decision: ${message(error)}` }));
      set({
        caseRecord: { ...caseRecord, decisionId: chosen.decisionId, decisionModel: chosen.model, featureName },
        ambiguousDecision: undefined,
      });
    }
  };

  // The notification threshold is a setting: a new one re-derives the open case's scope.
  useSettings.subscribe((now, before) => {
    if (now.notifyThreshold === before.notifyThreshold) return;
    focus(get().decision, get().featureName);
    const open = get().caseRecord;
    if (open)
      saveChoice(open.id, { action: 'threshold.set', payload: { notifyThreshold: now.notifyThreshold } }).catch(
        (error: unknown) => set({ error: `Could not record the notification threshold: ${message(error)}` }),
      );
  });

  return {
    ...initialInvestigationData,
    load: async (caseId) => {
      set({ ...initialInvestigationData, status: 'loading' });
      try {
        const caseRecord = await db.getCase(caseId);
        if (!caseRecord) throw new Error(`There is no investigation with id ${caseId}.`);
        // The case's state (steps, annotations, root cause…) is its activity log: see case-log-store.ts.
        const repeats: RepeatedRecord[] = [];
        const [sources, stored] = await Promise.all([
          db.getSources(caseRecord.sourceIds),
          loadEvidence(db, caseRecord.sourceIds, (r) => repeats.push(r)),
        ]);
        const readOnce = repeatNotes(repeats, Object.fromEntries(sources.map((s) => [s.id, s.name])));
        // A case on a saved connection reads its decision there: the store holds none of that log.
        const { connection, decisionId, decisionModel } = caseRecord;
        const read = connection && (await connectionDecision(connection, decisionId, decisionModel));
        const evidence = read ? { ...stored, decisions: [read] } : stored;
        const decisionsByKey = indexDecisions(evidence.decisions);
        // A case saved before the model was recorded names its decision by id: where two models hold it, none is
        // chosen, and the Identify step lists both for the investigator to choose.
        const { decision, ambiguous } = caseDecision(evidence.decisions, decisionId, decisionModel);
        set({ caseRecord, sources, evidence, decisionsByKey, ambiguousDecision: ambiguous, readOnce, status: 'ready' });
        focus(decision, pickFeature(decision, caseRecord.featureName));
      } catch (error) {
        set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
      }
    },
    selectDecision: (key) => {
      const decision = get().decisionsByKey.get(key);
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
      await saveChoice(
        caseRecord.id,
        { action: 'onset.set', payload: onsetOverride ? { onset: onsetOverride } : {} },
        { onsetOverride },
      ).catch((error: unknown) => set({ error: `Could not save the onset: ${message(error)}` }));
    },
    reset: () => set(initialInvestigationData),
  };
});

export const selectStatus = (s: InvestigationState) => s.status;
export const selectError = (s: InvestigationState) => s.error;
export const selectCaseRecord = (s: InvestigationState) => s.caseRecord;
export const selectSources = (s: InvestigationState) => s.sources;
export const selectReadOnce = (s: InvestigationState) => s.readOnce;
export const selectEvidence = (s: InvestigationState) => s.evidence;
export const selectDecision = (s: InvestigationState) => s.decision;
export const selectAmbiguousDecision = (s: InvestigationState) => s.ambiguousDecision;
export const selectFeatureName = (s: InvestigationState) => s.featureName;
export const selectStep = (s: InvestigationState) => s.step;
export const selectResults = (s: InvestigationState) => s.results;
export const selectConnectionAffected = (s: InvestigationState) => s.connectionAffected;
export const selectLoad = (s: InvestigationState) => s.load;
export const selectSelectDecision = (s: InvestigationState) => s.selectDecision;
export const selectSelectFeature = (s: InvestigationState) => s.selectFeature;
export const selectSetStep = (s: InvestigationState) => s.setStep;
export const selectReset = (s: InvestigationState) => s.reset;
export const selectOnsetOverride = (s: InvestigationState) => s.caseRecord?.onsetOverride;
export const selectSetOnset = (s: InvestigationState) => s.setOnset;
