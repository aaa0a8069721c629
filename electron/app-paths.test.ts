import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, findAppRoot, moduleDir, resolveSampleDir } from './app-paths.js';

describe('findAppRoot', () => {
  it('finds the package root from the sources and from the bundles', () => {
    const root = findAppRoot(moduleDir(import.meta.url));
    expect(root).toBe(process.cwd());
    expect(findAppRoot(join(root, 'dist', 'electron'))).toBe(root);
  });

  it('finds package.json at the root of an asar archive', () => {
    const asar = '/opt/Lineage Investigator/resources/app.asar';
    expect(findAppRoot(join(asar, 'dist', 'electron'), (p) => p === join(asar, 'package.json'))).toBe(asar);
  });
});

describe('resolveSampleDir', () => {
  it('uses assets/sample beside package.json in development', () => {
    expect(resolveSampleDir('/repo', undefined, (p) => p === '/repo/assets/sample/case.json')).toBe(
      '/repo/assets/sample',
    );
  });

  it("uses the packaged app's resources, outside the asar, when packaged", () => {
    const resources = '/opt/app/resources';
    const found = resolveSampleDir(join(resources, 'app.asar'), resources, (p) => p.startsWith(resources + '/assets'));
    expect(found).toBe(join(resources, 'assets', 'sample'));
  });
});

describe('defaultDataDir', () => {
  it('honours LINEAGE_INVESTIGATOR_DATA_DIR, else follows each platform', () => {
    expect(defaultDataDir({ LINEAGE_INVESTIGATOR_DATA_DIR: '/tmp/x' }, 'linux', '/home/a')).toBe('/tmp/x');
    expect(defaultDataDir({}, 'linux', '/home/a')).toBe('/home/a/.config/lineage-investigator');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/a')).toBe('/cfg/lineage-investigator');
    expect(defaultDataDir({}, 'darwin', '/Users/a')).toBe('/Users/a/Library/Application Support/lineage-investigator');
  });
});
