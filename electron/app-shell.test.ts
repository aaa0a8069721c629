import type { BrowserWindowConstructorOptions, IpcMainInvokeEvent, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { fakeHandlers } from './fake-handlers.js';
import { startDesktopApp, type DesktopApi } from './app-shell.js';
import { CONTENT_SECURITY_POLICY } from './security.js';

type Listener = (...args: unknown[]) => unknown;

/** A fake of the parts of Electron the shell uses, recording what the shell asked for. */
function fakeElectron() {
  const appListeners = new Map<string, Listener>();
  const paths = new Map<string, string>();
  const ipcHandlers = new Map<string, Listener>();
  const windows: { options: BrowserWindowConstructorOptions; loaded: string[]; sent: unknown[][] }[] = [];
  const session = {
    headersListener: undefined as Listener | undefined,
    permissionRequest: undefined as Listener | undefined,
    permissionCheck: undefined as Listener | undefined,
  };
  let menu: MenuItemConstructorOptions[] = [];
  class FakeWindow {
    readonly webContents = { send: (...args: unknown[]) => this.record.sent.push(args) };
    readonly record: (typeof windows)[number];
    constructor(options: BrowserWindowConstructorOptions) {
      this.record = { options, loaded: [], sent: [] };
      windows.push(this.record);
    }
    once() {}
    show() {}
    async loadFile(path: string) {
      this.record.loaded.push(path);
    }
  }
  const api = {
    app: {
      isPackaged: true,
      whenReady: async () => undefined,
      on: (event: string, listener: Listener) => appListeners.set(event, listener),
      quit: vi.fn(),
      getPath: (name: string) => paths.get(name) ?? `/data/${name}`,
      setPath: (name: string, value: string) => paths.set(name, value),
    },
    BrowserWindow: FakeWindow,
    ipcMain: { handle: (channel: string, fn: Listener) => ipcHandlers.set(channel, fn), removeHandler: vi.fn() },
    Menu: { buildFromTemplate: (t: MenuItemConstructorOptions[]) => (menu = t), setApplicationMenu: vi.fn() },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (fn: Listener) => (session.headersListener = fn) },
        setPermissionRequestHandler: (fn: Listener) => (session.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Listener) => (session.permissionCheck = fn),
      },
    },
    dialog: { showMessageBox: vi.fn() },
    platform: 'linux',
  };
  return { api: api as unknown as DesktopApi, appListeners, ipcHandlers, windows, session, menu: () => menu };
}

const indexPath = '/opt/app/dist/renderer/index.html';
const indexUrl = 'file:///opt/app/dist/renderer/index.html';

async function start(closeServices?: () => Promise<void>) {
  const fake = fakeElectron();
  const calls: unknown[] = [];
  const handlers = fakeHandlers({
    'app:info': async (request: unknown) => {
      calls.push(request);
      return { name: 'x', version: '1', mode: 'electron', platform: 'linux', git: { available: false } };
    },
    'sample:load': async () => ({ title: '', description: '', decisionId: '', featureName: '', files: [] }),
  });
  const dataDirs: string[] = [];
  await startDesktopApp(fake.api, {
    appName: 'lineage-investigator',
    appVersion: '1.0.0',
    preloadPath: '/opt/app/dist/electron/preload.cjs',
    indexPath,
    createHandlers: (dataDir) => (dataDirs.push(dataDir), handlers),
    ...(closeServices && { closeServices }),
  });
  return { ...fake, calls, dataDirs };
}

const invoke = (fake: Awaited<ReturnType<typeof start>>, channel: string, url: string | null, request: unknown) => {
  const event = { senderFrame: url === null ? null : { url } } as unknown as IpcMainInvokeEvent;
  return Promise.resolve(fake.ipcHandlers.get(channel)?.(event, request));
};

describe('the Electron shell', () => {
  it("closes the connections' engines before quitting: the quit waits for them, once", async () => {
    let closed: () => void = () => {};
    const closeServices = vi.fn(() => new Promise<void>((resolve) => (closed = resolve)));
    const fake = await start(closeServices);
    const willQuit = fake.appListeners.get('will-quit') as Listener;
    const quitting = { preventDefault: vi.fn() };
    willQuit(quitting);
    // Held until the engines are closed; a second quit meanwhile is held too and closes nothing more.
    expect(quitting.preventDefault).toHaveBeenCalledTimes(1);
    const again = { preventDefault: vi.fn() };
    willQuit(again);
    expect(again.preventDefault).toHaveBeenCalledTimes(1);
    expect(closeServices).toHaveBeenCalledTimes(1);
    expect(fake.api.app.quit).not.toHaveBeenCalled();
    closed();
    await vi.waitFor(() => expect(fake.api.app.quit).toHaveBeenCalledTimes(1));
    // The quit asked once they are closed goes through.
    const last = { preventDefault: vi.fn() };
    willQuit(last);
    expect(last.preventDefault).not.toHaveBeenCalled();
    expect(closeServices).toHaveBeenCalledTimes(1);
  });

  it('quits even when an engine cannot be closed, saying so', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const fake = await start(() => Promise.reject(new Error('pool already ended')));
    (fake.appListeners.get('will-quit') as Listener)({ preventDefault: vi.fn() });
    await vi.waitFor(() => expect(fake.api.app.quit).toHaveBeenCalledTimes(1));
    expect(error).toHaveBeenCalledWith(expect.stringContaining('pool already ended'));
    error.mockRestore();
  });

  it('opens one isolated, sandboxed window without Node on the built renderer', async () => {
    const fake = await start();
    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0]?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
      preload: '/opt/app/dist/electron/preload.cjs',
    });
    expect(fake.windows[0]?.loaded).toEqual([indexPath]);
    expect(fake.dataDirs).toEqual(['/data/userData']);
  });

  it('denies window.open, navigation away from the index page, webviews and every permission', async () => {
    const fake = await start();
    const contents = { handlers: new Map<string, Listener>(), openHandler: undefined as Listener | undefined };
    fake.appListeners.get('web-contents-created')?.(
      {},
      {
        setWindowOpenHandler: (fn: Listener) => (contents.openHandler = fn),
        on: (event: string, fn: Listener) => contents.handlers.set(event, fn),
      },
    );
    expect(contents.openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    const navigate = (url: string) => {
      const event = { url, preventDefault: vi.fn() };
      contents.handlers.get('will-navigate')?.(event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate(`${indexUrl}#/cases`)).toBe(false);
    const webview = { preventDefault: vi.fn() };
    contents.handlers.get('will-attach-webview')?.(webview);
    expect(webview.preventDefault).toHaveBeenCalled();

    const granted = vi.fn();
    fake.session.permissionRequest?.({}, 'media', granted, {});
    expect(granted).toHaveBeenCalledWith(false);
    expect(fake.session.permissionCheck?.({}, 'clipboard-read', 'file://', {})).toBe(false);
  });

  it('sets the strict CSP on every response, replacing any other', async () => {
    const fake = await start();
    let result: { responseHeaders?: Record<string, string[]> } = {};
    fake.session.headersListener?.(
      { responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } },
      (r: typeof result) => (result = r),
    );
    expect(result.responseHeaders).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it('handles every contract channel, only from the app page and only with valid requests', async () => {
    const fake = await start();
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([
      'app:info',
      'bundle:export',
      'caseFile:choose',
      'caseFile:export',
      'caseFile:merge',
      'caseFile:open',
      'caseFile:review',
      'caseFile:save',
      'connections:affected',
      'connections:affectedCsv',
      'connections:affectedSubjectsCsv',
      'connections:decision',
      'connections:decisions',
      'connections:investigate',
      'connections:list',
      'connections:remove',
      'connections:save',
      'connections:test',
      'dialog:openRepository',
      'git:readRepository',
      'git:show',
      'marquez:jobs',
      'marquez:pull',
      'marquez:pullCancel',
      'marquez:pullNext',
      'monitor:connection',
      'origin:commits',
      'origin:register',
      'origin:sha256',
      'report:pdf',
      'report:preparePdf',
      'sample:load',
      'signing:publicKey',
    ]);
    await expect(invoke(fake, 'app:info', 'https://evil.example/', {})).rejects.toThrow(/not the app's own page/);
    await expect(invoke(fake, 'app:info', null, {})).rejects.toThrow(/not the app's own page/);
    await expect(invoke(fake, 'app:info', 'file:///tmp/other.html', {})).rejects.toThrow(/not the app's own page/);
    await expect(invoke(fake, 'git:show', indexUrl, { repository: 'r', commit: 'zz', path: 'a' })).rejects.toThrow(
      /Invalid request for git:show at commit/,
    );
    await expect(invoke(fake, 'app:info', indexUrl, { extra: 1 })).rejects.toThrow(/Invalid request for app:info/);
    expect(fake.calls).toEqual([]);
    await expect(invoke(fake, 'app:info', `${indexUrl}?x=1#/`, {})).resolves.toMatchObject({ mode: 'electron' });
    expect(fake.calls).toEqual([{}]);
  });

  it('has File, Edit, View and Help menus; no devtools when packaged; File sends open-sample and open-case-file', async () => {
    const fake = await start();
    const labels = fake.menu().map((m) => m.label ?? m.role);
    expect(labels).toEqual(['File', 'editMenu', 'View', 'help']);
    const view = fake.menu()[2]?.submenu as MenuItemConstructorOptions[];
    expect(view.some((item) => item.role === 'toggleDevTools')).toBe(false);
    const file = fake.menu()[0]?.submenu as MenuItemConstructorOptions[];
    expect(file.map((item) => item.label ?? item.role)).toEqual([
      'Open sample investigation',
      'Open a case file…',
      undefined,
      'quit',
    ]);
    (file[0]?.click as unknown as () => void)();
    (file[1]?.click as unknown as () => void)();
    expect(fake.windows[0]?.sent).toEqual([
      ['menu:command', 'open-sample'],
      ['menu:command', 'open-case-file'],
    ]);
  });
});
