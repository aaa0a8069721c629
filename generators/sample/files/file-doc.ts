/** What every file of the sample repository is: an immutable document that renders to text. */
import type { DatasetRef } from '../../../shared/model/records';

export interface FileDoc {
  render(): string;
}

/** One input field an output field was computed from (OpenLineage column lineage). */
export interface InputFieldRef extends DatasetRef {
  readonly field: string;
  /** OpenLineage transformation type and subtype (DIRECT/IDENTITY, DIRECT/AGGREGATION, INDIRECT/FILTER…). */
  readonly type: 'DIRECT' | 'INDIRECT';
  readonly subtype: string;
}

export interface OutputField {
  readonly name: string;
  readonly type: string;
  readonly description?: string;
  readonly inputs: ReadonlyArray<InputFieldRef>;
}

/** A file that is a job's code: it also says what the job reads and the fields it writes. */
export interface JobCode extends FileDoc {
  inputs(): ReadonlyArray<DatasetRef>;
  fields(): ReadonlyArray<OutputField>;
}

export function isJobCode(doc: FileDoc | undefined): doc is JobCode {
  return doc !== undefined && 'inputs' in doc && 'fields' in doc;
}

const DIRECT = new Set(['IDENTITY', 'TRANSFORMATION', 'AGGREGATION']);

/** A column-lineage input: DIRECT for IDENTITY, TRANSFORMATION and AGGREGATION, INDIRECT otherwise. */
export function inputField(dataset: DatasetRef, field: string, subtype = 'IDENTITY'): InputFieldRef {
  return {
    namespace: dataset.namespace,
    name: dataset.name,
    field,
    type: DIRECT.has(subtype) ? 'DIRECT' : 'INDIRECT',
    subtype,
  };
}

/** A YAML double-quoted scalar. */
export function yamlString(value: string): string {
  return JSON.stringify(value);
}
