/**
 * `lineage-investigator watch --source … [--model NAME] [--since TIME] [--bin hour|day] [--json]`: the outcome rate
 * per model and model version over time, with the onset's change-points; each upward shift is an alert (its start,
 * size, the decisions and subjects since). Exit 1 when a shift starts at or after `--since` (any shift without it),
 * for cron or CI; 0 when none; 2 for a usage error or a source that cannot be read.
 */
import { join } from 'node:path';
import type { WatchBucket } from '../../shared/analysis/watch.js';
import type { WatchedAlert } from '../../shared/ipc/monitor-channels.js';
import { parseTimestamp } from '../../shared/importers/timestamps.js';
import { defaultDataDir } from '../app-paths.js';
import { createGitRunner } from '../services/git-runner.js';
import { loadEvidence } from '../sources/load-evidence.js';
import { duplicateNote } from '../sources/list-inputs.js';
import { repeatedRowsSentence } from '../../shared/warehouse/repeated-decisions.js';
import { openInPlace, type DecisionSource } from '../warehouse/decision-source.js';
import { watchAlerts } from '../warehouse/watch-alerts.js';
import { memoryWatchReader, sqlWatchReader, type WatchReader } from '../warehouse/watch-reader.js';
import { consoleIo, parseCommandArgs } from './command-args.js';
import { MAPPING_OPTION, MAPPING_USAGE, readMappingArg } from './mapping-args.js';
import { PROGRESS_OPTION, PROGRESS_USAGE, progressOption } from './read-progress.js';
import type { CliIo } from './run-cli.js';

const USAGE = [
  'Usage: lineage-investigator watch --source PATH... [--model NAME] [--since TIME] [--bin hour|day] [--min-size P]',
  '                                  [--json]',
  '',
  'The outcome rate per model and model version over time, with the change-points the onset uses; each upward',
  'shift is an alert. Exit 1 when a shift starts at or after --since (any shift without it), 0 when none.',
  '',
  '  --source PATH     a decision log: JSON lines or CSV (imported), a Parquet file or folder, or',
  '                    postgresql://…?table=NAME (asked for counts only); repeat for more',
  '  --model NAME      watch this model only',
  '  --since TIME      RFC 3339: only shifts starting then or later make the exit code 1',
  '  --bin hour|day    the time bucket (default day)',
  '  --min-size P      leave out shifts smaller than P percentage points (default 1)',
  '  --json            print JSON',
  ...MAPPING_USAGE,
  ...PROGRESS_USAGE,
].join('\n');

/** Runs the command on the arguments after `watch`; resolves with the exit code. */
export async function runWatchCommand(argv: string[], io: CliIo = consoleIo): Promise<number> {
  const parsed = parseCommandArgs(
    argv,
    {
      source: { type: 'string', multiple: true },
      model: { type: 'string' },
      since: { type: 'string' },
      bin: { type: 'string' },
      'min-size': { type: 'string' },
      json: { type: 'boolean' },
      ...MAPPING_OPTION,
      ...PROGRESS_OPTION,
    },
    USAGE,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const sources = (values.source as string[] | undefined) ?? [];
  const sinceText = values.since as string | undefined;
  const since = sinceText === undefined ? undefined : parseTimestamp(sinceText);
  const bin = (values.bin as string | undefined) ?? 'day';
  const minSizeText = (values['min-size'] as string | undefined) ?? '1';
  const minSize = Number(minSizeText);
  const problems = [
    sources.length ? '' : '--source PATH is required',
    since === undefined || since.ok ? '' : `--since ${sinceText}: ${since.ok ? '' : since.reason}`,
    bin === 'hour' || bin === 'day' ? '' : `--bin must be hour or day, not ${bin}`,
    /^\d+(\.\d+)?$/.test(minSizeText) && minSize <= 100
      ? ''
      : `--min-size must be percentage points from 0 to 100, not ${minSizeText}`,
  ].filter(Boolean);
  if (problems.length > 0) {
    io.err(`${problems.join('\n')}\n\n${USAGE}`);
    return 2;
  }
  const mapping = await readMappingArg(values.mapping as string | undefined, USAGE, io);
  if (typeof mapping === 'number') return mapping;
  const model = values.model as string | undefined;
  const opened: DecisionSource[] = [];
  try {
    const readers: WatchReader[] = [];
    const files: string[] = [];
    for (const spec of sources) {
      const source = await openInPlace(spec, mapping);
      if (!source) {
        files.push(spec);
        continue;
      }
      opened.push(source);
      if (source.suggested)
        io.err(`${source.label}: read through the mapping suggested from its columns: ${source.suggested}`);
      for (const d of source.copies) io.err(duplicateNote(d));
      const repeated = repeatedRowsSentence(source.repeated);
      if (repeated) io.err(`${source.label}: ${repeated}`);
      readers.push(sqlWatchReader(source));
    }
    if (files.length > 0) {
      const loaded = await loadEvidence(files, {
        git: createGitRunner(),
        cacheDir: join(defaultDataDir(), 'repositories'),
        ...(mapping && { mapping }),
        ...progressOption(values.progress as boolean | undefined, io),
      });
      for (const p of loaded.problems) io.err(`${p.path}: ${p.reason}`);
      readers.push(memoryWatchReader(files.join(', '), loaded.set.decisions));
    }
    const sinceIso = since?.ok ? since.iso : undefined;
    const { alerts, series } = await watchAlerts(readers, {
      bin: bin as WatchBucket,
      ...(model !== undefined && { model }),
      minSize: minSize / 100,
      ...(sinceIso !== undefined && { since: sinceIso }),
    });
    if (values.json) {
      io.out(
        JSON.stringify({ bin, since: sinceIso ?? null, sources: readers.map((r) => r.label), alerts, series }, null, 2),
      );
    } else {
      for (const s of series)
        io.out(
          `${s.model}${s.version ? ` ${s.version}` : ''}: ${s.bins.reduce((n, b) => n + b.decisions, 0)} decisions in ${s.bins.length} ${bin}s`,
        );
      for (const a of alerts) io.out(alertLine(a));
      if (alerts.length === 0) io.out('no shift in any outcome rate');
    }
    return alerts.some((a) => a.newerThanSince) ? 1 : 0;
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return 2;
  } finally {
    for (const s of opened) await s.close();
  }
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

function alertLine(a: WatchedAlert): string {
  const sign = a.size >= 0 ? '+' : '';
  return (
    `${a.newerThanSince ? 'ALERT' : 'before --since'} ${a.model}${a.version ? ` ${a.version}` : ''}: ${a.outcome} ` +
    `${pct(a.rateBefore)} -> ${pct(a.rateAfter)} (${sign}${pct(a.size)}, G = ${a.statistic}) from ${a.start}; ` +
    `${a.decisions} decisions and ${a.subjects} subjects since` +
    (a.representativeDecision
      ? `\n  investigate: --decision ${a.representativeDecision.decisionId} --onset ${a.representativeDecision.timestamp}`
      : '')
  );
}
