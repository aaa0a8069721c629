/**
 * Writes one world into a folder: repositories (folders or bundles), pull requests, deployments, OpenLineage
 * runs, decisions, audit and enforcement logs, and `truth.json`. Deterministic: a seed always writes the same
 * bytes.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lastChange, writeRepoBundle, writeRepoFolder } from './git-writer.js';
import { identityGraphFiles } from './identity-graph.js';
import { runEvents } from './openlineage.js';
import { auditLine, decisionLine, deploymentLine, enforcementLines, pullRequestJson } from './records.js';
import { simulateWorld } from './simulate.js';
import { DAY, ymd } from './time.js';
import { buildTruth, type WorldTruth } from './truth.js';
import type { RepoModel } from './types.js';

export type { WorldTruth } from './truth.js';

export interface WriteWorldOptions {
  /** Remove `outDir` first (default true). */
  readonly clean?: boolean;
}

const lines = (xs: ReadonlyArray<string>) => (xs.length > 0 ? `${xs.join('\n')}\n` : '');

export async function writeWorld(seed: number, outDir: string, options: WriteWorldOptions = {}): Promise<WorldTruth> {
  const world = simulateWorld(seed);
  const { sim } = world;
  if (options.clean ?? true) rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const inputs: string[] = [];
  const gitDirs = new Map<RepoModel, string>();
  const temporary: string[] = [];
  try {
    for (const repo of sim.pipeline.repos) {
      if (sim.plan.repoForm === 'folder') {
        const rel = `repos/${repo.name}`;
        writeRepoFolder(repo, join(outDir, rel));
        gitDirs.set(repo, join(outDir, rel));
        inputs.push(rel);
      } else {
        const rel = `repos/${repo.name}.bundle`;
        const bare = writeRepoBundle(repo, join(outDir, rel));
        temporary.push(bare);
        gitDirs.set(repo, bare);
        inputs.push(rel);
      }
    }
    const write = (rel: string, text: string) => {
      mkdirSync(join(outDir, rel, '..'), { recursive: true });
      writeFileSync(join(outDir, rel), text);
      inputs.push(rel);
    };
    write('pull-requests.json', `${JSON.stringify(sim.prs.map(pullRequestJson), null, 2)}\n`);
    write('deployments.jsonl', lines(sim.deployments.map((d) => deploymentLine(sim, d))));
    write('audit-log.jsonl', lines(sim.audit.map((e) => auditLine(sim, e))));
    const enforcement = enforcementLines(sim, sim.rng.fork('enforcement'));
    if (enforcement.length > 0) write('enforcement.jsonl', lines(enforcement));
    const events = runEvents(sim, sim.rng.fork('events'), world.runs);
    if (sim.plan.lineageFiles === 'single') write('lineage/events.ndjson', lines(events.map((e) => e.line)));
    else {
      const weeks = new Map<string, string[]>();
      for (const e of events) {
        const week = ymd(Math.floor((e.time - sim.plan.start) / (7 * DAY)) * 7 * DAY + sim.plan.start);
        weeks.set(week, [...(weeks.get(week) ?? []), e.line]);
      }
      for (const [week, ls] of weeks) write(`lineage/openlineage-${week}.ndjson`, lines(ls));
    }
    write('decisions.jsonl', lines(world.decisions.map((d) => decisionLine(sim, d))));
    for (const file of identityGraphFiles(sim, world.runs)) write(file.rel, file.text);
    const truth = buildTruth(world, inputs, (repo, sha, path) => lastChange(gitDirs.get(repo)!, sha, path));
    writeFileSync(join(outDir, 'truth.json'), `${JSON.stringify(truth, null, 2)}\n`);
    return truth;
  } finally {
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  }
}
