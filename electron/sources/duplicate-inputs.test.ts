import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EvidenceRecord } from '../../shared/model/records.js';
import { createGitRunner } from '../services/git-runner.js';
import { importInputs } from './import-inputs.js';

const work = mkdtempSync(join(tmpdir(), 'li-duplicates-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const options = { git: createGitRunner(), cacheDir: join(work, 'cache') };

const deployment = (id: string) =>
  `{"id":"${id}","timestamp":"2026-01-01T00:00:00Z","environment":"prod","commit":"abcdef1"}\n`;

async function read(paths: string[]) {
  const records: EvidenceRecord[] = [];
  const result = await importInputs(paths, { ...options, onRecords: (r) => records.push(...r) });
  return { ...result, records };
}

describe('inputs are identified by SHA-256 and real path: nothing is read twice', () => {
  it('reads a file, its copy and a link to it once, naming the others as duplicates', async () => {
    const dir = mkdtempSync(join(work, 'folder-'));
    writeFileSync(join(dir, 'deployments.jsonl'), deployment('dep-1') + deployment('dep-2'));
    copyFileSync(join(dir, 'deployments.jsonl'), join(dir, 'copy.jsonl'));
    symlinkSync('deployments.jsonl', join(dir, 'a-link.jsonl'));
    const { imported, duplicates, problems, records } = await read([dir, join(dir, 'deployments.jsonl')]);
    expect(problems).toEqual([]);
    expect(records).toHaveLength(2);
    expect(imported).toHaveLength(1);
    const first = imported[0]!.path;
    const given = ['a-link.jsonl', 'copy.jsonl', 'deployments.jsonl', 'deployments.jsonl'].map((f) => join(dir, f));
    expect([first, ...duplicates.map((d) => d.path)].sort()).toEqual(given);
    const of = new Map(duplicates.map((d) => [d.path, d.duplicateOf]));
    for (const d of duplicates) {
      // A link names the file it leads to; that file, when a copy, names the one read.
      expect([d.duplicateOf, of.get(d.duplicateOf)]).toContain(first);
      expect(d.reason).toMatch(/^the same (file|bytes, SHA-256 [0-9a-f]{64})$/);
    }
  });

  it('follows a link to a folder once: a second link to it, or the folder itself, is a duplicate', async () => {
    const outside = mkdtempSync(join(work, 'outside-'));
    writeFileSync(join(outside, 'deployments.jsonl'), deployment('dep-9'));
    const dir = mkdtempSync(join(work, 'links-'));
    symlinkSync(outside, join(dir, 'one'));
    symlinkSync(outside, join(dir, 'two'));
    const { imported, duplicates, records } = await read([dir, outside]);
    expect(records).toHaveLength(1);
    expect(imported.map((i) => i.path)).toEqual([join(dir, 'one', 'deployments.jsonl')]);
    expect(duplicates).toEqual([
      { path: join(dir, 'two'), duplicateOf: join(dir, 'one'), reason: 'the same file' },
      { path: outside, duplicateOf: join(dir, 'one'), reason: 'the same file' },
    ]);
  });

  it('refuses a link loop, a FIFO and a device with their paths, and ends', async () => {
    const dir = mkdtempSync(join(work, 'hostile-'));
    writeFileSync(join(dir, 'deployments.jsonl'), deployment('dep-1'));
    mkdirSync(join(dir, 'sub'));
    symlinkSync('..', join(dir, 'sub', 'up'));
    symlinkSync('self', join(dir, 'self'));
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    symlinkSync('/dev/zero', join(dir, 'zero'));
    const { imported, problems, records } = await read([dir, '/dev/null']);
    expect(imported.map((i) => i.path)).toEqual([join(dir, 'deployments.jsonl')]);
    expect(records).toHaveLength(1);
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: join(dir, 'pipe'), reason: 'a FIFO (named pipe), not a file or folder: not read' },
        { path: join(dir, 'zero'), reason: 'a character device, not a file or folder: not read' },
        { path: '/dev/null', reason: 'a character device, not a file or folder: not read' },
        { path: join(dir, 'self'), reason: 'a symbolic link loop: not followed' },
        {
          path: join(dir, 'sub', 'up'),
          reason: expect.stringMatching(/^a symbolic link loop: leads back to .*, which is being read; not followed$/),
        },
      ]),
    );
    expect(problems).toHaveLength(5);
  }, 20_000);
});
