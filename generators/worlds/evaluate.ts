/**
 * Scores the app on one generated world as a new user would run it: `investigate` on the world's inputs (import,
 * the suspects' diffs read from Git, one engine call, the lineage card), compared with `truth.json`. Nothing here
 * feeds the truth to the app; it only reads the app's answers and the truth side by side.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEngine } from '../../shared/analysis/engine.js';
import { isGap } from '../../shared/lineage/card-types.js';
import { lineageCard } from '../../shared/lineage/lineage-card.js';
import { suspectDiffs } from '../../electron/cli/suspect-diffs.js';
import { createGitRunner } from '../../electron/services/git-runner.js';
import { loadEvidence } from '../../electron/sources/load-evidence.js';
import type { WorldTruth } from './truth.js';

export interface WorldScore {
  readonly seed: number;
  readonly kind: string;
  readonly variant: string;
  /** 1-based rank of the first suspect that is the planted cause (any of its ids); 0 when missing. */
  readonly rank: number;
  readonly top?: string;
  readonly topKind?: string;
  readonly suspects: number;
  readonly scope: { readonly got: number; readonly want: number; readonly within: boolean };
  readonly governance: { readonly got?: string; readonly want: string; readonly right: boolean };
  readonly version: {
    readonly got?: { readonly deployed?: string; readonly code?: string; readonly gap?: string };
    readonly want: { readonly deployed?: string; readonly code?: string };
    readonly right: boolean;
  };
  /** Hours from when the cause's data was first readable (truth) to the onset the app estimated. */
  readonly onsetHours: number;
  readonly rejected: number;
  readonly ms: number;
}

/** Within 15% of the truth (an exact match when the truth is zero). */
export const withinScope = (got: number, want: number) =>
  want === 0 ? got === 0 : Math.abs(got - want) <= 0.15 * want;

const sameSha = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && (a.startsWith(b) || b.startsWith(a));

/** Reads `truth.json` of a world folder. */
export async function readTruth(dir: string): Promise<WorldTruth> {
  return JSON.parse(await readFile(join(dir, 'truth.json'), 'utf8')) as WorldTruth;
}

/** Investigates the world's case as the CLI does and scores every answer against the truth. */
export async function evaluateWorld(dir: string, truth: WorldTruth, cacheDir?: string): Promise<WorldScore> {
  const started = performance.now();
  const git = createGitRunner();
  const loaded = await loadEvidence(
    truth.inputs.map((i) => join(dir, i)),
    { git, cacheDir: cacheDir ?? (await mkdtemp(join(tmpdir(), 'world-cache-'))) },
  );
  const { set, repositories } = loaded;
  const rejected = loaded.loaded.reduce((n, l) => n + l.result.rejections.length, 0);
  const decision = set.decisions.find((d) => d.decisionId === truth.case.decisionId);
  if (!decision) throw new Error(`world ${truth.seed}: decision ${truth.case.decisionId} not imported`);
  const feature = truth.case.featureName;
  const diffOf = await suspectDiffs(set, decision, feature, {}, git, repositories);
  const result = runEngine(set, decision, feature, { diffOf });
  const card = lineageCard(set, decision, feature);

  const suspects = result.suspects.suspects;
  const causeIds = truth.cause.ids;
  const index = suspects.findIndex((s) => causeIds.some((id) => sameSha(s.id, id)));
  const cause = index >= 0 ? suspects[index] : undefined;
  const verdict = cause ? result.governance.find((g) => g.changeId === cause.id)?.verdict : undefined;

  const answer = card.answers.versionAtInference;
  const got = isGap(answer)
    ? { gap: answer.gap }
    : { deployed: answer.value.deployedCommit, code: answer.value.commit };
  const want = truth.versionAtInference;
  const versionRight =
    !isGap(answer) &&
    (want.deployedCommit === undefined || sameSha(got.deployed, want.deployedCommit)) &&
    (want.codeCommit === undefined || sameSha(got.code, want.codeCommit));

  return {
    seed: truth.seed,
    kind: truth.cause.kind,
    variant: truth.cause.variant,
    rank: index + 1,
    top: suspects[0]?.id,
    topKind: suspects[0]?.kind,
    suspects: suspects.length,
    scope: {
      got: result.scope.affected,
      want: truth.blastRadius.decisions,
      within: withinScope(result.scope.affected, truth.blastRadius.decisions),
    },
    governance: { got: verdict, want: truth.cause.governance, right: verdict === truth.cause.governance },
    version: {
      got,
      want: { deployed: want.deployedCommit, code: want.codeCommit },
      right: versionRight,
    },
    onsetHours:
      Math.round(
        ((Date.parse(result.suspects.onset.onset) - Date.parse(truth.blastRadius.effectiveFrom)) / 3_600_000) * 10,
      ) / 10,
    rejected,
    ms: performance.now() - started,
  };
}

export interface WorldFigures {
  readonly worlds: number;
  readonly first: number;
  readonly topThree: number;
  readonly scope: number;
  readonly governance: number;
  readonly version: number;
}

export function worldFigures(scores: ReadonlyArray<WorldScore>): WorldFigures {
  const count = (f: (s: WorldScore) => boolean) => scores.filter(f).length;
  return {
    worlds: scores.length,
    first: count((s) => s.rank === 1),
    topThree: count((s) => s.rank >= 1 && s.rank <= 3),
    scope: count((s) => s.scope.within),
    governance: count((s) => s.governance.right),
    version: count((s) => s.version.right),
  };
}

/** One line a world: what the app answered beside the truth. */
export function worldLine(s: WorldScore): string {
  const short = (x: string | undefined) => (x ? x.slice(0, 10) : '—');
  return [
    `world ${String(s.seed).padStart(4)}`,
    `${s.kind}/${s.variant}`.padEnd(42),
    `rank ${s.rank || 'missing'}/${s.suspects}`,
    `top ${short(s.top)} (${s.topKind ?? '—'})`,
    `onset ${s.onsetHours > 0 ? '+' : ''}${s.onsetHours} h`,
    `scope ${s.scope.got}/${s.scope.want}${s.scope.within ? '' : ' ✗'}`,
    `gov ${s.governance.got ?? '—'}/${s.governance.want}${s.governance.right ? '' : ' ✗'}`,
    `version ${s.version.right ? 'ok' : `✗ got ${s.version.got?.gap ? `gap ${s.version.got.gap}` : `${short(s.version.got?.deployed)}/${short(s.version.got?.code)}`} want ${short(s.version.want.deployed)}/${short(s.version.want.code)}`}`,
  ].join('  ');
}
