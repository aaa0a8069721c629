/**
 * `lineage-investigator pull-lineage --marquez URL [--after TIME] [--before TIME] --out FILE.ndjson` (or `--list`):
 * the OpenLineage events a Marquez server holds for a time window, written as NDJSON to give as a `--source`; or
 * the namespaces and jobs it knows. The API key, if the server needs one, is read from MARQUEZ_API_KEY (never a flag,
 * so it stays out of shell history and process lists) and never printed.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseTimestamp } from '../../shared/importers/timestamps.js';
import { listJobs, pullLineageEvents } from '../marquez/marquez-client.js';
import { pullLineageFromDb } from '../marquez/marquez-db.js';
import { filters, upstreamClosure } from '../marquez/upstream-closure.js';
import { consoleIo, parseCommandArgs } from './command-args.js';
import type { CliIo } from './run-cli.js';

const USAGE = [
  'Usage: lineage-investigator pull-lineage --marquez URL [--after TIME] [--before TIME] [--page-size N]',
  '                                         [--namespace NAME] [--job NAME] --out FILE',
  '       lineage-investigator pull-lineage --marquez URL --list',
  "       lineage-investigator pull-lineage --marquez-db 'postgresql://…' [--after TIME] [--before TIME] --out FILE",
  '',
  "A window of a Marquez server's OpenLineage events (GET /api/v1/events/lineage, paged), written as NDJSON.",
  '',
  '  --marquez URL     the server, e.g. http://localhost:5000 (MARQUEZ_API_KEY: an API key sent as a Bearer token)',
  "  --marquez-db URL  Marquez's PostgreSQL instead (read-only; its lineage_events table, or ?table=NAME)",
  '  --after TIME      RFC 3339: events at or after (default: the first)',
  '  --before TIME     RFC 3339: events before (default: the last)',
  '  --page-size N     events per request (default 100)',
  '  --namespace NAME  keep the jobs of this namespace and every job upstream of them',
  '  --job NAME        keep this job (in --namespace, if given) and every job upstream of it',
  '  --out FILE        where to write the events, one per line',
  '  --list            print the namespaces and their jobs instead',
].join('\n');

/** Runs the command on the arguments after `pull-lineage`; resolves with the exit code. */
export async function runPullLineageCommand(
  argv: string[],
  io: CliIo = consoleIo,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  const parsed = parseCommandArgs(
    argv,
    {
      marquez: { type: 'string' },
      'marquez-db': { type: 'string' },
      after: { type: 'string' },
      before: { type: 'string' },
      'page-size': { type: 'string' },
      namespace: { type: 'string' },
      job: { type: 'string' },
      out: { type: 'string' },
      list: { type: 'boolean' },
    },
    USAGE,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const url = values.marquez as string | undefined;
  const db = values['marquez-db'] as string | undefined;
  const out = values.out as string | undefined;
  const pageSize = values['page-size'] as string | undefined;
  const times = (['after', 'before'] as const).map((flag) => {
    const v = values[flag] as string | undefined;
    const t = v === undefined ? undefined : parseTimestamp(v);
    return { flag, v, t };
  });
  const problems = [
    url || db ? '' : '--marquez URL or --marquez-db URL is required',
    url && db ? 'give --marquez or --marquez-db, not both' : '',
    out || (values.list && url) ? '' : values.list ? '--list needs --marquez URL' : '--out FILE or --list is required',
    pageSize === undefined || (/^\d+$/.test(pageSize) && Number(pageSize) > 0)
      ? ''
      : `--page-size must be a positive whole number, not ${pageSize}`,
    ...times.map(({ flag, v, t }) => (t && !t.ok ? `--${flag} ${v}: ${t.reason}` : '')),
  ].filter(Boolean);
  if (problems.length > 0 || !(url || db)) {
    io.err(`${problems.join('\n')}\n\n${USAGE}`);
    return 2;
  }
  const apiKey = env.MARQUEZ_API_KEY;
  const opts = { url: url ?? '', ...(apiKey && { apiKey }), ...(pageSize && { pageSize: Number(pageSize) }) };
  const hide = (text: string) => (apiKey ? text.split(apiKey).join('***') : text);
  let file: WriteStream | undefined;
  try {
    if (values.list) {
      for (const { namespace, jobs } of await listJobs(opts))
        io.out(`${namespace}: ${jobs.length} jobs${jobs.length ? ` (${jobs.join(', ')})` : ''}`);
      return 0;
    }
    const [after, before] = times.map(({ t }) => (t?.ok ? t.iso : undefined));
    file = createWriteStream(out as string);
    const stream = file;
    const write = async (events: ReadonlyArray<Record<string, unknown>>) => {
      if (events.length === 0) return;
      if (!stream.write(events.map((e) => JSON.stringify(e)).join('\n') + '\n')) await once(stream, 'drain');
    };
    const window = { ...(after && { after }), ...(before && { before }) };
    const filter = { namespace: values.namespace as string | undefined, job: values.job as string | undefined };
    // A closure is known once the whole window is read: its events are held until then.
    const held: Array<Record<string, unknown>> = [];
    const take = filters(filter)
      ? async (events: ReadonlyArray<Record<string, unknown>>) => void held.push(...events)
      : write;
    const read: { events: number; totalCount?: number } = db
      ? { events: await pullLineageFromDb(db, window, take) }
      : await pullLineageEvents(opts, window, take);
    const kept = filters(filter) ? upstreamClosure(held, filter) : undefined;
    if (kept) await write(kept.events);
    file.end();
    await once(file, 'close');
    const total =
      read.totalCount !== undefined && read.totalCount !== read.events ? ` (Marquez counted ${read.totalCount})` : '';
    const closure = kept ? `; kept ${kept.events.length}, of ${kept.jobs.length} jobs: ${kept.jobs.join(', ')},` : '';
    io.err(
      `${read.events} lineage events from ${after ?? 'the first'} to ${before ?? 'the last'}${closure} written to ${out}${total}`,
    );
    return 0;
  } catch (error) {
    file?.destroy();
    io.err(hide(error instanceof Error ? error.message : String(error)));
    return 1;
  }
}
