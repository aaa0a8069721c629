/**
 * For tests: the column mapping of the real NannyML inference log (`fixtures/real/inference/nannyml/
 * nannyml_california_housing_analysis.csv`, 8,232 rows) as a decision log — the one mapping several tests read it
 * through (the CLI's --mapping, the app's re-mapping).
 */
import type { ImportMapping } from './mapping';

/** The eight housing features of every row. */
export const NANNYML_FEATURES = [
  'MedInc',
  'HouseAge',
  'AveRooms',
  'AveBedrms',
  'Population',
  'AveOccup',
  'Latitude',
  'Longitude',
] as const;

export const NANNYML_MAPPING: ImportMapping = {
  kind: 'decision-log',
  fields: { decision_id: 'id', timestamp: 'timestamp', 'output.label': 'y_pred', 'output.score': 'y_pred_proba' },
  constants: { 'model.name': 'california-housing' },
  features: [...NANNYML_FEATURES],
  timeOffset: 'Z',
};
