/**
 * `lineage-investigator metrics --source <path>... [--case <case.json>...] [--json]`: the five lineage-maturity
 * metrics — time-to-root-cause, audit completeness, rollback time, unauthorized change rate, traceability
 * coverage — each with its definition, weekly trend and the records that count against it.
 */
import { join } from 'node:path';
import { countOf } from '../../shared/model/count-words.js';
import type { Case } from '../../shared/case/case-types.js';
import { computeMetrics } from '../../shared/metrics/metrics.js';
import { defaultDataDir } from '../app-paths.js';
import { readCaseRecord } from '../bundle/build-report.js';
import { createGitRunner } from '../services/git-runner.js';
import { loadEvidence } from '../sources/load-evidence.js';
import { readOnceNotes } from '../sources/repeat-notes.js';
import { consoleIo, parseCommandArgs } from './command-args.js';
import { MAPPING_OPTION, MAPPING_USAGE, readMappingArg } from './mapping-args.js';
import { PROGRESS_OPTION, PROGRESS_USAGE, progressOption } from './read-progress.js';
import type { CliIo } from './run-cli.js';

const USAGE = [
  'Usage: lineage-investigator metrics --source PATH... [--case FILE...] [--json]',
  '',
  'The five lineage-maturity metrics over everything imported and every case given.',
  '',
  '  --source PATH  a file, folder, Git repository or bundle to import (repeat for more)',
  '  --case FILE    a case record (case.json, as in an evidence bundle), for time-to-root-cause (repeat)',
  '  --json         print JSON',
  ...MAPPING_USAGE,
  ...PROGRESS_USAGE,
].join('\n');

/** Runs the command on the arguments after `metrics`; resolves with the exit code. */
export async function runMetricsCommand(argv: string[], io: CliIo = consoleIo): Promise<number> {
  const parsed = parseCommandArgs(
    argv,
    {
      source: { type: 'string', multiple: true },
      case: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      ...MAPPING_OPTION,
      ...PROGRESS_OPTION,
    },
    USAGE,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  if (!values.source?.length) {
    io.err(`--source PATH is required\n\n${USAGE}`);
    return 2;
  }
  const cases: Case[] = [];
  for (const file of values.case ?? []) cases.push((await readCaseRecord(file)).case);
  const mapping = await readMappingArg(values.mapping, USAGE, io);
  if (typeof mapping === 'number') return mapping;
  const evidence = await loadEvidence(values.source, {
    git: createGitRunner(),
    cacheDir: join(defaultDataDir(), 'repositories'),
    ...(mapping && { mapping }),
    ...progressOption(values.progress, io),
  });
  const { set, problems } = evidence;
  for (const p of problems) io.err(`${p.path}: ${p.reason}`);
  for (const note of readOnceNotes(evidence)) io.err(note);
  const metrics = computeMetrics(set, cases);
  if (values.json) {
    io.out(JSON.stringify({ metrics }, null, 2));
    return 0;
  }
  for (const m of metrics) {
    const value =
      m.value === null ? 'n/a' : m.unit === 'share' ? `${(m.value * 100).toFixed(1)}%` : `${m.value} ${m.unit}`;
    io.out(
      `${m.name}: ${value}  (${countOf(m.drillDown.total, 'record counts', 'records count')} against it${m.drillDown.total ? `, e.g. ${m.drillDown.ids.slice(0, 3).join(', ')}` : ''})`,
    );
    io.out(`  ${m.definition}`);
    if (m.id === 'audit-completeness') io.out(`  by stage: ${JSON.stringify(m.details.byStage)}`);
  }
  return 0;
}
