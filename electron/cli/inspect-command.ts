/**
 * `lineage-investigator inspect <path>... [--json]`: imports every input headless (folders recursively, Git
 * repositories through the system git) and prints, per input, what was read and by which reader, the detected
 * kind, record counts by type, warnings, rejected records with their line or JSON pointer and reason, the size
 * and SHA-256; a file that is not evidence (documentation, a JSON Schema, …) says why it was skipped, and a table
 * that needs a column mapping says so with its columns (inspect-tables.ts). Exit 0 when everything parsed or was
 * skipped, 1 when records were rejected, a table needs a mapping or a path could not be read, 2 on a usage error.
 */
import { join } from 'node:path';
import { describeMapping } from '../../shared/importers/column-mapping.js';
import {
  countedMessage,
  groupIssues,
  groupPlaces,
  placeOf,
  type Issue,
  type IssueGroup,
} from '../../shared/importers/issue-groups.js';
import { defaultDataDir } from '../app-paths.js';
import { createGitRunner, type GitRunner } from '../services/git-runner.js';
import { importInputs, type ImportedInput } from '../sources/import-inputs.js';
import { duplicateNote, type DuplicateInput, type ReadProblem } from '../sources/list-inputs.js';
import { consoleIo, parseCommandArgs } from './command-args.js';
import { openInPlace } from '../warehouse/decision-source.js';
import { describeSource, type SourceDescription } from '../warehouse/describe-source.js';
import { repeatedRowsSentence } from '../../shared/warehouse/repeated-decisions.js';
import { apartFromRejections, needsMappingLines } from './inspect-tables.js';
import { MAPPING_OPTION, MAPPING_USAGE, readMappingArg } from './mapping-args.js';
import { PROGRESS_OPTION, PROGRESS_USAGE, progressOption } from './read-progress.js';
import type { CliIo } from './run-cli.js';

const USAGE = [
  'Usage: lineage-investigator inspect PATH... [--json] [--mapping FILE.json]',
  '',
  'Reads every file (folders recursively), Git repository and git bundle, detects what each is by its content,',
  'and prints its kind, records by type, warnings, rejected records with their line and reason, size and SHA-256.',
  'A file that is not evidence (an empty file, documentation, code and configuration such as dbt models and',
  "macros, a JSON Schema, a single OpenLineage facet, dbt structured logs, the app's own outputs) is listed as",
  '"skipped" with the reason: nothing of it is lost. A table no importer reads by its content (a CSV, JSON records',
  'of other fields) is listed as "needs a column mapping" with its columns: --mapping FILE.json reads it.',
  'Repeated warnings and rejections are grouped: N × message.',
  'Exit status: 0 when everything parsed or was skipped, 1 when records were rejected, a table needs a column',
  'mapping (nothing of it read) or a path could not be read, 2 on a usage error.',
  'A decision log read in place (a Parquet file or folder, postgresql://…?table=NAME) is tested as a connection:',
  'decisions per model, columns, the mapping read through, and how long the engine took to answer.',
  '',
  '  --json   print one JSON document instead of text',
  ...MAPPING_USAGE,
  ...PROGRESS_USAGE,
].join('\n');

/** Kinds of warning or rejection printed per input in text (all are counted; --json lists the first 1,000). */
const SHOWN_GROUPS = 8;

export interface InspectDeps {
  readonly git?: GitRunner;
  readonly cacheDir?: string;
}

/** Runs the command on the arguments after `inspect`; resolves with the exit code. */
export async function runInspectCommand(
  argv: string[],
  io: CliIo = consoleIo,
  deps: InspectDeps = {},
): Promise<number> {
  const parsed = parseCommandArgs(
    argv,
    { json: { type: 'boolean' }, ...MAPPING_OPTION, ...PROGRESS_OPTION },
    USAGE,
    io,
    {
      allowPositionals: true,
    },
  );
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length === 0) {
    io.err(`Give at least one PATH to inspect.\n\n${USAGE}`);
    return 2;
  }
  const mapping = await readMappingArg(parsed.values.mapping, USAGE, io);
  if (typeof mapping === 'number') return mapping;
  const files: string[] = [];
  const inPlace: SourceDescription[] = [];
  const unreadable: ReadProblem[] = [];
  for (const spec of parsed.positionals) {
    const source = await openInPlace(spec, mapping).catch((error: unknown) => {
      unreadable.push({ path: spec, reason: error instanceof Error ? error.message : String(error) });
      return null;
    });
    if (source === undefined) files.push(spec);
    else if (source) {
      try {
        inPlace.push(await describeSource(source));
      } catch (error) {
        unreadable.push({ path: source.label, reason: error instanceof Error ? error.message : String(error) });
      } finally {
        await source.close();
      }
    }
  }
  const read = await importInputs(files, {
    git: deps.git ?? createGitRunner(),
    cacheDir: deps.cacheDir ?? join(defaultDataDir(), 'repositories'),
    ...(mapping && { mapping }),
    ...progressOption(parsed.values.progress, io),
  });
  const { duplicates } = read;
  const imported = read.imported.map((i) => ({ ...i, summary: apartFromRejections(i.summary) }));
  const problems = [...unreadable, ...read.problems];
  if (mapping && !parsed.values.json) io.out(`mapping: ${describeMapping(mapping)}`);
  const unread = (i: ImportedInput) => i.summary.rejectedCount > 0 || i.summary.needsMapping !== undefined;
  const code = problems.length > 0 || imported.some(unread) ? 1 : 0;
  if (parsed.values.json)
    io.out(
      JSON.stringify(
        { ...inspectJson(imported, problems, code, duplicates), ...(inPlace.length > 0 && { inPlace }) },
        null,
        2,
      ),
    );
  else {
    for (const s of inPlace) printInPlace(s, io);
    printText(imported, problems, duplicates, io);
  }
  return code;
}

/** The `--json` document. */
export function inspectJson(
  imported: ReadonlyArray<ImportedInput>,
  problems: ReadonlyArray<ReadProblem>,
  code: number,
  duplicates: ReadonlyArray<DuplicateInput> = [],
) {
  return {
    exitCode: code,
    inputs: imported.map((i) => ({
      path: i.path,
      name: i.name,
      reader: i.reader,
      detected: i.summary.detected,
      importer: i.summary.importer,
      importerVersion: i.summary.importerVersion,
      size: i.size,
      sha256: i.sha256,
      counts: i.summary.counts,
      warningCount: i.summary.warningCount,
      warnings: i.summary.warnings,
      warningGroups: groupsJson(i.summary.warningGroups ?? groupIssues(i.summary.warnings)),
      rejectedCount: i.summary.rejectedCount,
      rejections: i.summary.rejections,
      rejectionGroups: groupsJson(i.summary.rejectionGroups ?? groupIssues(i.summary.rejections)),
      ...(i.summary.skipped !== undefined && { skipped: i.summary.skipped }),
      ...(i.summary.needsMapping && { needsMapping: i.summary.needsMapping }),
    })),
    totals: totalsOf(imported, problems, duplicates),
    problems,
    duplicates,
  };
}

const n = (x: number) => x.toLocaleString('en-US');

/** The inputs by what became of them: records read, rejected, skipped, waiting for a column mapping. */
function totalsOf(
  imported: ReadonlyArray<ImportedInput>,
  problems: ReadonlyArray<ReadProblem>,
  duplicates: ReadonlyArray<DuplicateInput>,
) {
  const sum = (count: (s: ImportedInput['summary']) => number) => imported.reduce((t, i) => t + count(i.summary), 0);
  return {
    inputs: imported.length,
    records: sum((s) => Object.values(s.counts).reduce((a, b) => a + b, 0)),
    rejected: sum((s) => s.rejectedCount),
    skipped: sum((s) => (s.skipped === undefined ? 0 : 1)),
    needsMapping: sum((s) => (s.needsMapping ? 1 : 0)),
    duplicates: duplicates.length,
    unreadable: problems.length,
  };
}

/** Issues grouped by message as `{message, count, identical, first: [places]}` (issue-groups.ts). */
const groupsJson = (groups: ReadonlyArray<IssueGroup>) =>
  groups.map((g) => ({
    message: g.message,
    count: g.count,
    identical: g.identical,
    first: g.first.map(placeOf),
  }));

/**
 * Warnings or rejections grouped by message (issue-groups.ts): a lone one as `place: message`, repeated ones as
 * `N × message` and where the first are. The import's groups count every issue; without them, the listed ones are.
 */
function printGroups(
  issues: ReadonlyArray<Issue>,
  counted: ReadonlyArray<IssueGroup> | undefined,
  count: number,
  io: CliIo,
): void {
  const groups = counted ?? groupIssues(issues);
  for (const g of groups.slice(0, SHOWN_GROUPS)) {
    if (g.count === 1) io.out(`    ${placeOf(g.first[0] ?? {})}: ${g.message}`);
    else io.out(`    ${countedMessage(g)}\n      at ${groupPlaces(g)}`);
  }
  if (groups.length > SHOWN_GROUPS) io.out(`    … ${n(groups.length - SHOWN_GROUPS)} more kinds (--json lists them)`);
  const grouped = groups.reduce((sum, g) => sum + g.count, 0);
  if (count > grouped) {
    const why = counted
      ? `of kinds past the first ${n(groups.length)}`
      : `the groups count the first ${n(issues.length)}`;
    io.out(`    … ${n(count - grouped)} more not grouped (${why})`);
  }
}

function printText(
  imported: ReadonlyArray<ImportedInput>,
  problems: ReadonlyArray<ReadProblem>,
  duplicates: ReadonlyArray<DuplicateInput>,
  io: CliIo,
): void {
  for (const i of imported) {
    const s = i.summary;
    io.out(`${i.name}  (${i.path})`);
    io.out(`  kind: ${s.detected}   importer: ${s.importer} ${s.importerVersion}   reader: ${i.reader}`);
    io.out(`  size: ${n(i.size)} bytes   SHA-256: ${i.sha256}`);
    if (s.skipped !== undefined) {
      io.out(`  skipped: ${s.skipped}`);
      continue;
    }
    for (const line of needsMappingLines(s)) io.out(line);
    const counts = Object.entries(s.counts).map(([kind, count]) => `${kind} ${n(count)}`);
    io.out(`  records: ${counts.length > 0 ? counts.join(', ') : 'none'}`);
    io.out(`  warnings: ${n(s.warningCount)}`);
    printGroups(s.warnings, s.warningGroups, s.warningCount, io);
    io.out(`  rejected: ${n(s.rejectedCount)}`);
    printGroups(s.rejections, s.rejectionGroups, s.rejectedCount, io);
  }
  for (const d of duplicates) io.out(duplicateNote(d));
  for (const p of problems) io.err(`${p.path}: ${p.reason}`);
  const { records, rejected, skipped, needsMapping } = totalsOf(imported, problems, duplicates);
  io.out(
    `${n(imported.length)} input${imported.length === 1 ? '' : 's'}: ${n(records)} records, ${n(rejected)} rejected` +
      (skipped > 0 ? `, ${n(skipped)} skipped (not evidence)` : '') +
      (needsMapping > 0 ? `, ${n(needsMapping)} need${needsMapping === 1 ? 's' : ''} a column mapping` : '') +
      (duplicates.length > 0
        ? `, ${n(duplicates.length)} duplicate${duplicates.length === 1 ? '' : 's'} (read once)`
        : '') +
      (problems.length > 0 ? `, ${n(problems.length)} unreadable` : ''),
  );
}

/** A decision log read in place, as a tested connection. */
function printInPlace(s: SourceDescription, io: CliIo): void {
  io.out(`${s.label}  (read in place by ${s.engine === 'duckdb' ? 'DuckDB' : 'PostgreSQL'})`);
  io.out(`  kind: decision-log   ${n(s.decisions)} decisions   answered in ${n(s.latencyMs)} ms`);
  io.out(`  models: ${s.models.map((m) => `${m.model} (${n(m.decisions)})`).join(', ') || 'none'}`);
  io.out(`  columns: ${s.columns.join(', ')}`);
  io.out(`  mapping${s.suggested ? ' (suggested from the columns)' : ''}: ${s.mapping}`);
  for (const d of s.copies) io.out(`  ${duplicateNote(d)}`);
  const repeated = repeatedRowsSentence(s.repeated);
  if (repeated) io.out(`  repeated: ${repeated}`);
}
