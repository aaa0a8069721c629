import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { createGitRunner } from '../services/git-runner.js';
import { loadEvidence } from './load-evidence.js';

const cacheDir = mkdtempSync(join(tmpdir(), 'li-load-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('loadEvidence', () => {
  it('reads the sample folder: files by content, the git bundle as history', async () => {
    const { loaded, problems, set } = await loadEvidence(['assets/sample'], { git: createGitRunner(), cacheDir });
    expect(problems).toEqual([]);
    const kinds = Object.fromEntries(loaded.map((l) => [l.file.name, l.result.detected]));
    expect(kinds['pipeline-config']).toBe('git-log');
    expect(kinds['decisions.jsonl']).toBe('decision-log');
    expect(set.commits.length).toBeGreaterThan(50);
    expect(set.decisions.length).toBeGreaterThan(1000);
  });

  it('reads real fixtures recursively and names a missing path as a problem', async () => {
    const missing = join(cacheDir, 'nope.json');
    const { loaded, problems } = await loadEvidence([realFixture('openlineage/marquez_event_full.json'), missing], {
      git: createGitRunner(),
      cacheDir,
    });
    expect(loaded.map((l) => l.result.detected)).toEqual(['openlineage']);
    expect(problems).toEqual([{ path: missing, reason: 'cannot read: ENOENT' }]);
  });

  it('lists files that are not evidence as skipped, apart from the loaded ones', async () => {
    const { loaded, skipped } = await loadEvidence([realFixture('tracking-plans')], {
      git: createGitRunner(),
      cacheDir,
    });
    expect(skipped.map((s) => [s.name, s.reason])).toEqual([
      ['SOURCES.md', 'Markdown documentation (first line: "# Sources — tracking-plans"), not evidence'],
    ]);
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.map((l) => l.file.name)).not.toContain('SOURCES.md');
    expect(loaded.every((l) => l.result.detected === 'tracking-plan')).toBe(true);
  });

  it('reads a folder that is not a Git repository as plain files', async () => {
    const dir = mkdtempSync(join(cacheDir, 'plain-'));
    writeFileSync(
      join(dir, 'a.jsonl'),
      '{"id":"dep-1","timestamp":"2026-01-01T00:00:00Z","environment":"production","commit":"abcdef1"}\n',
    );
    const { loaded } = await loadEvidence([dir], { git: createGitRunner(), cacheDir });
    expect(loaded.map((l) => [l.file.name, l.result.detected])).toEqual([['a.jsonl', 'deployments']]);
  });
});
