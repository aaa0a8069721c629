/**
 * `report` on a decision log read in place makes `investigate`'s investigation (counted where the log lives): for
 * the sample's decisions as flat Parquet rows, the report's cause, scope and suspects are those `investigate --json`
 * prints, and those of the same rows as JSON lines; the model's decisions are not read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { investigateLoaded } from '../cli/loaded-investigation.js';
import { createGitRunner } from '../services/git-runner.js';
import { FLAT_MAPPING, investigateWith, otherEvidence, truth, writeFlatFiles } from './flat-sample.fixture.js';
import { reportWith, workDir } from './flat-report.fixture.js';
import { loadSources } from './load-sources.js';

const { dir, mappingFile } = workDir('li-parquet-report-');
process.env.LINEAGE_INVESTIGATOR_DATA_DIR = join(dir, 'data');

const flat = join(dir, 'decisions-flat.jsonl');
const parquet = join(dir, 'decisions.parquet');

beforeAll(async () => {
  await writeFlatFiles(flat, parquet);
}, 60_000);

/** The rows of the Markdown table under `## heading`, each as its cells. */
function tableUnder(markdown: string, heading: string): string[][] {
  const section = markdown.split(`\n## ${heading}\n`)[1]?.split('\n## ')[0] ?? '';
  return section
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .slice(2)
    .map((l) =>
      l
        .split(/(?<!\\)\|/)
        .slice(1, -1)
        .map((c) => c.trim().replace(/^`|`$/g, '')),
    );
}

/** `report --format md` of the case decision over the other evidence and `source`: what a reader takes from it. */
async function reportOf(source: string) {
  const out = join(dir, `report-${Math.random().toString(36).slice(2)}.md`);
  const { code, err } = await reportWith(source, mappingFile, 'md', out);
  expect(err).toBe('');
  expect(code).toBe(0);
  const markdown = readFileSync(out, 'utf8');
  const scope = /\n## Scope\n\n([\d,]+) decisions?, ([\d,]+) subjects?/.exec(markdown);
  const count = (digits: string | undefined) => Number(digits?.replace(/,/g, ''));
  const suspects = tableUnder(markdown, 'Suspects').map((r) => ({ changeId: r[2], score: Number(r[6]) }));
  return {
    cause: suspects[0]?.changeId,
    affectedDecisions: count(scope?.[1]),
    affectedSubjects: count(scope?.[2]),
    suspects,
    rollback: tableUnder(markdown, 'Remediation').map((r) => r[0]),
  };
}

/** The same, from `investigate --json`. */
async function investigationOf(source: string) {
  const r = await investigateWith(source, mappingFile);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  const suspects = (r.json.suspects as Array<{ changeId: string; score: number }>).map((s) => ({
    changeId: s.changeId,
    score: s.score,
  }));
  return {
    cause: suspects[0]?.changeId,
    affectedDecisions: r.json.scope.affectedDecisions,
    affectedSubjects: r.json.scope.affectedSubjects,
    suspects,
    rollback: (r.json.remediation.rollback as Array<{ changeId: string }>).map((p) => p.changeId),
  };
}

describe('report on a decision log read in place', () => {
  it('reports the cause, scope and suspects investigate prints, from Parquet as from JSON lines', async () => {
    const fromParquet = await reportOf(parquet);
    expect(fromParquet.suspects.length).toBeGreaterThan(0);
    expect(fromParquet.suspects.every((s) => Number.isFinite(s.score))).toBe(true);
    expect(fromParquet.rollback).toContain(fromParquet.cause);
    expect(fromParquet.affectedDecisions).toBe(truth.decisions.affected);
    expect(fromParquet).toEqual(await investigationOf(parquet));
    expect(fromParquet).toEqual(await reportOf(flat));
  }, 180_000);

  it("investigates where the log lives: only the case's decision is read of the model", async () => {
    const git = createGitRunner();
    const loaded = await loadSources([...otherEvidence(), parquet], truth.caseDecisionId, {
      git,
      cacheDir: join(dir, 'data', 'repositories'),
      mapping: FLAT_MAPPING,
      pushDown: true,
    });
    const io = { out: () => undefined, err: (l: string) => expect.fail(l) };
    const inv = await investigateLoaded(loaded, truth.caseDecisionId, undefined, {}, git, io);
    if (typeof inv === 'number') return expect.fail(`exit ${inv}`);
    expect(inv.pushed?.scope.affected).toBe(truth.decisions.affected);
    expect(inv.evidence.set.decisions.map((d) => d.decisionId)).toEqual([truth.caseDecisionId]);
  }, 120_000);
});
