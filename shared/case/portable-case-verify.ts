/**
 * Reading and verifying a portable case file: its format, the activity chain (links and entry hashes), every
 * signature by the public key it embeds (over the chain's head, the content's SHA-256 and the signature before it),
 * the evidence records' hashes, the case against the investigator's part of the log, and that reviewers only added
 * annotations and verdicts under their own name. Every problem is named; none stops the others being checked.
 */
import { verifyChain, type ChainVerdict } from './activity-log';
import { caseFromActivity } from './case-actions';
import { canonicalJson } from './canonical-json';
import {
  CASE_FILE_FORMAT,
  REVIEWER_ACTIONS,
  signedText,
  type CaseFileRole,
  type CaseFileSignatureCheck,
  type PortableCaseFile,
} from './case-file-format';
import type { Sha256 } from './case-types';

export interface CheckedSignature {
  readonly role: CaseFileRole;
  readonly signer: string;
  readonly fingerprint: string;
  readonly signedAt: string;
  readonly entries: number;
  readonly head: string;
  readonly valid: boolean;
}

export interface CaseFileVerdict {
  readonly ok: boolean;
  readonly problems: ReadonlyArray<string>;
  readonly chain: ChainVerdict;
  readonly signatures: ReadonlyArray<CheckedSignature>;
  /** The investigator's part of the log (the base a review extends) and what reviewers added. */
  readonly investigatorEntries: number;
  readonly reviewerEntries: number;
  readonly evidenceRecords: number;
}

/** Parses a case file's text; throws naming the file and what is wrong (not JSON, another format). */
export function parseCaseFile(text: string, where: string): PortableCaseFile {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new Error(`${where}: not JSON (${(error as Error).message})`);
  }
  const format = (doc as { format?: unknown } | null)?.format;
  if (format !== CASE_FILE_FORMAT)
    throw new Error(
      `${where}: the format field is ${JSON.stringify(format)}, where ${JSON.stringify(CASE_FILE_FORMAT)} is expected`,
    );
  const f = doc as PortableCaseFile;
  if (!f.content || typeof f.content !== 'object') throw new Error(`${where}: has no content object`);
  if (!Array.isArray(f.activity)) throw new Error(`${where}: has no activity array`);
  if (!Array.isArray(f.signatures)) throw new Error(`${where}: has no signatures array`);
  if (!Array.isArray(f.content.evidence)) throw new Error(`${where}: content.evidence is not an array`);
  return f;
}

/** Verifies a parsed case file (see the module's note). */
export async function verifyCaseFile(
  file: PortableCaseFile,
  sha256: Sha256,
  check: CaseFileSignatureCheck,
): Promise<CaseFileVerdict> {
  const problems: string[] = [];
  const chain = await verifyChain(file.activity, sha256);
  if (!chain.ok) problems.push(`${chain.reason}`);
  const contentSha256 = await sha256(canonicalJson(file.content));
  const signatures: CheckedSignature[] = [];
  let coveredUpTo = 0;
  for (const [i, s] of file.signatures.entries()) {
    const where = `signature ${i + 1} (${String(s.role)} ${String(s.signer)}, ${String(s.fingerprint)})`;
    const before = problems.length;
    const role: CaseFileRole = i === 0 ? 'investigator' : 'reviewer';
    if (s.role !== role) problems.push(`${where}: is a ${String(s.role)}'s where the ${role}'s is expected`);
    const checked = await check(String(s.publicKeyPem), signedText(file.content.caseId, s), String(s.signature));
    if ('error' in checked) problems.push(`${where}: ${checked.error}`);
    else {
      if (checked.fingerprint !== s.fingerprint)
        problems.push(`${where}: names fingerprint ${s.fingerprint}, but its public key is ${checked.fingerprint}`);
      if (!checked.valid) problems.push(`${where}: does not verify under its public key: the file was changed`);
    }
    if (s.contentSha256 !== contentSha256)
      problems.push(`${where}: covers content SHA-256 ${s.contentSha256}, the file's is ${contentSha256}`);
    if (s.previous !== (file.signatures[i - 1]?.signature ?? null))
      problems.push(`${where}: does not follow the signature before it`);
    const at = file.activity[s.entries - 1];
    if (s.entries > file.activity.length)
      problems.push(
        `${where}: covers ${s.entries} activity entries, the file holds ${file.activity.length}: entries were dropped`,
      );
    else if (s.entries <= coveredUpTo && i > 0)
      problems.push(`${where}: covers no entry after the signature before it`);
    else if ((at?.hash ?? '0'.repeat(64)) !== s.head)
      problems.push(`${where}: covers head ${s.head} at entry ${s.entries}, the file's entry there is ${at?.hash}`);
    if (i > 0)
      for (const e of file.activity.slice(coveredUpTo, s.entries)) {
        if (!REVIEWER_ACTIONS.includes(e.action))
          problems.push(
            `activity entry ${e.seq}: a reviewer's entry of action ${e.action}, which reviewers cannot take`,
          );
        if (e.actor !== s.signer)
          problems.push(`activity entry ${e.seq}: by ${e.actor}, but signed by the reviewer ${s.signer}`);
      }
    coveredUpTo = Math.max(coveredUpTo, s.entries);
    signatures.push({ ...pick(s), valid: problems.length === before });
  }
  if (file.signatures.length === 0) problems.push("the file carries no signature: not even the investigator's");
  else if (coveredUpTo < file.activity.length)
    problems.push(
      `activity entries ${coveredUpTo + 1}-${file.activity.length} are signed by no one: they were added after the last signature`,
    );
  const base = file.signatures[0]?.entries ?? 0;
  checkCase(file, base, problems);
  for (const [i, e] of file.content.evidence.entries()) {
    const actual = await sha256(canonicalJson(e.entry));
    if (actual !== e.sha256)
      problems.push(
        `evidence record ${i + 1} (${e.name} ${e.entry.line !== undefined ? `line ${String(e.entry.line)}` : `pointer ${String(e.entry.pointer)}`}): SHA-256 expected ${e.sha256}, actual ${actual}`,
      );
  }
  return {
    ok: problems.length === 0,
    problems,
    chain,
    signatures,
    investigatorEntries: Math.min(base, file.activity.length),
    reviewerEntries: Math.max(0, file.activity.length - base),
    evidenceRecords: file.content.evidence.length,
  };
}

function pick(s: PortableCaseFile['signatures'][number]): Omit<CheckedSignature, 'valid'> {
  const { role, signer, fingerprint, signedAt, entries, head } = s;
  return { role, signer, fingerprint, signedAt, entries, head };
}

/** The content's case and pinned items are what the investigator's entries record. */
function checkCase(file: PortableCaseFile, base: number, problems: string[]): void {
  let replayed: unknown;
  try {
    replayed = caseFromActivity(file.activity.slice(0, base));
  } catch (error) {
    problems.push(`the investigator's activity does not replay: ${(error as Error).message}`);
    return;
  }
  if (canonicalJson(replayed) !== canonicalJson(file.content.case))
    problems.push(`content.case is not the case the investigator's ${base} activity entries record`);
  if (canonicalJson(file.content.pinned) !== canonicalJson((replayed as { pinnedEvidence: unknown }).pinnedEvidence))
    problems.push('content.pinned is not the pinned evidence the activity records');
}
