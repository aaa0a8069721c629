import type { BrowserWindowConstructorOptions, PrintToPDFOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createElectronPdfPrinter, type PrintSession, type PrintWindow } from './electron-pdf.js';

type Handler = (request: Request) => Response | Promise<Response>;
type Filter = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;

/** A fake print session: records the protocol handler and the request filter the printer installs. */
function fakeSession() {
  const state: { handlers: Map<string, Handler>; filter?: Filter } = { handlers: new Map() };
  const session = {
    protocol: { handle: (scheme: string, handler: Handler) => void state.handlers.set(scheme, handler) },
    webRequest: { onBeforeRequest: (filter: Filter) => void (state.filter = filter) },
  } as unknown as PrintSession;
  /** Whether the session lets a request for `url` through. */
  const allowed = (url: string) => {
    let cancel: boolean | undefined;
    state.filter!({ url }, (r) => (cancel = r.cancel));
    return cancel !== true;
  };
  return { session, state, allowed };
}

/** A fake BrowserWindow recording what the printer asked for; it loads the URL through the fake session. */
function fakeWindows(fake: ReturnType<typeof fakeSession>, fail = false) {
  const made: { options: BrowserWindowConstructorOptions; loaded: string[]; html: string[]; destroyed: boolean }[] = [];
  const printed: PrintToPDFOptions[] = [];
  const probes: Record<string, boolean>[] = [];
  class FakeWindow implements PrintWindow {
    readonly record: (typeof made)[number];
    constructor(options: BrowserWindowConstructorOptions) {
      this.record = { options, loaded: [], html: [], destroyed: false };
      made.push(this.record);
    }
    readonly webContents = {
      printToPDF: async (options: PrintToPDFOptions) => {
        printed.push(options);
        if (fail) throw new Error('printing failed');
        return Buffer.from(`%PDF-1.4 ${this.record.html[0]?.length ?? 0}`);
      },
    };
    async loadURL(url: string) {
      this.record.loaded.push(url);
      expect(fake.allowed(url)).toBe(true);
      const scheme = url.slice(0, url.indexOf(':'));
      const response = await fake.state.handlers.get(scheme)!(new Request(url));
      this.record.html.push(await response.text());
      // What the page's subresources would ask for while the report is loaded.
      probes.push(
        Object.fromEntries(
          ['file:///etc/passwd', 'https://example.com/x.png', 'http://127.0.0.1:1/', 'data:text/html,x', `${url}x`].map(
            (u) => [u, fake.allowed(u)],
          ),
        ),
      );
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  return { Window: FakeWindow, made, printed, probes };
}

describe('createElectronPdfPrinter', () => {
  it('prints the HTML from memory in a hidden offscreen window without scripts, with the CSS page size', async () => {
    const session = fakeSession();
    const fake = fakeWindows(session);
    const html = '<!doctype html><title>Case &lt;x&gt;</title><p>report</p><iframe src="file:///etc/passwd"></iframe>';
    const pdf = await createElectronPdfPrinter(fake.Window, () => session.session)(html);
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/^%PDF/);
    const [win] = fake.made;
    expect(win?.options.show).toBe(false);
    expect(win?.options.webPreferences).toMatchObject({ offscreen: true, javascript: false, sandbox: true });
    expect(win?.options.webPreferences?.partition).not.toMatch(/^persist:/);
    expect(win?.loaded[0]).not.toMatch(/^file:/);
    expect(win?.html).toEqual([html]);
    expect(fake.printed[0]).toMatchObject({ preferCSSPageSize: true, printBackground: true });
    expect(win?.destroyed).toBe(true);
  });

  it('refuses every request but the report itself: file://, http(s), data: and other report URLs', async () => {
    const session = fakeSession();
    const fake = fakeWindows(session);
    await createElectronPdfPrinter(fake.Window, () => session.session)('<p>x</p>');
    expect(Object.values(fake.probes[0]!)).toEqual([false, false, false, false, false]);
    // Once printed, the report's own URL is refused too.
    expect(session.allowed(fake.made[0]!.loaded[0]!)).toBe(false);
  });

  it('destroys the window and forgets the report when printing fails', async () => {
    const session = fakeSession();
    const fake = fakeWindows(session, true);
    await expect(createElectronPdfPrinter(fake.Window, () => session.session)('<p>x</p>')).rejects.toThrow(
      'printing failed',
    );
    expect(fake.made[0]?.destroyed).toBe(true);
    const url = fake.made[0]!.loaded[0]!;
    const after = await session.state.handlers.get(url.slice(0, url.indexOf(':')))!(new Request(url));
    expect(after.status).toBe(404);
  });
});
