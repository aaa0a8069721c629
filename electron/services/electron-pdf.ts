/**
 * The Electron side of `report:pdf`: prints the report's HTML with `webContents.printToPDF` in a hidden,
 * offscreen window with JavaScript off (the report has no scripts), honouring the report's `@page` CSS.
 * The HTML goes through a temporary file: a data: URL caps the report's size.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The part of a BrowserWindow the printer uses. */
export type PrintWindow = Pick<BrowserWindow, 'loadFile' | 'destroy'> & {
  readonly webContents: Pick<BrowserWindow['webContents'], 'printToPDF'>;
};

export type PrintWindowConstructor = new (options: BrowserWindowConstructorOptions) => PrintWindow;

/** The hidden window's options: offscreen, sandboxed, no Node, no scripts. */
export const PRINT_WINDOW_OPTIONS: BrowserWindowConstructorOptions = {
  show: false,
  width: 794,
  height: 1123,
  webPreferences: {
    offscreen: true,
    javascript: false,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    webSecurity: true,
  },
};

/** A `printPdf` for the services, printing with Electron (pass electron's BrowserWindow). */
export function createElectronPdfPrinter(
  Window: PrintWindowConstructor,
  tempRoot: string = tmpdir(),
): (html: string) => Promise<Uint8Array> {
  return async (html) => {
    const dir = await mkdtemp(join(tempRoot, 'lineage-report-'));
    const window = new Window(PRINT_WINDOW_OPTIONS);
    try {
      const file = join(dir, 'report.html');
      await writeFile(file, html, 'utf8');
      await window.loadFile(file);
      return await window.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
    } finally {
      window.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  };
}
