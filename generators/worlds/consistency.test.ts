import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commitsOf, jsonLines, removeTempWorlds, tempWorld, type WrittenWorld } from './test-support.js';

afterAll(removeTempWorlds);

const SHA = /^[0-9a-f]{40}$/;

function lineageRunIds(world: WrittenWorld): Set<string> {
  const ids = new Set<string>();
  for (const input of world.truth.inputs.filter((i) => i.endsWith('.ndjson'))) {
    for (const e of jsonLines(world, input)) ids.add((e.run as { runId: string }).runId);
  }
  return ids;
}

// Seeds chosen to cover every cause kind and variant family, both repository forms and one to three repositories.
const SEEDS = [1, 2, 3, 5, 7, 10, 11, 13, 23, 25, 26, 44, 49, 58, 66, 80, 83, 103];

describe.each(SEEDS)('world %i is consistent with its truth', (seed) => {
  let world: WrittenWorld;

  it('writes its inputs and truth.json', async () => {
    world = await tempWorld(seed);
    expect(existsSync(join(world.dir, 'truth.json'))).toBe(true);
    for (const input of world.truth.inputs) expect(existsSync(join(world.dir, input)), input).toBe(true);
    expect(world.truth.inputs).not.toContain('truth.json');
  }, 60_000);

  it("names the cause by ids that exist in the world's files", () => {
    const commits = new Set(
      world.truth.inputs.filter((i) => i.startsWith('repos/')).flatMap((i) => [...commitsOf(world, i)]),
    );
    const deployments = new Set(jsonLines(world, 'deployments.jsonl').map((d) => d.id));
    const audit = new Set(jsonLines(world, 'audit-log.jsonl').map((a) => a.id));
    const runs = lineageRunIds(world);
    expect(world.truth.cause.ids.length).toBeGreaterThan(0);
    for (const id of [...world.truth.cause.ids, ...world.truth.cause.fixIds]) {
      const found = SHA.test(id) ? commits.has(id) : deployments.has(id) || audit.has(id) || runs.has(id);
      expect(found, `${world.truth.cause.kind}: ${id}`).toBe(true);
    }
  });

  it('has its case and blast radius among the decisions', () => {
    const decisions = jsonLines(world, 'decisions.jsonl');
    const byId = new Map(decisions.map((d) => [d.decision_id as string, d]));
    const { blastRadius: radius, case: theCase } = world.truth;
    expect(radius.decisionIds).toContain(theCase.decisionId);
    expect(radius.decisions).toBe(radius.decisionIds.length);
    for (const id of radius.decisionIds) expect(byId.has(id), id).toBe(true);
    expect(radius.throughDecision).toBeLessThanOrEqual(radius.decisions);
    expect(new Set(radius.decisionIds.map((id) => byId.get(id)!.subject_id)).size).toBe(radius.subjects);
    const features = byId.get(theCase.decisionId)!.features as Array<{ name: string }>;
    expect(features.map((f) => f.name)).toContain(theCase.featureName);
    expect(Date.parse(radius.from)).toBeGreaterThanOrEqual(Date.parse(radius.effectiveFrom));
    if (radius.to) expect(Date.parse(radius.to)).toBeLessThan(Date.parse(radius.recoveredAt!));
  });

  it('deploys only commits its repositories hold, and the version at inference is one of them', () => {
    const repos = world.truth.inputs.filter((i) => i.startsWith('repos/'));
    const commits = new Set(repos.flatMap((i) => [...commitsOf(world, i)]));
    const deployments = jsonLines(world, 'deployments.jsonl');
    for (const d of deployments) expect(commits.has(d.commit as string), d.id as string).toBe(true);
    const v = world.truth.versionAtInference;
    expect(deployments.some((d) => d.commit === v.deployedCommit && d.environment === 'production')).toBe(true);
    expect(commits.has(v.codeCommit!)).toBe(true);
    const prs = JSON.parse(readFileSync(join(world.dir, 'pull-requests.json'), 'utf8')) as Array<{
      merge_commit_sha: string | null;
    }>;
    for (const pr of prs) if (pr.merge_commit_sha) expect(commits.has(pr.merge_commit_sha)).toBe(true);
  });
});
