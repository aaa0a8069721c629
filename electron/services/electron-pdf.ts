/**
 * The Electron side of `report:pdf`: prints the report's HTML with `webContents.printToPDF` in a hidden,
 * offscreen window with JavaScript off (the report has no scripts), honouring the report's `@page` CSS.
 *
 * The report never touches the disk and is never loaded from `file://`: the window lives in its own in-memory
 * session, which serves the HTML from memory under `lineage-report://print/<id>` and refuses every other request
 * (`webRequest.onBeforeRequest`), so a report embedding `<iframe src=file:///…>` or `<img src=https://…>` prints
 * nothing of the local file and fetches nothing. (A data: URL would cap the report's size at 2 MB.)
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, Session } from 'electron';
import { randomUUID } from 'node:crypto';

/** The part of a BrowserWindow the printer uses. */
export type PrintWindow = Pick<BrowserWindow, 'loadURL' | 'destroy'> & {
  readonly webContents: Pick<BrowserWindow['webContents'], 'printToPDF'>;
};

export type PrintWindowConstructor = new (options: BrowserWindowConstructorOptions) => PrintWindow;

/** The part of the print session the printer uses. */
export interface PrintSession {
  readonly protocol: Pick<Session['protocol'], 'handle'>;
  readonly webRequest: Pick<Session['webRequest'], 'onBeforeRequest'>;
}

/** The in-memory session (no `persist:` prefix) the print windows use, apart from the app's own. */
export const PRINT_PARTITION = 'lineage-report-print';
export const REPORT_SCHEME = 'lineage-report';
const REPORT_PREFIX = `${REPORT_SCHEME}://print/`;

/** The hidden window's options: offscreen, sandboxed, no Node, no scripts, its own session. */
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
    partition: PRINT_PARTITION,
  },
};

/**
 * A `printPdf` for the services, printing with Electron (pass electron's BrowserWindow and a function giving
 * `session.fromPartition(PRINT_PARTITION)`; it is called on the first print, after the app is ready).
 */
export function createElectronPdfPrinter(
  Window: PrintWindowConstructor,
  printSession: () => PrintSession,
): (html: string) => Promise<Uint8Array> {
  const pending = new Map<string, string>();
  let ready = false;
  const prepare = () => {
    if (ready) return;
    const session = printSession();
    session.protocol.handle(REPORT_SCHEME, (request) => {
      const html = pending.get(request.url);
      return html === undefined
        ? new Response('not found', { status: 404 })
        : new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
    });
    // Only the report itself loads: every subresource, frame and navigation (file:, http(s):, data:, …) is refused.
    session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !pending.has(details.url) }));
    ready = true;
  };
  return async (html) => {
    prepare();
    const url = `${REPORT_PREFIX}${randomUUID()}`;
    pending.set(url, html);
    const window = new Window(PRINT_WINDOW_OPTIONS);
    try {
      await window.loadURL(url);
      return await window.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
    } finally {
      pending.delete(url);
      window.destroy();
    }
  };
}
