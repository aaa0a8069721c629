/**
 * The headless CLI, `lineage-investigator`: runs the same domain code as the app, in Node.
 * Commands are registered here; each is loaded only when run.
 */
export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  /** Loads and runs the command with the arguments after its name; resolves with the exit code. */
  readonly run: (argv: string[]) => Promise<number>;
}

export interface CliOptions {
  readonly version: string;
  readonly commands: ReadonlyArray<CliCommand>;
}

/** Exit code of a usage error (unknown command or option). */
export const USAGE_ERROR = 2;

/** The `--help` text: usage, options and every command with its summary. */
export function helpText(commands: ReadonlyArray<CliCommand>): string {
  const width = Math.max(...commands.map((c) => c.name.length), 9);
  return [
    'Usage: lineage-investigator <command> [options]',
    '',
    'Explain a wrong AI decision from lineage, changes, approvals and deployments, offline.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    `  ${'--help'.padEnd(width)}  show this help`,
    `  ${'--version'.padEnd(width)}  print the version`,
  ].join('\n');
}

/** Runs the CLI on `argv` (the arguments after the program name); resolves with the exit code. */
export async function runCli(argv: ReadonlyArray<string>, options: CliOptions, io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.out(helpText(options.commands));
    return first === undefined ? USAGE_ERROR : 0;
  }
  if (first === '--version' || first === '-v') {
    io.out(options.version);
    return 0;
  }
  const command = options.commands.find((c) => c.name === first);
  if (!command) {
    io.err(`Unknown command: ${first}. Run lineage-investigator --help for the list of commands.`);
    return USAGE_ERROR;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    io.err(`${command.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
