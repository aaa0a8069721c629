import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface BuilderConfig {
  appId?: string;
  productName?: string;
  files?: string[];
  extraResources?: { from: string; to: string }[];
  linux?: { target?: string[] };
  mac?: { target?: string[] };
  win?: { target?: string[] };
}

const config = parse(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string; scripts: Record<string, string> };

/** True when an electron-builder `files` glob (only `dir/**` and exact names here) includes `path`. */
const covers = (pattern: string, path: string) =>
  pattern.endsWith('/**') ? path.startsWith(pattern.slice(0, -2)) : pattern === path;

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config.appId).toMatch(/^[a-z0-9.-]+$/);
    expect(config.productName).toBe('Lineage Investigator');
  });

  it('builds AppImage and deb for Linux, dmg for macOS, NSIS for Windows', () => {
    expect(config.linux?.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.mac?.target).toContain('dmg');
    expect(config.win?.target).toContain('nsis');
  });

  it('packages package.json and the main entry it names, with the renderer and the preload', () => {
    const files = config.files ?? [];
    expect(files).toContain('package.json');
    for (const path of [pkg.main, 'dist/electron/preload.cjs', 'dist/renderer/index.html']) {
      expect(
        files.some((pattern) => covers(pattern, path)),
        path,
      ).toBe(true);
    }
  });

  it('ships the built-in sample outside the asar, where Git can clone its bundle', () => {
    expect(config.extraResources).toEqual(
      expect.arrayContaining([expect.objectContaining({ from: 'assets/sample', to: 'assets/sample' })]),
    );
  });

  it('is what npm run dist runs, after the build', () => {
    expect(pkg.scripts.dist).toMatch(/npm run build && electron-builder --config electron-builder\.yml/);
  });
});
