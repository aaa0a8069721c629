/**
 * `case review` (a reviewer adds annotations and a verdict, chained and signed by the reviewer's key) and
 * `case merge` (the investigator takes them into the case after verifying both chains and every signature).
 */
import { writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import type { AnnotationTarget } from '../../shared/case/case-types.js';
import { describeCaseEntry } from '../../shared/case/case-file-text.js';
import { reviewCaseFile, type ReviewAction } from '../../shared/case/portable-case.js';
import { mergeCaseFile } from '../../shared/case/portable-case-merge.js';
import { defaultDataDir } from '../app-paths.js';
import { readCaseRecord } from '../bundle/build-report.js';
import { caseFileSigner, checkCaseFileSignature } from '../bundle/case-file-keys.js';
import { sha256Hex } from '../bundle/hashing.js';
import { investigatorKeyStore, loadOrCreateSigner, signerFromFile } from '../services/signing-key.js';
import { readCaseFileAt } from './case-file-read.js';
import { consoleIo, parseCommandArgs } from './command-args.js';
import type { CliIo } from './run-cli.js';

export const REVIEW_USAGE = [
  'Usage: lineage-investigator case review FILE --out FILE [--annotate KIND:ID=TEXT]... [--verdict V --comment TEXT]',
  '',
  'Adds your annotations and verdict to a case file that verifies, chained onto its log and signed by your key.',
  '',
  '  --annotate KIND:ID=TEXT    annotate a node, edge, change or finding, e.g. change:3f9c2e1=Seen in the diff',
  '  --tag TAG                  a tag for every annotation given (repeat for more)',
  "  --verdict V                agree, disagree or needs-more-evidence, on the case's root cause",
  '  --comment TEXT             why (required with --verdict)',
  '  --as NAME                  the name you review as (default: your user name)',
  "  --signing-key FILE         sign with this Ed25519 private key (PEM) instead of the app's own key",
].join('\n');

export const MERGE_USAGE = [
  'Usage: lineage-investigator case merge FILE --case CASE.json --out CASE.json [--rechain]',
  '',
  'Merges a reviewed case file into your case (its case.json) after verifying both chains and every signature; the',
  'file must have been exported under your key. Exit 0: merged or already merged; 1: a conflict, named, with the',
  "reviewer's entries listed (nothing is lost).",
  '',
  "  --rechain                  your log advanced since the export: chain the reviewer's entries after your entries",
  '  --as NAME                  the name you merge as (default: your user name)',
  "  --signing-key FILE         your Ed25519 private key (PEM), if not the app's own key",
].join('\n');

const KINDS: ReadonlyArray<AnnotationTarget['kind']> = ['node', 'edge', 'change', 'finding'];

async function keyOf(path: string | undefined) {
  return path ? signerFromFile(path) : loadOrCreateSigner(investigatorKeyStore(defaultDataDir()));
}

/** Runs `case review`. */
export async function runCaseReview(argv: string[], io: CliIo = consoleIo): Promise<number> {
  const parsed = parseCommandArgs(
    argv,
    {
      out: { type: 'string' },
      annotate: { type: 'string', multiple: true },
      tag: { type: 'string', multiple: true },
      verdict: { type: 'string' },
      comment: { type: 'string' },
      as: { type: 'string' },
      'signing-key': { type: 'string' },
    },
    REVIEW_USAGE,
    io,
    { allowPositionals: true },
  );
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const [path, ...extra] = parsed.positionals;
  const now = new Date().toISOString();
  const actions: ReviewAction[] = [];
  const problems: string[] = [];
  for (const [i, a] of (values.annotate ?? []).entries()) {
    const m = /^([a-z]+):([^=]+)=([\s\S]+)$/.exec(a);
    if (!m || !KINDS.includes(m[1] as AnnotationTarget['kind']))
      problems.push(
        `--annotate ${i + 1} (${JSON.stringify(a)}) is not KIND:ID=TEXT with KIND one of ${KINDS.join(', ')}`,
      );
    else
      actions.push({
        time: now,
        action: 'annotation.added',
        payload: { id: `review-${now}-${i + 1}`, target: { kind: m[1], id: m[2] }, tags: values.tag ?? [], text: m[3] },
      });
  }
  if (values.verdict !== undefined) {
    if (!['agree', 'disagree', 'needs-more-evidence'].includes(values.verdict))
      problems.push(`--verdict is agree, disagree or needs-more-evidence, not ${JSON.stringify(values.verdict)}`);
    else if (!values.comment?.trim()) problems.push('--verdict needs a --comment saying why');
    else
      actions.push({ time: now, action: 'review.verdict', payload: { verdict: values.verdict, text: values.comment } });
  }
  if (!path || extra.length > 0) problems.push('give exactly one case file');
  if (!values.out) problems.push('--out FILE is required');
  if (actions.length === 0 && problems.length === 0) problems.push('give at least one --annotate or a --verdict');
  if (problems.length > 0 || !path || !values.out) {
    io.err(`${problems.join('\n')}\n\n${REVIEW_USAGE}`);
    return 2;
  }
  const file = await readCaseFileAt(path);
  const key = await keyOf(values['signing-key']);
  const signer = caseFileSigner(key, values.as ?? userInfo().username);
  const reviewed = await reviewCaseFile(file, actions, signer, now, sha256Hex, checkCaseFileSignature);
  await writeFile(values.out, `${JSON.stringify(reviewed, null, 2)}\n`, 'utf8');
  io.out(
    `Wrote ${values.out}: ${actions.length} review entries (${file.activity.length + 1}-${reviewed.activity.length}) signed by ${signer.name} ${key.fingerprint}.`,
  );
  return 0;
}

/** Runs `case merge`. */
export async function runCaseMerge(argv: string[], io: CliIo = consoleIo): Promise<number> {
  const parsed = parseCommandArgs(
    argv,
    {
      case: { type: 'string' },
      out: { type: 'string' },
      rechain: { type: 'boolean' },
      as: { type: 'string' },
      'signing-key': { type: 'string' },
    },
    MERGE_USAGE,
    io,
    { allowPositionals: true },
  );
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const [path, ...extra] = parsed.positionals;
  const problems = [
    path && extra.length === 0 ? '' : 'give exactly one case file',
    values.case ? '' : '--case CASE.json (your case) is required',
    values.out ? '' : '--out CASE.json is required',
  ].filter(Boolean);
  if (problems.length > 0 || !path || !values.case || !values.out) {
    io.err(`${problems.join('\n')}\n\n${MERGE_USAGE}`);
    return 2;
  }
  const local = await readCaseRecord(values.case);
  const file = await readCaseFileAt(path);
  const key = await keyOf(values['signing-key']);
  const outcome = await mergeCaseFile(
    local,
    file,
    {
      localFingerprint: key.fingerprint,
      actor: values.as ?? userInfo().username,
      time: new Date().toISOString(),
      rechain: values.rechain ?? false,
    },
    sha256Hex,
    checkCaseFileSignature,
  );
  if (outcome.kind === 'already-merged') {
    io.out(`ALREADY MERGED ${path}: your case already holds this review; nothing written.`);
    return 0;
  }
  if (outcome.kind === 'conflict') {
    io.err(`CONFLICT ${path}: not merged.`);
    for (const c of outcome.conflicts) io.err(`${c.kind}: ${c.message}`);
    for (const e of outcome.reviewerEntries) io.err(`  reviewer entry ${describeCaseEntry(e)}`);
    if (outcome.conflicts.some((c) => c.kind === 'advanced'))
      io.err('--rechain merges them after your entries (the merge entry keeps their signed hashes).');
    return 1;
  }
  await writeFile(values.out, `${JSON.stringify(outcome.record, null, 2)}\n`, 'utf8');
  const reviewers = file.signatures.slice(1).map((s) => `${s.signer} ${s.fingerprint}`);
  io.out(
    `MERGED ${path} into ${values.out}: ${outcome.appended.length - 1} reviewer entries${outcome.rechained ? ' chained anew after your entries' : ' appended as signed'}, reviewed by ${reviewers.join(', ')}; both chains and ${file.signatures.length} signatures verified.`,
  );
  for (const c of outcome.resolved) io.out(`resolved ${c.kind}: ${c.message}`);
  return 0;
}
