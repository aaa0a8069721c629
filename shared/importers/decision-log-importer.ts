/**
 * Decision log importer (FORMATS.md): one model decision per JSON line, or a JSON array of them.
 * Required: decision_id, timestamp, model.name, features[].name; unknown fields are kept in `extra`.
 */
import type { Decision, DecisionFeature, ImportResult, Provenance } from '../model/records';
import { FieldReader } from './field-reader';
import { isObject, readJsonInput, type JsonInput } from './json-input';
import { runImport, type ImportSource, type MapOutcome, type RunOptions } from './record-runner';
import { describeType } from './timestamps';

const KNOWN = ['decision_id', 'timestamp', 'subject_id', 'model', 'environment', 'output', 'action', 'features'];
const FEATURE_KNOWN = ['name', 'value', 'dataset', 'field', 'dataset_version', 'feature_version'];

/** How the streaming importer maps one record of this kind. */
export const decisionLogMapper: RunOptions<Decision> = {
  importer: 'decision-log',
  detected: 'decision-log',
  wrappers: ['decisions'],
  recordName: 'a decision',
  map: mapDecision,
};

/** Imports a decision log from text. */
export function importDecisionLog(text: string, source: ImportSource): ImportResult {
  return importDecisionLogInput(readJsonInput(text), source);
}

/** Imports a decision log from an already-read input. */
export function importDecisionLogInput(input: JsonInput, source: ImportSource): ImportResult {
  return runImport(input, source, decisionLogMapper).result;
}

function mapDecision(value: Record<string, unknown>, provenance: Provenance): MapOutcome<Decision> {
  const r = new FieldReader(value);
  const decisionId = r.requiredString('decision_id');
  const timestamp = r.requiredTimestamp('timestamp');
  const modelName = r.requiredString('model.name');
  const modelVersion = r.optionalString('model.version');
  const features = mapFeatures(r);
  if (r.problems.length > 0) return { reason: r.problems.join('; '), warnings: r.warnings };
  const subjectId = r.optionalString('subject_id');
  const environment = r.optionalString('environment');
  const action = r.optionalString('action');
  const extra = r.rest(KNOWN);
  const record: Decision = {
    kind: 'decision',
    decisionId,
    timestamp,
    ...(subjectId !== undefined && { subjectId }),
    model: { name: modelName, ...(modelVersion !== undefined && { version: modelVersion }) },
    ...(environment !== undefined && { environment }),
    ...(value.output !== undefined && { output: value.output }),
    ...(action !== undefined && { action }),
    features,
    ...(extra && { extra }),
    provenance,
  };
  return { record, warnings: r.warnings };
}

function mapFeatures(r: FieldReader): ReadonlyArray<DecisionFeature> {
  const list = r.get('features');
  if (list === undefined || list === null) {
    r.problems.push('missing required field "features"');
    return [];
  }
  if (!Array.isArray(list)) {
    r.problems.push(`field "features" must be an array, got ${describeType(list)}`);
    return [];
  }
  const features: DecisionFeature[] = [];
  list.forEach((item, i) => {
    if (!isObject(item)) {
      r.problems.push(`features[${i}] must be an object, got ${describeType(item)}`);
      return;
    }
    const f = new FieldReader(item);
    const name = f.requiredString('name');
    const dataset = datasetOf(f);
    const field = f.optionalString('field');
    const datasetVersion = f.optionalString('dataset_version');
    const featureVersion = f.optionalString('feature_version');
    r.problems.push(...f.problems.map((p) => `features[${i}]: ${p}`));
    r.warnings.push(...f.warnings.map((w) => `features[${i}]: ${w}`));
    const extra = f.rest(FEATURE_KNOWN);
    features.push({
      name,
      ...(item.value !== undefined && { value: item.value }),
      ...(dataset && { dataset }),
      ...(field !== undefined && { field }),
      ...(datasetVersion !== undefined && { datasetVersion }),
      ...(featureVersion !== undefined && { featureVersion }),
      ...(extra && { extra }),
    });
  });
  return features;
}

function datasetOf(f: FieldReader): DecisionFeature['dataset'] {
  const dataset = f.get('dataset');
  if (dataset === undefined || dataset === null) return undefined;
  if (isObject(dataset) && typeof dataset.namespace === 'string' && typeof dataset.name === 'string') {
    return { namespace: dataset.namespace, name: dataset.name };
  }
  f.warnings.push('"dataset" needs string "namespace" and "name"; ignored');
  return undefined;
}
