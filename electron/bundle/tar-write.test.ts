import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { tarFolder, tarHeader } from './tar-write.js';

const work = mkdtempSync(join(tmpdir(), 'li-tar-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('tarFolder', () => {
  it('packs a folder that the system tar unpacks byte for byte, long paths included', async () => {
    const src = join(work, 'bag');
    const deep = `data/${'excerpts-of-a-source-with-a-long-name/'.repeat(3)}`;
    mkdirSync(join(src, deep), { recursive: true });
    const fixtures = realFixture('openlineage');
    const real = readFileSync(join(fixtures, firstFile(fixtures)));
    writeFileSync(join(src, 'bagit.txt'), 'BagIt-Version: 1.0\n');
    writeFileSync(join(src, deep, 'events.ndjson'), real);
    writeFileSync(join(src, 'empty.txt'), '');
    const archive = await tarFolder(src, 'bag-1');
    expect(archive.length % 512).toBe(0);
    const tarFile = join(work, 'bag.tar');
    writeFileSync(tarFile, archive);
    const out = join(work, 'out');
    mkdirSync(out);
    execFileSync('tar', ['-xf', tarFile, '-C', out]);
    expect(readFileSync(join(out, 'bag-1', deep, 'events.ndjson')).equals(real)).toBe(true);
    expect(readFileSync(join(out, 'bag-1', 'bagit.txt'), 'utf8')).toBe('BagIt-Version: 1.0\n');
    expect(readFileSync(join(out, 'bag-1', 'empty.txt')).length).toBe(0);
  });

  it('refuses a path that fits no ustar field, naming it', () => {
    const path = `${'x'.repeat(160)}/${'y'.repeat(101)}`;
    expect(() => tarHeader(path, 0, new Date())).toThrow(path);
  });
});

function firstFile(dir: string): string {
  return execFileSync('find', [dir, '-type', 'f', '-size', '+1k'], { encoding: 'utf8' })
    .trim()
    .split('\n')[0]!
    .slice(dir.length + 1);
}
