/**
 * The Electron main process (bundled to dist/electron/main.cjs): wires the real Electron API and the
 * services into app-shell.ts.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, session } from 'electron';
import { join } from 'node:path';
import pkg from '../package.json';
import { findAppRoot, moduleDir, rendererIndex, resolveSampleDir } from './app-paths.js';
import { startDesktopApp } from './app-shell.js';
import { createGitRunner } from './services/git-runner.js';
import { createFolderPicker } from './services/folder-picker.js';
import { createFileSaver } from './services/file-saver.js';
import { createFileChooser } from './services/file-chooser.js';
import { createElectronPdfPrinter, PRINT_PARTITION } from './services/electron-pdf.js';
import { createServices, type Services } from './services/services.js';

const here = moduleDir(import.meta.url);
const appRoot = findAppRoot(here);
let services: Services | undefined;

startDesktopApp(
  { app, BrowserWindow, ipcMain, Menu, session, dialog, platform: process.platform },
  {
    appName: pkg.name,
    appVersion: pkg.version,
    preloadPath: join(here, 'preload.cjs'),
    indexPath: rendererIndex(appRoot),
    dataDir: process.env.LINEAGE_INVESTIGATOR_DATA_DIR || undefined,
    createHandlers: (dataDir) =>
      (services = createServices({
        appName: pkg.name,
        appVersion: pkg.version,
        mode: 'electron',
        platform: process.platform,
        sampleDir: resolveSampleDir(appRoot, process.resourcesPath),
        dataDir,
        git: createGitRunner(),
        chooseDirectory: createFolderPicker(dialog),
        saveFile: createFileSaver(dialog),
        chooseFile: createFileChooser(dialog),
        printPdf: createElectronPdfPrinter(BrowserWindow, () => session.fromPartition(PRINT_PARTITION)),
        safeStorage,
      })).handlers,
    closeServices: async () => services?.close(),
  },
).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Lineage Investigator could not start: ${message}`);
  dialog.showErrorBox('Lineage Investigator could not start', message);
  app.exit(1);
});
