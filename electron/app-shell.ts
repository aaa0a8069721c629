/**
 * The Electron application, written against the Electron API passed in (main.ts passes the real one,
 * app-shell.test.ts a fake): hardening, IPC, menu and the main window.
 */
import type { App, Dialog, IpcMainInvokeEvent, Menu, WebContents } from 'electron';
import { pathToFileURL } from 'node:url';
import type { IpcHandlers } from '../shared/ipc/contract.js';
import { registerIpcHandlers, type IpcMainLike } from './ipc-main.js';
import { buildMenuTemplate, MENU_COMMAND_CHANNEL } from './menu.js';
import { hardenSession, hardenWebContents, isTrustedSender, type SessionLike } from './security.js';
import { openMainWindow, WINDOW_TITLE, type BrowserWindowClass, type WindowLike } from './window.js';

export interface DesktopApi {
  readonly app: Pick<App, 'whenReady' | 'on' | 'quit' | 'getPath' | 'setPath' | 'isPackaged'>;
  readonly BrowserWindow: BrowserWindowClass;
  readonly ipcMain: IpcMainLike;
  readonly Menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>;
  /** Read after `whenReady` (Electron's default session exists only then). */
  readonly session: { readonly defaultSession: SessionLike };
  readonly dialog: Pick<Dialog, 'showMessageBox'>;
  readonly platform: string;
}

export interface DesktopOptions {
  readonly appName: string;
  readonly appVersion: string;
  readonly preloadPath: string;
  /** The renderer's index.html (dist/renderer/index.html). */
  readonly indexPath: string;
  /** The services, given the per-user data folder (Electron's userData). */
  readonly createHandlers: (dataDir: string) => IpcHandlers;
  /**
   * Closes what the services hold open (connections' engines) before the app quits; the quit waits for it, once.
   */
  readonly closeServices?: () => Promise<void>;
  /** Replaces Electron's userData folder (LINEAGE_INVESTIGATOR_DATA_DIR: isolated runs, e2e). */
  readonly dataDir?: string;
}

export interface DesktopApp {
  readonly window: WindowLike;
  readonly indexUrl: string;
}

/** Starts the desktop app once Electron is ready; resolves when the main window has loaded. */
export async function startDesktopApp(electron: DesktopApi, options: DesktopOptions): Promise<DesktopApp> {
  const { app } = electron;
  const indexUrl = pathToFileURL(options.indexPath).href;
  const isDev = !app.isPackaged;
  if (options.dataDir) app.setPath('userData', options.dataDir);
  app.on('web-contents-created', (_event: unknown, contents: WebContents) => hardenWebContents(contents, indexUrl));
  await app.whenReady();
  hardenSession(electron.session.defaultSession);
  const handlers = options.createHandlers(app.getPath('userData'));
  registerIpcHandlers(electron.ipcMain, handlers, (event: IpcMainInvokeEvent) =>
    isTrustedSender(event.senderFrame?.url, indexUrl),
  );

  let current: WindowLike | undefined;
  const open = async () => {
    current = await openMainWindow(electron.BrowserWindow, { ...options, devTools: isDev });
    return current;
  };
  const template = buildMenuTemplate({
    platform: electron.platform,
    isDev,
    appName: WINDOW_TITLE,
    send: (command) => current?.webContents.send(MENU_COMMAND_CHANNEL, command),
    showAbout: () => {
      void electron.dialog.showMessageBox({
        type: 'info',
        title: `About ${WINDOW_TITLE}`,
        message: `${WINDOW_TITLE} ${options.appVersion}`,
        detail: 'Explains a wrong AI decision from lineage, changes, approvals and deployments, offline.',
      });
    },
  });
  electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(template));
  app.on('window-all-closed', () => {
    current = undefined;
    if (electron.platform !== 'darwin') app.quit();
  });
  // The connections' engines (DuckDB instances, PostgreSQL pools) are closed before the process ends.
  let closing: 'no' | 'closing' | 'closed' = options.closeServices ? 'no' : 'closed';
  app.on('will-quit', (event: { preventDefault(): void }) => {
    if (closing === 'closed') return;
    event.preventDefault();
    if (closing === 'closing') return;
    closing = 'closing';
    void (options.closeServices?.() ?? Promise.resolve())
      .catch((error: unknown) => console.error(`Could not close the connections: ${String(error)}`))
      .finally(() => {
        closing = 'closed';
        app.quit();
      });
  });
  app.on('activate', () => {
    if (!current) void open();
  });
  return { window: await open(), indexUrl };
}
