/**
 * Building a portable case file from a case (investigator), and adding a review to one (reviewer): entries chained
 * onto the same activity log and signed by the reviewer's own key. Format: case-file-format.ts, docs/case-file.md.
 */
import { appendActivity, verifyChain } from './activity-log';
import { activityHead } from '../report/report-anchors';
import { caseFromActivity } from './case-actions';
import { canonicalJson } from './canonical-json';
import {
  CASE_FILE_FORMAT,
  REVIEWER_ACTIONS,
  signedText,
  type CaseFileContent,
  type CaseFileEvidence,
  type CaseFileRole,
  type CaseFileSignatureCheck,
  type CaseFileSigner,
  type PortableCaseFile,
} from './case-file-format';
import type { ActivityEntry, CaseRecord, Sha256 } from './case-types';
import { verifyCaseFile } from './portable-case-verify';

/** Subject-id pseudonymization: the keyed replacement of ids in a text, and the first id a text still holds. */
export interface CaseFilePseudonyms {
  readonly method: string;
  readonly subjects: number;
  readonly replace: (text: string) => string;
  readonly find: (text: string) => string | undefined;
}

export interface BuildCaseFileInput {
  readonly record: CaseRecord;
  /** The cited sources' excerpts (JSON Lines: a header naming the source's SHA-256, then one entry per citation). */
  readonly excerpts: ReadonlyArray<{ readonly name: string; readonly sha256: string; readonly text: string }>;
  readonly subgraph: CaseFileContent['subgraph'];
  readonly generator: string;
  readonly now: string;
  readonly pseudonyms?: CaseFilePseudonyms;
}

/** Every string in a JSON value passed through `f`. */
function mapStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [f(k), mapStrings(v, f)]));
  return value;
}

/** The cited records of the excerpts, each with the SHA-256 of its canonical JSON. */
async function evidenceOf(
  excerpts: BuildCaseFileInput['excerpts'],
  sha256: Sha256,
  hide: (s: string) => string,
): Promise<CaseFileEvidence[]> {
  const out: CaseFileEvidence[] = [];
  for (const excerpt of excerpts) {
    const lines = excerpt.text.split('\n').filter((l) => l.trim() !== '');
    for (let i = 1; i < lines.length; i++) {
      const entry = mapStrings(JSON.parse(lines[i] as string), hide) as Record<string, unknown>;
      out.push({ source: excerpt.sha256, name: hide(excerpt.name), entry, sha256: await sha256(canonicalJson(entry)) });
    }
  }
  return out;
}

/** Signs the file's chain as it stands, after the signatures it has. */
async function signed(
  file: Omit<PortableCaseFile, 'signatures'> & Partial<Pick<PortableCaseFile, 'signatures'>>,
  role: CaseFileRole,
  signer: CaseFileSigner,
  now: string,
  sha256: Sha256,
): Promise<PortableCaseFile> {
  const signatures = file.signatures ?? [];
  const head = activityHead(file.activity);
  const body = {
    role,
    signer: signer.name,
    fingerprint: signer.fingerprint,
    signedAt: now,
    entries: head.entries,
    head: head.hash,
    contentSha256: await sha256(canonicalJson(file.content)),
    previous: signatures[signatures.length - 1]?.signature ?? null,
  };
  const signature = await signer.sign(signedText(file.content.caseId, body));
  return { ...file, signatures: [...signatures, { ...body, publicKeyPem: signer.publicKeyPem, signature }] };
}

/**
 * The case file of a case, signed by the investigator. Throws, naming what is wrong, for a broken chain, a case that
 * is not what its log records, or — when pseudonymizing — a log entry that names a subject (the log cannot be
 * rewritten without breaking the chain the reviewer's entries extend).
 */
export async function buildCaseFile(
  input: BuildCaseFileInput,
  signer: CaseFileSigner,
  sha256: Sha256,
): Promise<PortableCaseFile> {
  const { record, pseudonyms } = input;
  const chain = await verifyChain(record.activity, sha256);
  if (!chain.ok) throw new Error(`The case's activity log is broken: ${chain.reason}.`);
  if (canonicalJson(caseFromActivity(record.activity)) !== canonicalJson(record.case))
    throw new Error(`Case ${record.case.id}: the case does not match what its activity log records.`);
  if (pseudonyms)
    for (const entry of record.activity) {
      const id = pseudonyms.find(canonicalJson(entry));
      if (id !== undefined)
        throw new Error(
          `Activity entry ${entry.seq} (${entry.action}) names the subject ${id}: a pseudonymized case file cannot carry it. Export without pseudonymization, or share the bundle instead.`,
        );
    }
  const hide = pseudonyms ? pseudonyms.replace : (s: string) => s;
  const content: CaseFileContent = {
    caseId: record.case.id,
    exportedAt: input.now,
    generator: input.generator,
    case: record.case,
    evidence: await evidenceOf(input.excerpts, sha256, hide),
    subgraph: mapStrings(input.subgraph, hide) as CaseFileContent['subgraph'],
    pinned: record.case.pinnedEvidence,
    ...(pseudonyms && { pseudonymization: { method: pseudonyms.method, subjects: pseudonyms.subjects } }),
  };
  const file = { format: CASE_FILE_FORMAT, content, activity: record.activity } as const;
  return signed(file, 'investigator', signer, input.now, sha256);
}

/** One action a reviewer adds: an annotation (`annotation.added`) or a verdict (`review.verdict`). */
export interface ReviewAction {
  readonly time: string;
  readonly action: string;
  readonly payload: unknown;
}

/**
 * The file with the reviewer's entries chained onto its log and signed by the reviewer's key. The file must verify
 * first; only annotations and verdicts are accepted, each checked as the case would take it.
 */
export async function reviewCaseFile(
  file: PortableCaseFile,
  actions: ReadonlyArray<ReviewAction>,
  signer: CaseFileSigner,
  now: string,
  sha256: Sha256,
  check: CaseFileSignatureCheck,
): Promise<PortableCaseFile> {
  const verdict = await verifyCaseFile(file, sha256, check);
  if (!verdict.ok) throw new Error(`The case file does not verify: ${verdict.problems[0] ?? ''}`);
  if (actions.length === 0) throw new Error('A review adds at least one annotation or verdict.');
  let activity: ReadonlyArray<ActivityEntry> = file.activity;
  for (const [i, a] of actions.entries()) {
    if (!REVIEWER_ACTIONS.includes(a.action))
      throw new Error(
        `Review action ${i + 1}: ${a.action} is not a reviewer's; a review adds ${REVIEWER_ACTIONS.join(' or ')}.`,
      );
    activity = await appendActivity(activity, { ...a, actor: signer.name }, sha256);
  }
  caseFromActivity(activity);
  return signed({ ...file, activity }, 'reviewer', signer, now, sha256);
}
