import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { findElectronBinary } from './electron-binary.js';

const root = '/app';
const pkg = join(root, 'node_modules', 'electron');
const probe = (files: Record<string, string>) => ({
  exists: (path: string) => path in files,
  readText: (path: string) => files[path] ?? '',
});

describe('findElectronBinary', () => {
  it('finds the binary named by path.txt under dist/', () => {
    const files = { [join(pkg, 'path.txt')]: 'electron\n', [join(pkg, 'dist', 'electron')]: '' };
    expect(findElectronBinary(root, probe(files))).toBe(join(pkg, 'dist', 'electron'));
  });

  it('is null when the package was installed without its binary (offline)', () => {
    expect(findElectronBinary(root, probe({}))).toBeNull();
    expect(findElectronBinary(root, probe({ [join(pkg, 'path.txt')]: 'electron' }))).toBeNull();
  });
});
