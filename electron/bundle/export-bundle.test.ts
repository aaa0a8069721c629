import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../shared/case/case-types.js';
import { exportBundle, type BundleInput } from './export-bundle.js';

const work = mkdtempSync(join(tmpdir(), 'li-export-bundle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const source = join(work, 'decisions.jsonl');
writeFileSync(source, '{"decision_id":"d-1"}\n');
const input = (outDir: string, more: Partial<BundleInput> = {}): BundleInput => ({
  outDir,
  reportHtml: '<!doctype html>',
  reportMarkdown: '# report',
  reportHash: '0'.repeat(64),
  record: { case: { id: 'case-1', title: 'A case' }, activity: [] } as unknown as CaseRecord,
  sources: [{ name: 'decisions.jsonl', sha256: 'a'.repeat(64), path: source, records: 1 }],
  cited: [],
  include: 'files',
  agent: 'test',
  ...more,
});
const leftovers = (parent: string) => readdirSync(parent).filter((n) => n.includes('.partial-'));

describe('a bundle is written aside and renamed into place when complete', () => {
  it('is absent from its folder until complete: the folder appears whole, with no temporary folder left', async () => {
    const parent = join(work, 'a');
    mkdirSync(parent);
    const out = join(parent, 'bag');
    let seen: { outExists: boolean; files: string[] } | undefined;
    const bag = await exportBundle(
      input(out, {
        beforeRename: async (temp) => {
          seen = { outExists: existsSync(out), files: readdirSync(temp).sort() };
        },
      }),
    );
    expect(seen).toEqual({
      outExists: false,
      files: ['bag-info.txt', 'bagit.txt', 'data', 'manifest-sha256.txt', 'tagmanifest-sha256.txt'],
    });
    expect(bag.dir).toBe(out);
    expect(readdirSync(out)).toContain('tagmanifest-sha256.txt');
    expect(leftovers(parent)).toEqual([]);
  });

  it('leaves nothing behind when it fails before completing, and fills an empty folder given', async () => {
    const parent = join(work, 'b');
    mkdirSync(parent);
    const out = join(parent, 'bag');
    await expect(
      exportBundle(input(out, { beforeRename: () => Promise.reject(new Error('the bag does not verify')) })),
    ).rejects.toThrow('the bag does not verify');
    expect(existsSync(out)).toBe(false);
    expect(leftovers(parent)).toEqual([]);
    const missing = input(out, { sources: [{ name: 'x', sha256: 'b'.repeat(64), path: parent, records: 1 }] });
    mkdirSync(out);
    await exportBundle(missing);
    expect(readdirSync(out)).toContain('bagit.txt');
  });

  it('refuses a folder that is not empty, before writing anything', async () => {
    const out = join(work, 'full');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'mine');
    await expect(exportBundle(input(out))).rejects.toThrow(`${out}: the bundle's folder must be new or empty.`);
    expect(readdirSync(out)).toEqual(['keep.txt']);
    expect(leftovers(work)).toEqual([]);
  });
});
