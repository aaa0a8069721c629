/**
 * `--mapping FILE.json`, the same on every command that reads sources (inspect, trace, investigate, report,
 * metrics): a saved column mapping (the one the app's mapping dialog saves on a source) through which the inputs
 * the importers do not recognize by content — a CSV, or JSON lines of other field names — are read. Inputs
 * recognized by their content are read as always, so a folder of exports can be given with one mapping.
 */
import { readFile } from 'node:fs/promises';
import { readMappingJson, type ImportMapping } from '../../shared/importers/column-mapping.js';
import type { CliIo } from './run-cli.js';

/** The flag, for `parseCommandArgs`. */
export const MAPPING_OPTION = { mapping: { type: 'string' } } as const;

/** The flag's lines in a command's usage. */
export const MAPPING_USAGE = [
  '  --mapping FILE.json   read the inputs not recognized by their content (a CSV, or JSON lines with other field',
  '            names) through this saved column mapping: {"kind": "decision-log", "fields": {"decision_id": "id", …},',
  '            "features": […], …}',
];

/**
 * The column mapping saved in `path`, or exit code 2 after saying, with the usage, what is wrong with it. Resolves
 * to undefined when the flag was not given.
 */
export async function readMappingArg(
  path: string | undefined,
  usage: string,
  io: CliIo,
): Promise<ImportMapping | undefined | number> {
  if (path === undefined) return undefined;
  const text = await readFile(path, 'utf8').catch((error: unknown) => error);
  const read = typeof text === 'string' ? readMappingJson(text) : undefined;
  if (read?.ok) return read.mapping;
  const reason = read ? read.reason : text instanceof Error ? text.message : String(text);
  io.err(`--mapping ${path}${lineOf(text, reason)}: not a column mapping: ${reason}\n\n${usage}`);
  return 2;
}

/** `:LINE` where JSON.parse named a position in the text, else nothing. */
function lineOf(text: unknown, reason: string): string {
  const position = /at position (\d+)/.exec(reason)?.[1];
  if (typeof text !== 'string' || position === undefined) return '';
  return `:${text.slice(0, Number(position)).split('\n').length}`;
}
