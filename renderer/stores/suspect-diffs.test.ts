/* eslint-disable no-restricted-imports -- a Node-side unit test compares the app's ranking with the CLI's on the sample */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEngine } from '../../shared/analysis/engine';
import { readDiffs } from '../../electron/cli/suspect-diffs';
import { createGitRunner } from '../../electron/services/git-runner';
import { loadEvidence } from '../../electron/sources/load-evidence';
import { changedLines, diffOfCache, readSuspectDiffs, type ShowFile } from './suspect-diffs';

describe('changedLines', () => {
  it('lists the removed and added lines, as git show --unified=0 does', () => {
    const before = 'select\n  when ltv >= 300\n  then true\n';
    const after = 'select\n  when ltv >= 30000\n  then true\n';
    expect(changedLines(before, after)).toBe('-  when ltv >= 300\n+  when ltv >= 30000');
    expect(changedLines(null, 'a\nb\n')).toBe('+a\n+b');
  });
});

describe('readSuspectDiffs', () => {
  it('ranks the sample the way the CLI does once the diffs are read through git:show', async () => {
    const git = createGitRunner();
    const loaded = await loadEvidence(['assets/sample'], { git, cacheDir: mkdtempSync(join(tmpdir(), 'diffs-')) });
    const { set } = loaded;
    const decision = set.decisions.find((d) => d.features.length > 0 && d.action)!;
    const latest = set.decisions[set.decisions.length - 1]!;
    const chosen = latest.features.length > 0 ? latest : decision;
    const feature = chosen.features[0]!.name;
    const folder = [...loaded.repositories.values()][0]!;
    const show: ShowFile = async (_repository, commit, path) =>
      (await git(['show', `${commit}:${path}`], { cwd: folder })).stdout;

    const first = runEngine(set, chosen, feature);
    const commits = first.suspects.suspects.filter((s) => s.kind === 'commit');
    expect(commits.length).toBeGreaterThan(0);
    expect(commits[0]!.reasons.find((r) => r.term === 'touched field')?.note).toMatch(/diff is not available/);

    const cache = await readSuspectDiffs(set, first.suspects.suspects, new Map(), show);
    const app = runEngine(set, chosen, feature, { diffOf: diffOfCache(cache) });
    const cliDiffs = await readDiffs(
      git,
      commits.map((s) => set.commits.find((c) => c.sha === s.id)!),
      loaded.repositories,
    );
    const cli = runEngine(set, chosen, feature, { diffOf: cliDiffs });
    const scores = (r: typeof app) => r.suspects.suspects.map((s) => [s.id, s.score]);
    expect(scores(app)).toEqual(scores(cli));
    expect(app.suspects.suspects.some((s) => s.reasons.some((r) => /changed words name/.test(r.note)))).toBe(true);
    // Nothing missing: the same cache comes back, so the store does not rank again.
    expect(await readSuspectDiffs(set, app.suspects.suspects, cache, show)).toBe(cache);
  }, 60_000);
});
