/**
 * `lineage-investigator case export|review|merge|show`: a case travels to a reviewer on another machine as one
 * signed portable case file (docs/case-file.md), comes back with the reviewer's annotations and verdict, and is
 * merged into the investigator's case after both chains and every signature are verified.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { countOf } from '../../shared/model/count-words.js';
import { signedText, type PortableCaseFile } from '../../shared/case/case-file-format.js';
import { describeCaseEntry } from '../../shared/case/case-file-text.js';
import { verifyCaseFile } from '../../shared/case/portable-case-verify.js';
import { ed25519PublicKey, fingerprintOf } from '../bundle/bundle-signature.js';
import { checkCaseFileSignature } from '../bundle/case-file-keys.js';
import { sha256Hex } from '../bundle/hashing.js';
import { EXPORT_USAGE, runCaseExport } from './case-export-command.js';
import { MERGE_USAGE, REVIEW_USAGE, runCaseMerge, runCaseReview } from './case-review-command.js';
import { readCaseFileAt } from './case-file-read.js';
import { consoleIo, parseCommandArgs } from './command-args.js';
import type { CliIo } from './run-cli.js';

const SHOW_USAGE = [
  'Usage: lineage-investigator case show FILE [--key PEMFILE] [--extract DIR]',
  '',
  'Prints who signed the case file (name, fingerprint, when, which entries), whether the chain, every signature and',
  'every evidence record hold, the pinned items and the reviewers entries. Exit 0: intact; 1: altered, every problem',
  "named; 3: intact, but the investigator's signature is not by the --key given.",
  '',
  "  --key PEMFILE   the investigator's Ed25519 public key (PEM) you trust",
  '  --extract DIR   write each signature as DIR/signed-N.txt, signature-N.bin and signer-N.pem, to check with',
  '                  openssl pkeyutl -verify -pubin -inkey signer-N.pem -rawin -in signed-N.txt -sigfile signature-N.bin',
].join('\n');

const USAGE = [
  'Usage: lineage-investigator case export|review|merge|show …',
  '',
  EXPORT_USAGE,
  '',
  REVIEW_USAGE,
  '',
  MERGE_USAGE,
  '',
  SHOW_USAGE,
].join('\n');

/** Runs `case VERB …`; resolves with the exit code. */
export async function runCaseCommand(argv: string[], io: CliIo = consoleIo): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === 'export') return runCaseExport(rest, io);
  if (verb === 'review') return runCaseReview(rest, io);
  if (verb === 'merge') return runCaseMerge(rest, io);
  if (verb === 'show') return runCaseShow(rest, io);
  if (verb === '--help' || verb === '-h') {
    io.out(USAGE);
    return 0;
  }
  io.err(`${verb === undefined ? 'Give a verb' : `Unknown verb ${verb}`}: export, review, merge or show.\n\n${USAGE}`);
  return 2;
}

/** `case show FILE`: provenance and verification. */
async function runCaseShow(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(argv, { key: { type: 'string' }, extract: { type: 'string' } }, SHOW_USAGE, io, {
    allowPositionals: true,
  });
  if (typeof parsed === 'number') return parsed;
  const [path, ...extra] = parsed.positionals;
  if (!path || extra.length > 0) {
    io.err(`Give exactly one case file.\n\n${SHOW_USAGE}`);
    return 2;
  }
  const pinned = parsed.values.key
    ? fingerprintOf(ed25519PublicKey(await readFile(parsed.values.key), parsed.values.key))
    : undefined;
  const file = await readCaseFileAt(path);
  const v = await verifyCaseFile(file, sha256Hex, checkCaseFileSignature);
  const c = file.content;
  io.out(`CASE FILE ${path}: case ${c.caseId} “${c.case.title}”, exported ${c.exportedAt} by ${c.generator}`);
  if (c.pseudonymization)
    io.out(`Pseudonymized: ${c.pseudonymization.subjects} subject ids (${c.pseudonymization.method})`);
  let from = 1;
  for (const s of v.signatures) {
    io.out(
      `${s.valid ? 'Signed' : 'NOT VERIFIED'}: ${s.role} ${s.signer} ${s.fingerprint} at ${s.signedAt}, entries ${from}-${s.entries} (head ${s.head})`,
    );
    from = s.entries + 1;
  }
  io.out(
    `Activity chain: ${file.activity.length} entries (${v.investigatorEntries} by the investigator, ${v.reviewerEntries} by reviewers), ${v.chain.ok ? 'intact' : `BROKEN: ${v.chain.reason}`}`,
  );
  io.out(`Evidence: ${v.evidenceRecords} cited records; traced subgraph of ${c.subgraph.nodes.length} nodes`);
  for (const p of c.pinned) io.out(`Pinned: ${p.label} (by ${p.pinnedBy})`);
  for (const e of file.activity.slice(v.investigatorEntries)) io.out(`Review ${describeCaseEntry(e)}`);
  if (parsed.values.extract) await extract(parsed.values.extract, file, io);
  if (!v.ok) {
    io.err(`ALTERED ${path}`);
    for (const p of v.problems) io.err(`FAILED ${path}: ${p}`);
    return 1;
  }
  const by = file.signatures[0]?.fingerprint;
  if (pinned && by !== pinned) {
    io.out(`INTACT BUT SIGNED BY AN UNKNOWN KEY ${path}: the investigator's signature is by ${by}, not ${pinned}`);
    return 3;
  }
  io.out(
    `INTACT ${path}: the chain, ${countOf(file.signatures.length, 'signature')} and ${countOf(v.evidenceRecords, 'evidence record')} hold`,
  );
  return 0;
}

async function extract(dir: string, file: PortableCaseFile, io: CliIo): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [i, s] of file.signatures.entries()) {
    await writeFile(join(dir, `signed-${i + 1}.txt`), signedText(file.content.caseId, s), 'utf8');
    await writeFile(join(dir, `signature-${i + 1}.bin`), Buffer.from(s.signature, 'base64'));
    await writeFile(join(dir, `signer-${i + 1}.pem`), s.publicKeyPem);
  }
  io.out(`Wrote ${countOf(file.signatures.length, 'signature')} to ${dir} for openssl pkeyutl -verify.`);
}
