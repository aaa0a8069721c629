/**
 * The CLI entry (bundled to dist/electron/cli.cjs, started by electron/cli/bin.cjs; `npm run sample`
 * runs it with tsx). Each command's module is imported only when that command runs.
 */
import pkg from '../../package.json';
import { runCli, type CliCommand } from './run-cli.js';

const commands: ReadonlyArray<CliCommand> = [
  {
    name: 'sample',
    summary: 'generate the sample investigation (--seed N --scale small|large --out DIR)',
    run: async (argv) => (await import('./sample-command.js')).runSampleCommand(argv),
  },
  {
    name: 'inspect',
    summary: 'what each input is: kind, records by type, warnings, rejected lines, SHA-256 (PATH... [--json])',
    run: async (argv) => (await import('./inspect-command.js')).runInspectCommand(argv),
  },
  {
    name: 'trace',
    summary: 'the lineage card of a decision (--source PATH... --decision ID [--feature NAME] [--as-of TIME] --json)',
    run: async (argv) => (await import('./trace-command.js')).runTraceCommand(argv),
  },
  {
    name: 'investigate',
    summary: 'scope, suspects, governance and remediation (--source PATH... --decision ID [--feature NAME] --json)',
    run: async (argv) => (await import('./investigate-command.js')).runInvestigateCommand(argv),
  },
  {
    name: 'report',
    summary: 'a case report or evidence bundle (--source PATH... --decision ID --format html|md|pdf|bagit --out PATH)',
    run: async (argv) => (await import('./report-command.js')).runReportCommand(argv),
  },
  {
    name: 'verify',
    summary: 'check an evidence bundle: every hash, Payload-Oxum, the activity chain (BUNDLE)',
    run: async (argv) => (await import('./verify-command.js')).runVerifyCommand(argv),
  },
  {
    name: 'case',
    summary: 'a portable signed case file for a reviewer: case export|review|merge|show (docs/case-file.md)',
    run: async (argv) => (await import('./case-command.js')).runCaseCommand(argv),
  },
  {
    name: 'watch',
    summary:
      'outcome-rate shifts per model and version; exit 1 on one newer than --since (--source … [--model NAME] [--since TIME])',
    run: async (argv) => (await import('./watch-command.js')).runWatchCommand(argv),
  },
  {
    name: 'pull-lineage',
    summary:
      "a time window of a Marquez server's OpenLineage events as NDJSON (--marquez URL --after T --before T --out FILE)",
    run: async (argv) => (await import('./pull-lineage-command.js')).runPullLineageCommand(argv),
  },
  {
    name: 'metrics',
    summary: 'the five lineage-maturity metrics (--source PATH... [--case FILE...] --json)',
    run: async (argv) => (await import('./metrics-command.js')).runMetricsCommand(argv),
  },
];

runCli(
  process.argv.slice(2),
  { version: pkg.version, commands },
  {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  },
).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
