/**
 * `lineage-investigator sample --seed N --scale small|large --out DIR` (and `npm run sample -- …`):
 * generates the seeded sample investigation and prints a one-line summary.
 */
import { isScaleName } from '../../generators/sample/scale.js';
import { DEFAULT_SCENARIO, SCENARIOS, SCENARIO_KINDS, isScenarioKind } from '../../generators/sample/scenario.js';
import { generateSample, type SampleSummary } from '../sample/write-sample.js';
import { consoleIo, parseCommandArgs } from './command-args.js';
import type { CliIo } from './run-cli.js';

const USAGE = [
  'Usage: lineage-investigator sample --out DIR [--seed N] [--scale small|large] [--scenario KIND]',
  '',
  'Writes a seeded sample investigation into DIR: a Git bundle of pipeline configuration, OpenLineage events,',
  'pull requests, deployments, audit, enforcement and decision logs, case.json and ground-truth.json.',
  '',
  '  --seed N       any integer from 0 to 4294967295 (default 7); the same seed gives the same files',
  '  --scale S      small (about 50 days, 4k decisions; default) or large (1M decisions, 100k events, 20k commits)',
  '  --out DIR      the folder to write (created if missing)',
  `  --scenario K   the planted cause (default ${DEFAULT_SCENARIO}, the built-in case); ground-truth.json names it:`,
  ...SCENARIO_KINDS.map((k) => `                   ${k}: ${SCENARIOS[k]}`),
].join('\n');

const thousands = (n: number) => n.toLocaleString('en-US');

/** The one-line summary printed at the end. */
export function summaryLine(s: SampleSummary): string {
  const mb = (s.bytes / (1024 * 1024)).toFixed(1);
  const scenario = !s.scenario || s.scenario === DEFAULT_SCENARIO ? '' : `, scenario ${s.scenario}`;
  return (
    `Wrote the ${s.scale} sample (seed ${s.seed}${scenario}) to ${s.outDir}: ${thousands(s.commits)} commits, ` +
    `${thousands(s.pullRequests)} pull requests, ${thousands(s.lineageEvents)} lineage events, ` +
    `${thousands(s.decisions)} decisions, ${thousands(s.deployments)} deployments, ${thousands(s.auditEntries)} audit ` +
    `entries, ${thousands(s.enforcementEntries)} enforcement entries; ${mb} MB in ${(s.elapsedMs / 1000).toFixed(1)} s.`
  );
}

/** Runs the command on the arguments after `sample`; resolves with the exit code (2 for a usage error). */
export async function runSampleCommand(argv: string[], io: CliIo = consoleIo): Promise<number> {
  const parsed = parseCommandArgs(
    argv,
    {
      seed: { type: 'string' },
      scale: { type: 'string' },
      out: { type: 'string' },
      scenario: { type: 'string' },
    },
    USAGE,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const seedText = values.seed ?? '7';
  const seed = Number(seedText);
  const scale = values.scale ?? 'small';
  const scenario = values.scenario ?? DEFAULT_SCENARIO;
  const problems = [
    !/^\d+$/.test(seedText) || seed > 0xffffffff
      ? `--seed must be an integer from 0 to 4294967295, not ${seedText}`
      : '',
    isScaleName(scale) ? '' : `--scale must be small or large, not ${scale}`,
    values.out ? '' : '--out DIR is required',
    isScenarioKind(scenario) ? '' : `--scenario must be one of ${SCENARIO_KINDS.join(', ')}, not ${scenario}`,
  ].filter(Boolean);
  if (problems.length > 0 || !isScaleName(scale) || !isScenarioKind(scenario) || !values.out) {
    io.err(`${problems.join('\n')}\n\n${USAGE}`);
    return 2;
  }
  const summary = await generateSample({ seed, scale, scenario, outDir: values.out });
  io.out(summaryLine(summary));
  return 0;
}
