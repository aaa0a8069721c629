/**
 * What every CLI command does first: parse its flags strictly, answer `--help`, and turn a bad flag into
 * exit code 2 with the usage. Commands also share the console as their default output.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;
import type { CliIo } from './run-cli.js';
import { terminalText } from './terminal-text.js';

/** The console, every line written with the characters a terminal acts on escaped (terminal-text.ts). */
export const consoleIo: CliIo = {
  out: (line) => console.log(terminalText(line)),
  err: (line) => console.error(terminalText(line)),
};

type Parsed<T extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: true }>
>;

/**
 * Parses `argv` against `options` (plus `--help`/`-h`). Returns the values and positionals, or the exit code when
 * the command is already answered: 0 after printing the usage for `--help`, 2 after naming a bad flag.
 */
export function parseCommandArgs<T extends ParseArgsOptionsConfig>(
  argv: string[],
  options: T,
  usage: string,
  io: CliIo,
  { allowPositionals = false }: { readonly allowPositionals?: boolean } = {},
): { readonly values: Parsed<T>['values']; readonly positionals: string[] } | number {
  let parsed: Parsed<T>;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } } as T,
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
  if (!allowPositionals && parsed.positionals.length > 0) {
    io.err(
      `Unexpected argument '${parsed.positionals[0]}'. This command does not take positional arguments\n\n${usage}`,
    );
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.out(usage);
    return 0;
  }
  return { values: parsed.values, positionals: parsed.positionals };
}
