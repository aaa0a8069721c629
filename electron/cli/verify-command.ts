/**
 * `lineage-investigator verify <bundle>`: checks an evidence bundle offline — every hash of the BagIt manifest and
 * tag manifest, Payload-Oxum, the case's hash-chained activity log and the reports' own hashes. Exits 0 when all
 * hold, or 1 naming the first discrepancy (file, expected and actual).
 */
import { verifyBag } from '../bundle/bagit-verify.js';
import { consoleIo, parseCommandArgs } from './command-args.js';
import type { CliIo } from './run-cli.js';

const USAGE = [
  'Usage: lineage-investigator verify BUNDLE [--all] [--expect-report-sha256 HEX]',
  '',
  'Verifies an evidence bundle (a BagIt bag folder). Exit 0: intact. Exit 1: the first discrepancy is named.',
  '',
  '  --all                        list every discrepancy, not only the first',
  "  --expect-report-sha256 HEX   the report's SHA-256 you recorded: a report sealed with another hash is altered",
].join('\n');

/** Runs the command on the arguments after `verify`; resolves with the exit code. */
export async function runVerifyCommand(argv: string[], io: CliIo = consoleIo): Promise<number> {
  const parsed = parseCommandArgs(
    argv,
    { all: { type: 'boolean' }, 'expect-report-sha256': { type: 'string' } },
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
  const verdict = await verifyBag(bundle, { expectReportSha256 });
  if (verdict.ok) {
    const c = verdict.checked;
    io.out(
      `OK ${bundle}: ${c.payloadFiles} payload files (${c.payloadBytes} bytes) match their SHA-256, tag manifest and Payload-Oxum hold, activity chain of ${c.activityEntries} entries intact, report hashes hold, and the reports, case, bag-info and sources agree.`,
    );
    return 0;
  }
  const shown = parsed.values.all ? verdict.discrepancies : verdict.discrepancies.slice(0, 1);
  for (const d of shown) {
    const detail = d.expected !== undefined ? ` (expected ${d.expected}, actual ${d.actual ?? 'none'})` : '';
    io.err(`FAILED ${bundle}: ${d.file}: ${d.message}${detail}`);
  }
  if (!parsed.values.all && verdict.discrepancies.length > 1)
    io.err(`${verdict.discrepancies.length - 1} more discrepancy(ies); --all lists them.`);
  return 1;
}
