/**
 * The setup of the unit tests that write reports and evidence bundles of decisions read in place: a temporary folder
 * with the flat mapping, `report` over the sample's other evidence and a log, a bundle's listed sources. Apart from
 * flat-sample.fixture.ts, which the e2e specs also import (Playwright does not load vitest, nor the CLI's JSON import of
 * package.json).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { runReportCommand } from '../cli/report-command.js';
import { FLAT_MAPPING, otherEvidence, truth } from './flat-sample.fixture.js';

/**
 * A temporary folder named from `prefix` for one test file, removed after its tests, with the flat mapping written in
 * it as `mappingFile`.
 */
export function workDir(prefix: string): { dir: string; mappingFile: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const mappingFile = join(dir, 'mapping.json');
  writeFileSync(mappingFile, JSON.stringify(FLAT_MAPPING));
  return { dir, mappingFile };
}

/** Which decision a report is of (the case decision unless said), of which model, and what more to pass. */
export interface ReportOptions {
  readonly decision?: string;
  readonly model?: string;
  readonly more?: ReadonlyArray<string>;
}

/**
 * `report --format <format> --out <out>` of a decision over the other evidence and `source`, read through
 * `mappingFile`: its exit code and what it printed, on stdout and on stderr.
 */
export async function reportWith(
  source: string,
  mappingFile: string,
  format: string,
  out: string,
  { decision = truth.caseDecisionId as string, model, more = [] }: ReportOptions = {},
) {
  const printed: string[] = [];
  const err: string[] = [];
  const args = [...otherEvidence(), source].flatMap((p) => ['--source', p]);
  const code = await runReportCommand(
    [
      ...args,
      ...['--mapping', mappingFile, '--decision', decision, ...(model ? ['--model', model] : [])],
      ...['--format', format, '--out', out, ...more],
    ],
    { out: (l) => printed.push(l), err: (l) => err.push(l) },
  );
  return { code, out: printed.join('\n'), err: err.join('\n') };
}

/** The same as an evidence bundle (`--format bagit`) at `bag`: `--unsigned` unless `signed`. */
export const bundleWith = (
  source: string,
  mappingFile: string,
  bag: string,
  { signed = false, ...options }: Omit<ReportOptions, 'more'> & { signed?: boolean } = {},
) => reportWith(source, mappingFile, 'bagit', bag, { ...options, more: signed ? [] : ['--unsigned'] });

/** A source as an evidence bundle lists it (data/sources.json): the queries it cites where it was read in place. */
export interface ListedSource {
  readonly name: string;
  readonly sha256: string;
  readonly included: string;
  readonly location?: string;
  readonly queries?: Array<{ text: string; params: string[]; rows: number; sha256: string }>;
}

/** The sources the bundle at `bag` lists. */
export const bagSources = (bag: string): ListedSource[] =>
  JSON.parse(readFileSync(join(bag, 'data/sources.json'), 'utf8'));
