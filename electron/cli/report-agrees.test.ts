/**
 * `report` and `investigate` make the same engine call: on the sample, the report's suspects (ids, order and
 * scores, the diffs read through Git included) are exactly those `investigate --json` prints.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport } from '../bundle/build-report.js';
import { createGitRunner } from '../services/git-runner.js';
import { loadEvidence } from '../sources/load-evidence.js';
import { runInvestigateCommand } from './investigate-command.js';
import { suspectDiffs } from './suspect-diffs.js';

const truth = JSON.parse(readFileSync('assets/sample/ground-truth.json', 'utf8'));
const dataDir = mkdtempSync(join(tmpdir(), 'li-agree-'));
process.env.LINEAGE_INVESTIGATOR_DATA_DIR = dataDir;
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('report and investigate agree', () => {
  it('rank the same suspects with the same scores', async () => {
    const out: string[] = [];
    const code = await runInvestigateCommand(
      ['--source', 'assets/sample', '--decision', truth.caseDecisionId, '--json'],
      { out: (l) => out.push(l), err: () => undefined },
    );
    expect(code).toBe(0);
    const printed = JSON.parse(out.join('\n')).suspects as Array<{ changeId: string; score: number }>;

    const git = createGitRunner();
    const loaded = await loadEvidence(['assets/sample'], { git, cacheDir: join(dataDir, 'repositories') });
    const decision = loaded.set.decisions.find((d) => d.decisionId === truth.caseDecisionId)!;
    const feature = decision.features[0]!.name;
    const diffOf = await suspectDiffs(loaded.set, decision, feature, {}, git, loaded.repositories);
    const built = await buildReport(loaded.set, {
      decisionId: decision.decisionId,
      featureName: feature,
      sourceNames: loaded.sourceNames,
      generator: 'test',
      timeZone: 'UTC',
      now: new Date('2026-12-01T00:00:00Z'),
      diffOf,
    });
    const reported = built.investigation.engine!.suspects.suspects.map((s) => ({ changeId: s.id, score: s.score }));
    expect(reported).toEqual(printed.map((s) => ({ changeId: s.changeId, score: s.score })));
    expect(reported[0]?.changeId).toBe(truth.plantedCommit);
    // The touched-field term read the diff (the planted change names the traced field).
    const top = built.investigation.engine!.suspects.suspects[0]!;
    expect(top.reasons.find((r) => r.term === 'touched field')?.value).toBe(1);
    expect(built.investigation.scope.decisions).toBe(truth.decisions.affected);
  });
});
