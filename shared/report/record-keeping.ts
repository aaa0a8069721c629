/**
 * Record-keeping for regulators: which of the fields a regulator expects logged for one automated decision
 * (EU AI Act Art. 12 and 19, ISO/IEC 42001 A.6.2.8) the decision's own log record carries, and which are missing.
 * Each present field cites the decision record's line; a missing one says what the log would have to hold.
 */
import type { Decision, Provenance } from '../model/records';

export interface RecordKeepingField {
  readonly field: string;
  /** Where a regulator asks for it. */
  readonly basis: string;
  /** What the record holds for it, or what is missing. */
  readonly value: string;
  readonly present: boolean;
  /** The decision record's line (present fields only). */
  readonly evidence?: Provenance;
}

const ART12 = 'EU AI Act Art. 12(2)–(3), Art. 19; ISO/IEC 42001 A.6.2.8';
/** Fields of a decision record (kept in `extra`) that name a human verifier or an override. */
const HUMAN_KEYS = [
  'reviewer',
  'reviewed_by',
  'human_reviewer',
  'verified_by',
  'verifier',
  'human_review',
  'override',
  'overridden_by',
  'approved_by',
];
/** Fields that name the input the decision was made on, besides `subject_id`. */
const INPUT_KEYS = ['input_id', 'input_ref', 'request_id', 'input_reference', 'input_hash'];

function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function firstExtra(d: Decision, keys: ReadonlyArray<string>): [string, unknown] | undefined {
  for (const k of keys) {
    const v = d.extra?.[k];
    if (v !== undefined && v !== null && v !== '') return [k, v];
  }
  return undefined;
}

function row(field: string, value: string | undefined, missing: string, d: Decision): RecordKeepingField {
  return value === undefined
    ? { field, basis: ART12, value: missing, present: false }
    : { field, basis: ART12, value, present: true, evidence: d.provenance };
}

/**
 * The record-keeping fields for one decision, in the order a regulator's checklist names them; `time` prints the
 * time of use as the report prints its times (zone and format).
 */
export function recordKeeping(d: Decision, time: (iso: string) => string): RecordKeepingField[] {
  const versions = d.features.filter((f) => f.datasetVersion).map((f) => `${f.name}: ${f.datasetVersion}`);
  const unversioned = d.features.filter((f) => !f.datasetVersion).map((f) => f.name);
  const input = d.subjectId !== undefined ? ['subject_id', d.subjectId] : firstExtra(d, INPUT_KEYS);
  const human = firstExtra(d, HUMAN_KEYS);
  const output = [d.output !== undefined ? shown(d.output) : undefined, d.action].filter(Boolean).join(' → ');
  return [
    row('time of use', d.timestamp ? time(d.timestamp) : undefined, 'no timestamp', d),
    row(
      'system and model version',
      d.model.version ? `${d.model.name} ${d.model.version}` : undefined,
      `model ${d.model.name} has no version`,
      d,
    ),
    row('input reference', input ? `${input[0]}: ${shown(input[1])}` : undefined, 'no subject_id or input id', d),
    row(
      'reference data (dataset versions read)',
      versions.length && !unversioned.length ? versions.join('; ') : undefined,
      unversioned.length ? `no dataset_version for ${unversioned.join(', ')}` : 'no features recorded',
      d,
    ),
    row('output', output || undefined, 'no output or action', d),
    row(
      'human verifier or override',
      human ? `${human[0]}: ${shown(human[1])}` : undefined,
      `no ${HUMAN_KEYS.slice(0, 2).join(' or ')} field`,
      d,
    ),
  ];
}
