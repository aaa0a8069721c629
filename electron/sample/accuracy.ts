/**
 * The accuracy suite: generate a seeded scenario into a temporary folder, run the engine on it headless as the
 * CLI does (the loader, then scope → trace → changes on the case's decision), and find where the planted change
 * ranks among the suspects. Only the harness reads ground-truth.json; the engine never sees it.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChanges } from '../../shared/analysis/changes.js';
import { scopeImpact } from '../../shared/analysis/scope.js';
import { traceDecision } from '../../shared/analysis/trace.js';
import { SAMPLE_FILES } from '../../generators/sample/sample.js';
import { SCENARIO_KINDS, type ScenarioKind } from '../../generators/sample/scenario.js';
import { createGitRunner } from '../services/git-runner.js';
import { loadEvidence } from '../sources/load-evidence.js';
import { generateSample } from './write-sample.js';

export interface ScenarioCase {
  readonly kind: ScenarioKind;
  readonly seed: number;
}

export interface AccuracyRow extends ScenarioCase {
  /** 1-based rank of the best-ranked planted change id among the suspects; null when it is not among them. */
  readonly rank: number | null;
  readonly suspects: number;
  readonly plantedIds: ReadonlyArray<string>;
  readonly top?: { readonly id: string; readonly kind: string; readonly summary: string; readonly score: number };
}

/** Every kind at every seed, kinds in the order SCENARIOS lists them. */
export function scenarioCases(seeds: ReadonlyArray<number>, kinds = SCENARIO_KINDS): ScenarioCase[] {
  return kinds.flatMap((kind) => seeds.map((seed) => ({ kind, seed })));
}

/** The inputs of a sample folder as the investigator would pass them: everything but case.json and the answer key. */
const INPUTS = Object.values(SAMPLE_FILES).filter((n) => n !== SAMPLE_FILES.groundTruth && n !== SAMPLE_FILES.caseFile);

/** Generates one small scenario and ranks its planted change with the engine; the folder is removed afterwards. */
export async function runScenario(c: ScenarioCase): Promise<AccuracyRow> {
  const dir = await mkdtemp(join(tmpdir(), `li-accuracy-${c.kind}-${c.seed}-`));
  try {
    const outDir = join(dir, 'sample');
    await generateSample({ seed: c.seed, scale: 'small', scenario: c.kind, outDir });
    const { set } = await loadEvidence(
      INPUTS.map((n) => join(outDir, n)),
      { git: createGitRunner(), cacheDir: join(dir, 'cache') },
    );
    const caseFile = JSON.parse(await readFile(join(outDir, SAMPLE_FILES.caseFile), 'utf8')) as {
      decisionId: string;
      featureName: string;
    };
    const truth = JSON.parse(await readFile(join(outDir, SAMPLE_FILES.groundTruth), 'utf8')) as {
      plantedChangeIds?: string[];
      plantedCommit?: string;
    };
    const plantedIds = truth.plantedChangeIds ?? (truth.plantedCommit ? [truth.plantedCommit] : []);
    const decision = set.decisions.find((d) => d.decisionId === caseFile.decisionId);
    if (!decision)
      throw new Error(`${c.kind} seed ${c.seed}: the case decision ${caseFile.decisionId} was not imported`);
    const scope = scopeImpact(set, decision, caseFile.featureName);
    const trace = traceDecision(set, decision, caseFile.featureName);
    const { changes } = findChanges(set, trace, scope);
    const index = changes.findIndex((ch) => plantedIds.includes(ch.id));
    const first = changes[0];
    return {
      ...c,
      rank: index < 0 ? null : index + 1,
      suspects: changes.length,
      plantedIds,
      ...(first ? { top: { id: first.id, kind: first.kind, summary: first.summary, score: first.score } } : {}),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface AccuracyFigures {
  readonly scenarios: number;
  readonly first: number;
  readonly topThree: number;
  readonly shareFirst: number;
  readonly shareTopThree: number;
}

/** How many planted causes ranked first and in the top three. */
export function accuracyFigures(rows: ReadonlyArray<AccuracyRow>): AccuracyFigures {
  const first = rows.filter((r) => r.rank === 1).length;
  const topThree = rows.filter((r) => r.rank !== null && r.rank <= 3).length;
  const n = rows.length;
  return { scenarios: n, first, topThree, shareFirst: n ? first / n : 0, shareTopThree: n ? topThree / n : 0 };
}

const short = (id: string) => (/^[0-9a-f]{40}$/.test(id) ? id.slice(0, 12) : id);

/** The table: scenario, seed, rank of the planted cause (of how many suspects), the top suspect. */
export function accuracyTable(rows: ReadonlyArray<AccuracyRow>): string[] {
  const width = Math.max(...rows.map((r) => r.kind.length), 'scenario'.length);
  const lines = [`${'scenario'.padEnd(width)}  seed  rank     top suspect`];
  for (const r of rows) {
    const rank = r.rank === null ? `– /${r.suspects}` : `${r.rank}/${r.suspects}`;
    const top = r.top ? `${r.top.kind} ${short(r.top.id)} (${r.top.score}) ${r.top.summary}` : 'none';
    const mark = r.rank === 1 ? '' : `  [planted: ${r.plantedIds.map(short).join(', ')}]`;
    lines.push(`${r.kind.padEnd(width)}  ${String(r.seed).padStart(4)}  ${rank.padEnd(7)}  ${top}${mark}`);
  }
  return lines;
}
