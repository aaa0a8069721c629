import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary } from '../electron/launcher/electron-binary';

/**
 * The real Electron shell on the built app (dist/electron/main.cjs). The `electron` package installs without
 * its binary and downloads it on first use; where it could not (offline build machines) this spec is skipped.
 */
const binary = findElectronBinary(process.cwd());

test.describe('Electron shell', () => {
  test.skip(!binary, 'no Electron binary (cannot be downloaded here)');

  let app: ElectronApplication | undefined;
  let dataDir = '';

  test.beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'li-electron-'));
    // Chromium refuses to run as root with its sandbox (containers, CI).
    const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    app = await electron.launch({
      executablePath: binary as string,
      args: [...rootArgs, 'dist/electron/main.cjs'],
      env: { ...process.env, LINEAGE_INVESTIGATOR_DATA_DIR: dataDir },
    });
  });

  test.afterEach(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('opens the window on the case list, isolated from Node', async () => {
    const page = await (app as ElectronApplication).firstWindow();
    await expect(page).toHaveTitle(/Lineage Investigator/);
    await expect(page.getByText(/open the sample investigation/i).first()).toBeVisible();

    const isolation = await page.evaluate(() => {
      const scope = globalThis as unknown as { require?: unknown; process?: unknown; api?: { invoke?: unknown } };
      return { require: typeof scope.require, process: typeof scope.process, invoke: typeof scope.api?.invoke };
    });
    expect(isolation).toEqual({ require: 'undefined', process: 'undefined', invoke: 'function' });

    const info = await page.evaluate(() => {
      const scope = globalThis as unknown as { api: { invoke(channel: string, request: unknown): Promise<unknown> } };
      return scope.api.invoke('app:info', {});
    });
    expect(info).toMatchObject({ name: 'lineage-investigator', mode: 'electron' });
  });
});
