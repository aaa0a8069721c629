/**
 * Where the app's off-thread work last ran: in its worker, or on the main thread because the worker could not
 * start (or stopped) — with the reason, so the screen can say so instead of silently running slower. The engine's
 * client records every answer here; so does the graph's layout.
 */
import { create } from 'zustand';

/** The workers with a main-thread fallback. */
export type WorkerName = 'engine' | 'layout';

export type RanOn =
  | { readonly thread: 'worker' }
  /** `reason`: why the worker could not be used, as the browser reported it. */
  | { readonly thread: 'main'; readonly reason: string };

export interface WorkerStatusState {
  readonly ran: Readonly<Partial<Record<WorkerName, RanOn>>>;
}

export const useWorkerStatus = create<WorkerStatusState>()(() => ({ ran: {} }));

/** Records where `name`'s last piece of work ran (unchanged records do not re-render anyone). */
export function recordRan(name: WorkerName, ranOn: RanOn): void {
  const previous = useWorkerStatus.getState().ran[name];
  if (previous?.thread === ranOn.thread && (previous.thread === 'worker' || previous.reason === reasonOf(ranOn)))
    return;
  useWorkerStatus.setState((s) => ({ ran: { ...s.ran, [name]: ranOn } }));
}

const reasonOf = (r: RanOn) => (r.thread === 'main' ? r.reason : undefined);

/**
 * Why a worker could not be used, from what `new Worker` threw or the `error` event it fired: a worker whose script
 * fails to load fires a bare Event with no message.
 */
export function workerFailure(problem: unknown): string {
  if (typeof ErrorEvent !== 'undefined' && problem instanceof ErrorEvent && problem.message) return problem.message;
  if (problem instanceof Error) return problem.message;
  if (typeof problem === 'string') return problem;
  return 'its script could not be loaded or failed as it started';
}

export const selectEngineRan = (s: WorkerStatusState) => s.ran.engine;
export const selectLayoutRan = (s: WorkerStatusState) => s.ran.layout;
