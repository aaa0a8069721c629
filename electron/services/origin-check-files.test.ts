import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { parseRequest } from '../../shared/ipc/contract.js';
import { createFileOriginApi, createPreloadApi } from '../preload-api.js';
import { createGitRunner } from './git-runner.js';
import { NO_PATHS_IN_WEB_MODE, PathNotAllowedError } from './origin-check.js';
import { createServices } from './services.js';
import { dispatch } from './dispatch.js';

const REAL_CSV = realFixture('inference/nannyml/nannyml_california_housing_analysis.csv');
const root = mkdtempSync(join(tmpdir(), 'li-origin-files-'));
const dropped = join(root, 'downloads');
const dataDir = join(root, 'data');
const droppedCsv = join(dropped, 'housing.csv');
const neighbour = join(dropped, 'neighbour.csv');
const bytes = readFileSync(REAL_CSV);
const realSha = createHash('sha256').update(bytes).digest('hex');

const servicesIn = (mode: 'electron' | 'web') =>
  createServices({
    appName: 'li',
    appVersion: '0',
    mode,
    platform: process.platform,
    sampleDir: join(root, 'sample'),
    dataDir,
    git: createGitRunner(),
  }).handlers;

beforeAll(() => {
  mkdirSync(dropped, { recursive: true });
  mkdirSync(join(root, 'sample'), { recursive: true });
  // Written, not copied: the fixtures are read-only and the test changes one.
  writeFileSync(droppedCsv, bytes);
  writeFileSync(neighbour, bytes);
  symlinkSync(neighbour, join(dropped, 'link.csv'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('files the user dropped or picked in the desktop app', () => {
  it('are re-hashed once registered, and only they: not their folder, neighbours or links to neighbours', async () => {
    const handlers = servicesIn('electron');
    await expect(handlers['origin:sha256']({ path: droppedCsv })).rejects.toThrow(PathNotAllowedError);
    expect(await handlers['origin:register']({ path: droppedCsv, size: bytes.length })).toEqual({ registered: true });
    expect(await handlers['origin:sha256']({ path: droppedCsv })).toEqual({ sha256: realSha });
    for (const path of [neighbour, join(dropped, 'link.csv'), dropped, `${droppedCsv}/../neighbour.csv`])
      await expect(handlers['origin:sha256']({ path })).rejects.toThrow(PathNotAllowedError);
  });

  it('stay allowed after a restart (kept in the data folder), and a changed file gives its new hash', async () => {
    const restarted = servicesIn('electron');
    writeFileSync(droppedCsv, Buffer.concat([bytes, Buffer.from('1,2,3\n')]));
    const now = await restarted['origin:sha256']({ path: droppedCsv });
    expect(now.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(now.sha256).not.toBe(realSha);
    expect(JSON.parse(readFileSync(join(dataDir, 'origin-files.json'), 'utf8'))).toEqual([droppedCsv]);
  });

  it('are refused when the file on disk is not the size of the one provided, or is not a file', async () => {
    const handlers = servicesIn('electron');
    const wrongSize = await handlers['origin:register']({ path: neighbour, size: bytes.length + 1 });
    expect(wrongSize).toEqual({
      registered: false,
      reason: expect.stringMatching(/neighbour\.csv: \d+ bytes on disk/),
    });
    expect((await handlers['origin:register']({ path: dropped, size: 0 })).reason).toMatch(/not a regular file/);
    expect((await handlers['origin:register']({ path: join(dropped, 'gone.csv'), size: 1 })).reason).toMatch(
      /gone\.csv: no such file/,
    );
    await expect(handlers['origin:sha256']({ path: neighbour })).rejects.toThrow(PathNotAllowedError);
    expect(() => parseRequest('origin:register', { path: 'housing.csv', size: 1 })).toThrow(/an absolute path/);
  });

  it('cannot be registered in web mode, where a browser gives no paths', async () => {
    const web = servicesIn('web');
    expect(await web['origin:register']({ path: neighbour, size: bytes.length })).toEqual({
      registered: false,
      reason: NO_PATHS_IN_WEB_MODE,
    });
    await expect(web['origin:sha256']({ path: droppedCsv })).rejects.toThrow(PathNotAllowedError);
  });
});

describe('the preload', () => {
  it('registers the path Electron gives for a dropped file, and nothing for a file made in memory', async () => {
    const handlers = servicesIn('electron');
    const onDisk = new File([bytes], 'neighbour.csv');
    const inMemory = new File(['a,b\n'], 'made.csv');
    const paths = new Map<File, string>([[onDisk, neighbour]]);
    const origins = createFileOriginApi(
      (file) => paths.get(file) ?? '',
      (channel, request) => dispatch(handlers, channel, request),
    );
    expect(await origins.register(onDisk)).toBe(neighbour);
    expect(await origins.register(inMemory)).toBeNull();
    expect((await handlers['origin:sha256']({ path: neighbour })).sha256).toBe(realSha);
  });

  it('does not let the page send origin:register through window.api with a path of its own', async () => {
    const sent: string[] = [];
    const api = createPreloadApi(async (channel) => (sent.push(channel), { registered: true }));
    await expect(api.invoke('origin:register', { path: '/etc/passwd', size: 0 })).rejects.toThrow(/preload only/);
    expect(sent).toEqual([]);
  });
});
