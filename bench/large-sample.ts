/**
 * The large sample (seed 7: about 1M decisions, 100k lineage events, 20k commits) as the benches read it: generated
 * once into a cache folder (`LARGE_SAMPLE_DIR`, default node_modules/.cache/lineage-bench/large-7; about 1 GB, a few
 * minutes), then imported as the app's main process imports a folder.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createGitRunner } from '../electron/services/git-runner';
import { generateSample } from '../electron/sample/write-sample';
import { loadEvidence } from '../electron/sources/load-evidence';
import type { EvidenceSet } from '../shared/model/evidence-set';
import type { Decision } from '../shared/model/records';

export const LARGE_SAMPLE_DIR =
  process.env.LARGE_SAMPLE_DIR ?? join('node_modules', '.cache', 'lineage-bench', 'large-7');

export interface LargeSample {
  readonly set: EvidenceSet;
  /** The case's decision and suspect feature (case.json). */
  readonly decision: Decision;
  readonly featureName: string;
  /** How long the import took. */
  readonly importMs: number;
}

/** Generates the large sample if its folder lacks it, then imports it and finds its case's decision. */
export async function loadLargeSample(dir = LARGE_SAMPLE_DIR): Promise<LargeSample> {
  if (!existsSync(join(dir, 'case.json'))) {
    console.log(`      generating the large sample into ${dir} (once; a few minutes)…`);
    await generateSample({ seed: 7, scale: 'large', outDir: dir });
  }
  const c = JSON.parse(await readFile(join(dir, 'case.json'), 'utf8')) as { decisionId: string; featureName: string };
  const t0 = performance.now();
  const { set } = await loadEvidence([dir], { git: createGitRunner(), cacheDir: join(dir, '..', 'repositories') });
  const importMs = performance.now() - t0;
  const decision = set.decisions.find((d) => d.decisionId === c.decisionId);
  if (!decision) throw new Error(`${dir}/case.json names decision ${c.decisionId}, which the decision log lacks.`);
  return { set, decision, featureName: c.featureName, importMs };
}
