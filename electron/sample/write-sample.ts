/**
 * Writes a sample investigation into a folder: the Git bundle first (Git names the commits), then every
 * other file from generators/sample, streamed so the large scale never holds its million decisions in memory.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { emptyTally } from '../../generators/sample/decisions.js';
import { fastImportStream } from '../../generators/sample/fast-import.js';
import { SAMPLE_FILES, planSample, sampleOutputs } from '../../generators/sample/sample.js';
import type { ScaleName } from '../../generators/sample/scale.js';
import { DEFAULT_SCENARIO, type ScenarioKind } from '../../generators/sample/scenario.js';
import { buildBundle } from './git-bundle.js';

export interface SampleOptions {
  readonly seed: number;
  readonly scale: ScaleName;
  readonly outDir: string;
  readonly gitPath?: string;
  /** The planted cause (default: the built-in story's unapproved merge). */
  readonly scenario?: ScenarioKind;
}

export interface SampleSummary {
  readonly seed: number;
  readonly scale: ScaleName;
  /** Absent or `unapproved-merge`: the built-in story. */
  readonly scenario?: ScenarioKind;
  readonly outDir: string;
  readonly commits: number;
  readonly pullRequests: number;
  readonly lineageEvents: number;
  readonly decisions: number;
  readonly deployments: number;
  readonly auditEntries: number;
  readonly enforcementEntries: number;
  readonly bytes: number;
  readonly elapsedMs: number;
}

/** Writes the pieces (a newline after each when `lines`), 1 MiB at a time; resolves with how many were written. */
export async function writeStreamed(path: string, pieces: Iterable<string>, lines: boolean): Promise<number> {
  const out = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => out.on('error', reject));
  const write = (text: string) =>
    Promise.race([failed, new Promise<void>((resolve, reject) => out.write(text, (e) => (e ? reject(e) : resolve())))]);
  let count = 0;
  let buffer = '';
  for (const piece of pieces) {
    buffer += lines ? `${piece}\n` : piece;
    count++;
    if (buffer.length >= 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  if (buffer) await write(buffer);
  await Promise.race([failed, new Promise<void>((resolve) => out.end(resolve))]);
  return count;
}

/** Generates the sample for a seed and scale into `outDir` (created if missing; the fixed file names are overwritten). */
export async function generateSample(options: SampleOptions): Promise<SampleSummary> {
  const started = Date.now();
  const { outDir } = options;
  await mkdir(outDir, { recursive: true });
  const scenario = options.scenario ?? DEFAULT_SCENARIO;
  const plan = planSample(options.seed, options.scale, scenario);
  const shas = await buildBundle(fastImportStream(plan.history), join(outDir, SAMPLE_FILES.bundle), options.gitPath);
  const outputs = sampleOutputs(plan, shas);
  const file = (name: string) => join(outDir, name);
  const lineageEvents = await writeStreamed(file(SAMPLE_FILES.lineage), outputs.lineage(), true);
  await writeStreamed(file(SAMPLE_FILES.pullRequests), outputs.pullRequests(), false);
  const deployments = await writeStreamed(file(SAMPLE_FILES.deployments), outputs.deployments(), true);
  const auditEntries = await writeStreamed(file(SAMPLE_FILES.audit), outputs.audit(), true);
  const enforcementEntries = await writeStreamed(file(SAMPLE_FILES.enforcement), outputs.enforcement(), true);
  const tally = emptyTally();
  const decisions = await writeStreamed(file(SAMPLE_FILES.decisions), outputs.decisions(tally), true);
  await writeFile(file(SAMPLE_FILES.caseFile), outputs.caseFile(tally));
  await writeFile(file(SAMPLE_FILES.groundTruth), outputs.groundTruth(tally));
  let bytes = 0;
  for (const name of Object.values(SAMPLE_FILES)) bytes += (await stat(file(name))).size;
  return {
    seed: options.seed,
    scale: options.scale,
    scenario,
    outDir,
    commits: plan.history.commits.length,
    pullRequests: plan.history.pullRequests.length,
    lineageEvents,
    decisions,
    deployments,
    auditEntries,
    enforcementEntries,
    bytes,
    elapsedMs: Date.now() - started,
  };
}
