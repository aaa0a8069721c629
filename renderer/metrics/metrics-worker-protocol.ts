/** Messages between the dashboard and its worker. */
import type { Case } from '../../shared/case/case-types';
import type { MetricsView } from './metrics-view';

export interface MetricsRequest {
  readonly requestId: number;
  readonly cases: ReadonlyArray<Case>;
  readonly dbName: string;
}

export type MetricsResponse =
  | { readonly requestId: number; readonly ok: true; readonly view: MetricsView }
  | { readonly requestId: number; readonly ok: false; readonly error: string };
