/**
 * `investigate` on real data: the OpenLineage events openlineage-dbt emitted for one `dbt run` of jaffle_shop on
 * Postgres, with that invocation's manifest and run results (fixtures/real/, copied unmodified), inside a Git history,
 * pull requests, deployments and decision logs this test writes around them (real-dbt-world.ts, real-dbt-decisions.ts).
 * Every expectation is derived from what was built — `git rev-parse`, `git log`, the manifest, the real events — never
 * a SHA written by hand.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInvestigateCommand } from './investigate-command.js';
import type { DecisionLog, LogShape } from './real-dbt-decisions.js';
import {
  buildRealDbtWorld,
  manifestModels,
  MODEL_ID,
  REAL_EVENTS,
  realCustomersRun,
  revParse,
  showFile,
  type RealDbtWorld,
} from './real-dbt-world.js';

interface Suspect {
  changeId: string;
  kind: string;
  consistency: { verdict: string; dataTime?: string };
  reach?: string;
  score: number;
}
interface Investigation {
  scope: {
    affectedDecisions: number;
    affectedSubjects: number;
    window: { from: string | null; to: string | null };
    causeReachedData: string | null;
  };
  onset: { seriesBy: string; firstBad: { decisionId: string } | null; lastGood: { decisionId: string } | null };
  versionAtInference: {
    commit?: string;
    deployedCommit?: string;
    path?: string;
    text?: string;
    repository?: string;
    gap?: string;
    explanation?: string;
  };
  trace: { nodes: Array<{ id: string; kind: string; version: string | null }> };
  suspects: Suspect[];
  governance: Array<{ changeId: string; verdict: string; findings: Array<{ ok: boolean; text: string }> }>;
  remediation: {
    lastKnownGood: Array<{ changeId: string; version: string }>;
    rollback: Array<{ changeId: string; rollback: string; previousCommit: string | null }>;
    replay: { runs?: Array<{ job: string; runId: string; time: string }> };
  };
}

const root = mkdtempSync(join(tmpdir(), 'li-real-dbt-'));
process.env.LINEAGE_INVESTIGATOR_DATA_DIR = join(root, 'app-data');
let world: RealDbtWorld;
beforeAll(() => {
  world = buildRealDbtWorld(root);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const iso = (t: string) => new Date(t).toISOString();
const git = (...args: string[]) => execFileSync('git', args, { cwd: world.repository, encoding: 'utf8' }).trim();
const isAncestor = (a: string, b: string) => {
  try {
    git('merge-base', '--is-ancestor', a, b);
    return true;
  } catch {
    return false;
  }
};

/** The history as built, read back from Git (once). */
let read: ReturnType<typeof readHistory> | undefined;
const history = () => (read ??= readHistory());
function readHistory() {
  const rev = (r: string) => revParse(world.repository, r);
  const change = rev('fix/customer-ltv-default');
  return {
    change,
    changeMerge: world.merges[2],
    /** The last commit that changed the model before the change: what ran while the data was good. */
    before: git('log', '-1', '--format=%H', `${change}^`, '--', world.codePath),
    unmergedBranch: rev('experiment/ltv-floor'),
    pullHead: rev('refs/pull/3/head'),
    laterMerge: world.merges[4],
  };
}

/** Runs `investigate` as the CLI does, capturing what it prints. */
async function investigate(log: DecisionLog, decisionId: string) {
  const out: string[] = [];
  const err: string[] = [];
  const sources = [...world.sources, log.path].flatMap((s) => ['--source', s]);
  const code = await runInvestigateCommand([...sources, '--decision', decisionId, '--json'], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, err: err.join('\n'), result: code === 0 ? (JSON.parse(out.join('\n')) as Investigation) : undefined };
}

const cached = new Map<string, ReturnType<typeof investigate>>();
const investigated = (shape: LogShape, decisionId = world.logs[shape].investigated.id) => {
  const key = `${shape}\u0000${decisionId}`;
  if (!cached.has(key)) cached.set(key, investigate(world.logs[shape], decisionId));
  return cached.get(key) as ReturnType<typeof investigate>;
};

describe('the world around the real dbt fixtures', () => {
  it('deployed, in the merge of pull request #2, the very customers.sql whose checksum the real run’s manifest gives', () => {
    const h = history();
    const node = manifestModels().get(MODEL_ID)!;
    expect(world.codePath).toBe(node.original_file_path);
    const deployed = showFile(world.repository, h.changeMerge, world.codePath);
    expect(`sha256:${createHash('sha256').update(deployed).digest('hex')}`).toBe(
      `${node.checksum.name}:${node.checksum.checksum}`,
    );
    expect(showFile(world.repository, h.before, world.codePath)).not.toBe(deployed);
    // merges with two parents, a release tag on the deployed merge, and two commits that never reached main
    expect(git('rev-list', '--parents', '-1', h.changeMerge).split(' ')).toHaveLength(3);
    expect(revParse(world.repository, 'v1.1.0')).toBe(h.changeMerge);
    for (const never of [h.unmergedBranch, h.pullHead]) {
      expect(git('diff', '--name-only', `${never}^`, never)).toBe(world.codePath);
      expect(isAncestor(never, 'main')).toBe(false);
    }
    // The events name no repository: the job's file comes from the manifest, its repository from the deployments.
    expect(readFileSync(REAL_EVENTS, 'utf8')).not.toContain('sourceCodeLocation');
    expect(git('remote', 'get-url', 'origin')).toMatch(/jaffle_shop/);
  });
});

describe.each<LogShape>(['feature-version', 'dataset-version', 'neither'])(
  'investigate a refused offer on the real dbt run (decision log with %s)',
  (shape) => {
    it('imports every input without a rejection', async () => {
      const { code, err } = await investigated(shape);
      expect(err).toBe('');
      expect(code).toBe(0);
    });

    it('names the deployed merge as the version at inference, and the change to the model in it', async () => {
      const { result } = await investigated(shape);
      const h = history();
      expect(result?.versionAtInference).toMatchObject({
        commit: h.change,
        deployedCommit: h.changeMerge,
        path: world.codePath,
        repository: 'jaffle_shop',
      });
      // the production deployment that put the merge there, before the real run
      expect(result?.versionAtInference.text).toContain(`deployed by ${world.deployments.changeProduction} at`);
      // the run's job version is the manifest checksum: the content of the file in the deployed commit
      const job = result?.trace.nodes.find((n) => n.id === world.job);
      const deployed = showFile(world.repository, h.changeMerge, world.codePath);
      expect(job?.version).toBe(`checksum:sha256:${createHash('sha256').update(deployed).digest('hex')}`);
    });

    it('ranks the deployed change first; a commit that never merged is at most a candidate that never ran', async () => {
      const { result } = await investigated(shape);
      const h = history();
      const suspects = result?.suspects ?? [];
      expect(suspects[0]).toMatchObject({
        changeId: h.change,
        kind: 'commit',
        consistency: { verdict: 'inside', dataTime: iso(world.realRunTime) },
        reach: 'default-branch',
      });
      for (const [sha, reach] of [
        [h.unmergedBranch, 'other-branch'],
        [h.pullHead, 'pull-request'],
      ] as const) {
        expect([result?.versionAtInference.commit, result?.versionAtInference.deployedCommit]).not.toContain(sha);
        const listed = suspects.find((s) => s.changeId === sha);
        if (listed) expect(listed).toMatchObject({ consistency: { verdict: 'never-ran' }, reach });
      }
      const gov = result?.governance.find((g) => g.changeId === h.change);
      expect(gov?.verdict).toBe('compliant');
      const findings = gov?.findings.map((f) => f.text).join('\n');
      expect(findings).toContain(`Pull request #2 approved by bob`);
      const { changeStaging, changeProduction } = world.deployments;
      expect(findings).toContain(`(${changeStaging}) before production (${changeProduction})`);
    });

    it('scopes the decisions that read the data the changed model wrote, and plans the rollback', async () => {
      const { result } = await investigated(shape);
      const h = history();
      const log = world.logs[shape];
      const after = log.decisions.filter((d) => d.afterChange);
      const before = log.decisions.filter((d) => !d.afterChange);
      expect(result?.scope).toMatchObject({
        affectedDecisions: after.length,
        affectedSubjects: new Set(after.map((d) => d.subject)).size,
        window: { from: after[0]?.timestamp, to: after.at(-1)?.timestamp },
        causeReachedData: iso(world.realRunTime),
      });
      expect(result?.onset).toMatchObject({
        seriesBy: { 'feature-version': 'feature_version', 'dataset-version': 'dataset_version', neither: 'run' }[shape],
        firstBad: { decisionId: after[0]?.id },
        lastGood: { decisionId: before.at(-1)?.id },
      });
      expect(result?.remediation.lastKnownGood[0]).toMatchObject({ changeId: h.change, version: h.before });
      expect(result?.remediation.rollback[0]).toMatchObject({ changeId: h.change, previousCommit: h.before });
      expect(result?.remediation.rollback[0]?.rollback).toContain(`git revert -m 1 ${h.changeMerge}`);
      expect(result?.remediation.replay.runs).toEqual([
        { job: world.job, runId: realCustomersRun().run.runId, time: iso(world.realRunTime) },
      ]);
    });
  },
);

/** The first refused decision after the later deployment (pull request #4's merge, README only) to production. */
function lateDecision() {
  const deployments = readFileSync(
    world.sources.find((s) => s.endsWith('deployments.jsonl'))!,
    'utf8',
  )
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string; timestamp: string; commit: string });
  const later = deployments.find((d) => d.id === world.deployments.later)!;
  expect(later.commit).toBe(history().laterMerge);
  return world.logs['feature-version'].decisions.find((d) => d.refused && d.timestamp > later.timestamp)!;
}

describe('a decision after a later deployment, and an open pull request', () => {
  it('has the cases below: a decision after the later deployment reading the real run, the open pull request judged', async () => {
    const { result } = await investigated('feature-version', lateDecision().id);
    const read = result?.trace.nodes.find((n) => n.id === `${world.dataset.namespace}:${world.dataset.name}`);
    expect(read?.version).toBe(realCustomersRun().run.runId);
    expect(result?.versionAtInference.commit).toBe(history().change);
    const open = (await investigated('feature-version')).result;
    expect(open?.governance.some((g) => g.changeId === history().pullHead)).toBe(true);
  });

  // A decision after the README-only merge of pull request #4 was deployed (dep-6), still reading the table the real
  // run wrote the day before, under dep-4. Version at inference is what production ran at the decision's time (issue
  // 11: the code at the job's path in the commit of the last successful deployment before it): dep-6's commit, whose
  // code for the job is still the change dep-4 shipped — a deployment that did not touch the job's path is no new
  // version of the job.
  it('names what production ran at the decision: the later deployment, with the job code it did not change', async () => {
    const { result } = await investigated('feature-version', lateDecision().id);
    const h = history();
    expect(result?.versionAtInference.deployedCommit).toBe(h.laterMerge);
    expect(result?.versionAtInference.commit).toBe(h.change);
    expect(result?.versionAtInference.text).toContain(`deployed by ${world.deployments.later} at`);
  });

  // Pull request #3 is open (merged_at null, no merge commit): its head is a candidate, and no finding may call it
  // merged.
  it('does not say a pull request that was never merged was merged', async () => {
    const { result } = await investigated('feature-version');
    const gov = result?.governance.find((g) => g.changeId === history().pullHead);
    for (const f of gov?.findings ?? []) expect(f.text).not.toMatch(/#3 was merged/);
  });
});
