/**
 * Node-side import benchmarks (the headless reader of electron/sources/ and the streaming importers):
 * 100k OpenLineage NDJSON lines and 1M decision-log lines from the large sample — records/s, total time and
 * peak RSS, beside the floor (reading the same file and `JSON.parse` of every line) — and the `git log` parse of
 * the large sample's 20k-commit bundle beside `git log --name-status` alone. Medians of `runs` runs.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { startImport } from '../shared/importers/streaming';
import { createGitRunner } from '../electron/services/git-runner';
import { createRepositoryCache } from '../electron/services/repository-cache';
import { hashFile } from '../electron/sources/decode-stream';
import { importInputs } from '../electron/sources/import-inputs';
import { streamGitLog } from '../electron/sources/git-log-stream';
import { summarize } from './stats';

const CACHE = join('node_modules', '.cache', 'lineage-bench');
const SAMPLE = join(CACHE, 'large-seed7');

async function largeSample(): Promise<void> {
  if (existsSync(join(SAMPLE, 'decisions.jsonl'))) return;
  console.log(`Generating the large sample into ${SAMPLE} (about 40 s, once)…`);
  execFileSync('npx', ['tsx', 'electron/cli/main.ts', 'sample', '--seed', '7', '--scale', 'large', '--out', SAMPLE], {
    stdio: 'inherit',
  });
}

/** The first `lines` lines of a sample file, written once into the cache. */
async function firstLines(file: string, lines: number, out: string): Promise<string> {
  const path = join(CACHE, out);
  if (existsSync(path)) return path;
  const writer = createWriteStream(`${path}.part`);
  let count = 0;
  for await (const line of createInterface({ input: createReadStream(join(SAMPLE, file)) })) {
    if (count === lines) break;
    if (!writer.write(`${line}\n`)) await new Promise<void>((r) => writer.once('drain', () => r()));
    count += 1;
  }
  await new Promise<void>((r) => writer.end(() => r()));
  execFileSync('mv', [`${path}.part`, path]);
  return path;
}

/** Runs `task`, sampling RSS every 25 ms; the elapsed ms, the CPU ms of this process and the peak RSS in MB. */
async function measured<T>(task: () => Promise<T>): Promise<{ ms: number; cpuMs: number; peakMb: number; value: T }> {
  global.gc?.();
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const value = await task();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage.rss());
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, peakMb: peak / 1024 / 1024, value };
}

/** The floor: read the file in the same chunks and `JSON.parse` every line. */
async function floor(path: string): Promise<number> {
  let rest = '';
  let n = 0;
  const decoder = new TextDecoder('utf-8', { fatal: false });
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    const text = rest + decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      if (end > start) {
        JSON.parse(text.slice(start, end));
        n += 1;
      }
      start = end + 1;
    }
    rest = text.slice(start);
  }
  return n;
}

async function importFile(path: string): Promise<number> {
  let records = 0;
  const { imported } = await importInputs([path], {
    git: createGitRunner(),
    cacheDir: join(CACHE, 'repositories'),
    onRecords: (batch) => (records += batch.length),
  });
  const rejected = imported[0]?.summary.rejectedCount ?? -1;
  if (rejected !== 0) throw new Error(`${path}: ${rejected} rejected`);
  return records;
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function benchLines(label: string, path: string, runs: number, targetMs: number): Promise<boolean> {
  const imports: { ms: number; cpuMs: number; peakMb: number; value: number }[] = [];
  const floors: { ms: number; cpuMs: number }[] = [];
  for (let i = 0; i < runs; i += 1) {
    floors.push(await measured(() => floor(path)));
    imports.push(await measured(() => importFile(path)));
  }
  const t = summarize(imports.map((r) => r.ms)).median;
  const f = summarize(floors.map((r) => r.ms)).median;
  const cpu = summarize(imports.map((r) => r.cpuMs)).median;
  const floorCpu = summarize(floors.map((r) => r.cpuMs)).median;
  const peak = summarize(imports.map((r) => r.peakMb)).median;
  const records = imports[0]?.value ?? 0;
  const ok = t <= targetMs && peak < 1536;
  console.log(
    `${ok ? 'PASS' : 'FAIL'}  node import, ${label}: ${records.toLocaleString('en-US')} records in ${fmt(t)} ` +
      `(${Math.round(records / (t / 1000)).toLocaleString('en-US')} records/s), peak RSS ${peak.toFixed(0)} MB; ` +
      `floor (read + JSON.parse per line) ${fmt(f)}, ratio ${(t / f).toFixed(2)}×; CPU ${fmt(cpu)} vs floor ` +
      `${fmt(floorCpu)}; target < ${fmt(targetMs)}, < 1,536 MB; ` +
      `medians of ${runs}`,
  );
  return ok;
}

function gitLogAlone(cwd: string): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn('git', ['log', '--all', '--name-status'], { cwd, env: { ...process.env, LC_ALL: 'C' } });
    let bytes = 0;
    child.stdout.on('data', (c: Buffer) => (bytes += c.length));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done(bytes) : fail(new Error(`git log exit ${code}`))));
  });
}

async function benchGit(runs: number): Promise<boolean> {
  const bundle = join(SAMPLE, 'pipeline-config.bundle');
  const { sha256 } = await hashFile(bundle);
  const dir = await createRepositoryCache(createGitRunner(), resolve(CACHE, 'repositories')).ensureClone(
    bundle,
    sha256,
  );
  const parse: number[] = [];
  const alone: number[] = [];
  let commits = 0;
  for (let i = 0; i < runs; i += 1) {
    alone.push((await measured(() => gitLogAlone(dir))).ms);
    const run = await measured(async () => {
      const job = startImport('', { id: sha256, name: 'pipeline-config', derivedAs: 'git-log' });
      let n = 0;
      await streamGitLog(dir, (text) => {
        job.push(text);
        n += job.take().length;
      });
      job.end();
      return n + job.take().length;
    });
    parse.push(run.ms);
    commits = run.value;
  }
  const p = summarize(parse).median;
  const a = summarize(alone).median;
  const ok = p <= 2 * a;
  console.log(
    `${ok ? 'PASS' : 'FAIL'}  git history, ${commits.toLocaleString('en-US')} commits: git log + parse ${fmt(p)} | ` +
      `git log --name-status alone ${fmt(a)}; ratio ${(p / a).toFixed(2)}×; target ≤ 2×; medians of ${runs}`,
  );
  return ok;
}

/** Runs the Node-side import benchmarks; true when every target is met. */
export async function benchImportNode(runs: number): Promise<boolean> {
  await largeSample();
  const lineage = await firstLines('openlineage-events.ndjson', 100_000, 'node-openlineage-100k.ndjson');
  const decisions = await firstLines('decisions.jsonl', 1_000_000, 'node-decisions-1m.jsonl');
  const a = await benchLines('100k OpenLineage NDJSON lines', lineage, runs, 8000);
  const b = await benchLines('1M decision-log lines', decisions, runs, 30000);
  const c = await benchGit(runs);
  return a && b && c;
}

if (process.argv[1]?.endsWith('import-node.ts')) {
  const ok = await benchImportNode(Number(process.env.BENCH_IMPORT_RUNS ?? 3));
  process.exitCode = ok ? 0 : 1;
}
