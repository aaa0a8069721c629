import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { NANNYML_FEATURES, NANNYML_MAPPING } from '../../shared/importers/nannyml-mapping.fixture';
import { runInspectCommand } from './inspect-command.js';
import { runInvestigateCommand } from './investigate-command.js';
import { runMetricsCommand } from './metrics-command.js';
import { runReportCommand } from './report-command.js';
import type { CliIo } from './run-cli.js';
import { runTraceCommand } from './trace-command.js';

/** A real inference log (NannyML's California housing example): 8,232 rows, a CSV no importer reads by itself. */
const CSV = realFixture('inference/nannyml/nannyml_california_housing_analysis.csv');
const OPENLINEAGE = realFixture('openlineage/marquez_event_full.json');
/** Its first row: id 5832 at 2021-06-01 00:00:00, MedInc 3.4583. */
const FIRST_ID = '5832';

const work = mkdtempSync(join(tmpdir(), 'li-mapping-'));
process.env.LINEAGE_INVESTIGATOR_DATA_DIR = work;
afterAll(() => rmSync(work, { recursive: true, force: true }));
const mappingFile = join(work, 'housing-mapping.json');
writeFileSync(mappingFile, JSON.stringify(NANNYML_MAPPING));

type Command = (argv: string[], io: CliIo) => Promise<number>;
async function run(command: Command, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('--mapping on every command that reads sources (a real CSV inference log)', () => {
  it('trace: finds the CSV row as the decision, cited at its line; without the mapping it is unknown', async () => {
    const args = ['--source', CSV, '--decision', FIRST_ID, '--json'];
    const unmapped = await run(runTraceCommand, args);
    expect(unmapped.code).toBe(2);
    expect(unmapped.err).toContain('Unknown decision: 5832 is in none of the decision logs read (0 decisions).');
    const { code, out } = await run(runTraceCommand, [...args, '--mapping', mappingFile]);
    expect(code).toBe(0);
    const card = JSON.parse(out);
    expect(card).toMatchObject({ decision: FIRST_ID, feature: 'MedInc', asOf: '2021-06-01T00:00:00.000Z' });
    expect(card.path[0]).toMatchObject({
      node: 'decision:5832',
      version: 'california-housing',
      evidence: { source: 'nannyml_california_housing_analysis.csv', line: 2 },
    });
  });

  it('investigate: scopes the mapped decision, read beside an OpenLineage file read by its content', async () => {
    const { code, out, err } = await run(runInvestigateCommand, [
      ...['--source', CSV, '--source', OPENLINEAGE, '--decision', FIRST_ID, '--feature', 'HouseAge', '--json'],
      ...['--mapping', mappingFile],
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.decision).toBe(FIRST_ID);
    expect(result.trace.feature).toBe('HouseAge');
    expect(result.scope.window.from).toBe('2021-06-01T00:00:00.000Z');
  });

  it('report: writes the case of the mapped decision', async () => {
    const outFile = join(work, 'housing.md');
    const args = ['--source', CSV, '--decision', FIRST_ID, '--format', 'md', '--out', outFile];
    const { code } = await run(runReportCommand, [...args, '--mapping', mappingFile]);
    expect(code).toBe(0);
    const markdown = readFileSync(outFile, 'utf8');
    expect(markdown).toContain('# Decision 5832 of california-housing: MedInc');
    expect(markdown).toContain('nannyml\\_california\\_housing\\_analysis\\.csv line 2');
  });

  it('metrics: counts the 8,232 decisions × 8 features as model inputs (none without the mapping)', async () => {
    const inputsOf = (out: string) =>
      JSON.parse(out).metrics.find((m: { id: string }) => m.id === 'traceability-coverage').details?.inputs ?? 0;
    const unmapped = await run(runMetricsCommand, ['--source', CSV, '--json']);
    expect(inputsOf(unmapped.out)).toBe(0);
    const mapped = await run(runMetricsCommand, ['--source', CSV, '--json', '--mapping', mappingFile]);
    expect(mapped.code).toBe(0);
    expect(inputsOf(mapped.out)).toBe(8232 * NANNYML_FEATURES.length);
  });

  it('inspect: maps only what is not recognized by its content; a broken mapping file is named with its line', async () => {
    const { code, out } = await run(runInspectCommand, [CSV, OPENLINEAGE, '--json', '--mapping', mappingFile]);
    expect(code).toBe(0);
    const kinds = JSON.parse(out).inputs.map((i: { name: string; detected: string }) => [i.name, i.detected]);
    expect(kinds).toEqual([
      ['nannyml_california_housing_analysis.csv', 'decision-log'],
      ['marquez_event_full.json', 'openlineage'],
    ]);
    const broken = join(work, 'broken.json');
    writeFileSync(broken, '{\n  "kind": "decision-log",\n  "fields": {,\n}');
    const withDecision = ['--source', CSV, '--decision', FIRST_ID, '--mapping', broken];
    for (const [command, args] of [
      [runTraceCommand, withDecision],
      [runInvestigateCommand, [...withDecision, '--json']],
      [runReportCommand, [...withDecision, '--format', 'md', '--out', join(work, 'x.md')]],
      [runMetricsCommand, ['--source', CSV, '--mapping', broken]],
      [runInspectCommand, [CSV, '--mapping', broken]],
    ] as Array<[Command, string[]]>) {
      const { code: exit, err } = await run(command, args);
      expect(exit).toBe(2);
      expect(err).toContain(`--mapping ${broken}:3: not a column mapping: not JSON`);
    }
  });
});
