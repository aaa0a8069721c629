/**
 * `lineage-investigator verify <bundle>`: checks an evidence bundle offline — every hash of the BagIt manifest and
 * tag manifest, Payload-Oxum, the case's hash-chained activity log, the reports' own hashes, what the bundle's files
 * say of each other, and its Ed25519 signature against the keys the auditor pins. The first line says which holds:
 * "signed by FINGERPRINT and intact", "intact but unsigned", "intact but signed by an unknown key", or "altered".
 * Exit 0: intact (with a key pinned: and signed by it); 1: altered, the first discrepancy named; 2: usage;
 * 3: intact, but not signed by a pinned key; 4: intact, but a decision log read in place that the bundle cites by
 * its queries now returns other rows (rerun-queries.ts: each query's line says "re-run: same rows", "re-run: rows
 * differ (N vs M)" or "not reachable: not re-run").
 */
import { readFile } from 'node:fs/promises';
import { countOf } from '../../shared/model/count-words.js';
import { verifyBag } from '../bundle/bagit-verify.js';
import { fingerprintOf, ed25519PublicKey, trustedFingerprints } from '../bundle/bundle-signature.js';
import { rerunCitedQueries, rerunLine } from '../warehouse/rerun-queries.js';
import { consoleIo, parseCommandArgs } from './command-args.js';
import type { CliIo } from './run-cli.js';

const USAGE = [
  'Usage: lineage-investigator verify BUNDLE [--key PEMFILE | --trusted-keys FILE] [--expect-report-sha256 HEX] [--all]',
  '                                    [--connection URL|PATH]... [--offline]',
  '',
  'Verifies an evidence bundle (a BagIt bag folder) and says which holds: signed by FINGERPRINT and intact,',
  'intact but unsigned, intact but signed by an unknown key, or altered.',
  'Exit 0: intact (and, with --key or --trusted-keys, signed by a pinned key). Exit 1: altered, the first',
  'discrepancy named. Exit 3: intact, but not signed by a pinned key. Exit 4: intact, but a decision log the',
  'bundle cites by its queries (Parquet, PostgreSQL) returns other rows when they are run again.',
  '',
  "  --key PEMFILE                the investigator's Ed25519 public key (PEM) you trust",
  '  --trusted-keys FILE          a file of trusted PEM public keys and/or fingerprints sha256:<hex>, one a line',
  "  --expect-report-sha256 HEX   the report's SHA-256 you recorded: a report sealed with another hash is altered",
  '  --all                        list every discrepancy, not only the first',
  '  --connection URL|PATH        where to re-run the cited queries of a decision log read in place: a PostgreSQL',
  '                               URL with its password (the bundle holds none; PGPASSWORD and ~/.pgpass also',
  '                               serve), or the Parquet file or folder where it is now (repeat for more)',
  '  --offline                    do not re-run the cited queries',
].join('\n');

/** Runs the command on the arguments after `verify`; resolves with the exit code. */
export async function runVerifyCommand(argv: string[], io: CliIo = consoleIo): Promise<number> {
  const parsed = parseCommandArgs(
    argv,
    {
      all: { type: 'boolean' },
      'expect-report-sha256': { type: 'string' },
      key: { type: 'string', multiple: true },
      'trusted-keys': { type: 'string', multiple: true },
      connection: { type: 'string', multiple: true },
      offline: { type: 'boolean' },
    },
    USAGE,
    io,
    { allowPositionals: true },
  );
  if (typeof parsed === 'number') return parsed;
  const [bundle, ...extra] = parsed.positionals;
  if (!bundle || extra.length > 0) {
    io.err(`Give exactly one bundle folder.\n\n${USAGE}`);
    return 2;
  }
  const expectReportSha256 = parsed.values['expect-report-sha256'];
  if (expectReportSha256 !== undefined && !/^[0-9a-fA-F]{64}$/.test(expectReportSha256)) {
    io.err(`--expect-report-sha256 takes 64 hex digits, not ${JSON.stringify(expectReportSha256)}.\n\n${USAGE}`);
    return 2;
  }
  const pinned = await pinnedKeys(parsed.values.key ?? [], parsed.values['trusted-keys'] ?? [], io);
  if (pinned === undefined) return 2;
  const verdict = await verifyBag(bundle, { expectReportSha256 });
  if (!verdict.ok) {
    io.err(`ALTERED ${bundle}`);
    const shown = parsed.values.all ? verdict.discrepancies : verdict.discrepancies.slice(0, 1);
    for (const d of shown) {
      const detail = d.expected !== undefined ? ` (expected ${d.expected}, actual ${d.actual ?? 'none'})` : '';
      io.err(`FAILED ${bundle}: ${d.file}: ${d.message}${detail}`);
    }
    if (!parsed.values.all && verdict.discrepancies.length > 1)
      io.err(
        `${countOf(verdict.discrepancies.length - 1, 'more discrepancy', 'more discrepancies')}; --all lists them.`,
      );
    return 1;
  }
  const c = verdict.checked;
  const details = `${c.payloadFiles} payload files (${c.payloadBytes} bytes) match their SHA-256, tag manifest and Payload-Oxum hold, activity chain of ${c.activityEntries} entries intact, report hashes hold, and the reports, case, bag-info and sources agree.`;
  const s = verdict.signature;
  const fingerprint = s.kind === 'signed' ? s.fingerprint : undefined;
  const trusted = fingerprint !== undefined && pinned.includes(fingerprint);
  if (trusted) io.out(`SIGNED BY ${fingerprint} AND INTACT ${bundle}: ${details}`);
  else if (fingerprint)
    io.out(
      `INTACT BUT SIGNED BY AN UNKNOWN KEY ${bundle}: signed by ${fingerprint}, ${pinned.length > 0 ? 'which is none of the keys pinned' : 'and no key is pinned (--key or --trusted-keys)'}. ${details}`,
    );
  else io.out(`INTACT BUT UNSIGNED ${bundle}: ${details}`);
  const keyCode = !trusted && pinned.length > 0 ? 3 : 0;
  if (parsed.values.offline) return keyCode;
  const reruns = await rerunCitedQueries(bundle, parsed.values.connection ?? []);
  for (const r of reruns) io.out(rerunLine(r));
  return keyCode !== 0 ? keyCode : reruns.some((r) => r.outcome.kind === 'differ') ? 4 : 0;
}

/** The fingerprints of the pinned keys; undefined (after naming the problem) when a file cannot be read. */
async function pinnedKeys(
  keys: ReadonlyArray<string>,
  lists: ReadonlyArray<string>,
  io: CliIo,
): Promise<string[] | undefined> {
  const out: string[] = [];
  try {
    for (const file of keys) out.push(fingerprintOf(ed25519PublicKey(await readFile(file), file)));
    for (const file of lists) out.push(...trustedFingerprints(await readFile(file, 'utf8'), file));
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return undefined;
  }
  return out;
}
