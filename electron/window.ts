/**
 * The main window: hardened webPreferences, shown when ready, loading the built renderer from disk.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export const WINDOW_TITLE = 'Lineage Investigator';

/** The renderer runs isolated and sandboxed, without Node, with web security on. */
export function secureWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools,
  };
}

/** Options of the main window. */
export function mainWindowOptions(preloadPath: string, devTools: boolean): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1440,
    height: 920,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath, devTools),
  };
}

export type WindowLike = Pick<BrowserWindow, 'loadFile' | 'show' | 'once' | 'webContents'>;
export type BrowserWindowClass = new (options: BrowserWindowConstructorOptions) => WindowLike;

/** Creates the main window and loads `indexPath` into it. */
export async function openMainWindow(
  BrowserWindowCtor: BrowserWindowClass,
  options: { readonly preloadPath: string; readonly indexPath: string; readonly devTools: boolean },
): Promise<WindowLike> {
  const window = new BrowserWindowCtor(mainWindowOptions(options.preloadPath, options.devTools));
  window.once('ready-to-show', () => window.show());
  await window.loadFile(options.indexPath);
  return window;
}
