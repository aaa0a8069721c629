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
