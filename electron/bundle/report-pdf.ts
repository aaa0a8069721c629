/**
 * Prints the HTML report to PDF with headless Chromium (playwright-core driving the system Chromium), honouring
 * the report's print CSS: A4, and on every page the case id, generation time, page number and report hash
 * (`@page` margin boxes). The app's Electron path prints the same HTML with `webContents.printToPDF`.
 *
 * Where the time goes (bench/report.ts): starting Chromium and opening its first page take most of a cold print;
 * loading the report and printing it take well under a second. So the app keeps one Chromium with one page alive
 * between prints (`createChromiumPrinter`), closed after a quiet minute; the CLI prints once and closes.
 */
import { existsSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Headless flags: no sandbox (build machines run as root), no GPU, none of Chromium's background traffic. */
export const PRINT_ARGS: ReadonlyArray<string> = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--no-first-run',
  '--mute-audio',
  '--disable-dev-shm-usage',
  '--disable-breakpad',
  // No zygote process (start-up time). Not `--single-process`: a third less start-up, but a kept-warm single-process
  // Chromium could hang in page.pdf after other Chromium work on the machine (an e2e run hit it).
  '--no-zygote',
];

/** A print that takes longer than this is abandoned: Chromium is closed and the print is tried once more afresh. */
const PRINT_TIMEOUT_MS = 60_000;

/** The Chromium to print with: `LINEAGE_INVESTIGATOR_CHROMIUM`, else the system one. */
export function chromiumPath(): string {
  const chosen = process.env.LINEAGE_INVESTIGATOR_CHROMIUM ?? CANDIDATES.find((p) => existsSync(p));
  if (!chosen)
    throw new Error(`No Chromium found (looked at ${CANDIDATES.join(', ')}); set LINEAGE_INVESTIGATOR_CHROMIUM.`);
  return chosen;
}

export interface PdfPrinter {
  /** Renders self-contained HTML to PDF bytes; prints run one at a time. */
  print(html: string): Promise<Buffer>;
  /** Starts Chromium ahead of the first print (closed again after the quiet time, unless a print comes). */
  warm(): Promise<void>;
  /** Closes Chromium (a later print starts it again). */
  close(): Promise<void>;
}

export interface PrinterOptions {
  /** Close Chromium after this many quiet milliseconds (default 60 s; 0 keeps it until `close`). */
  readonly idleMs?: number;
}

/**
 * A printer that keeps one headless Chromium and one page between prints. JavaScript is off, the context is
 * offline and every request is refused: the report has no external resources and may fetch nothing.
 */
export function createChromiumPrinter(options: PrinterOptions = {}): PdfPrinter {
  const idleMs = options.idleMs ?? 60_000;
  let session: Promise<{ context: BrowserContext; page: Page }> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const start = async () => {
    // Loaded at run time, not bundled: playwright-core is a development tool the PDF path borrows.
    const specifier = 'playwright-core';
    const { chromium } = (await import(specifier)) as typeof import('playwright-core');
    const context = await chromium.launchPersistentContext('', {
      executablePath: chromiumPath(),
      args: [...PRINT_ARGS],
      javaScriptEnabled: false,
      offline: true,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.route('**/*', (route) => route.abort());
    return { context, page };
  };
  const close = async () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const current = session;
    session = undefined;
    if (current) await (await current.catch(() => undefined))?.context.close();
  };
  const armIdleClose = () => {
    if (!session) return;
    timer = setTimeout(() => void close(), idleMs);
    timer.unref?.();
  };
  const printWith = async (html: string): Promise<Buffer> => {
    session ??= start();
    const { page } = await session;
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  };
  /** One print, abandoned (Chromium closed, the pending print rejected) after PRINT_TIMEOUT_MS. */
  const attempt = async (html: string): Promise<Buffer> => {
    let expired: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      expired = setTimeout(
        () => reject(new Error(`Chromium did not print the report within ${PRINT_TIMEOUT_MS / 1000} s`)),
        PRINT_TIMEOUT_MS,
      );
    });
    try {
      return await Promise.race([printWith(html), timeout]);
    } catch (error) {
      // Not awaited: a hung Chromium may not answer its close either; the next print starts a fresh one.
      void close().catch(() => undefined);
      throw error;
    } finally {
      clearTimeout(expired);
    }
  };
  const printOnce = async (html: string): Promise<Buffer> => {
    if (timer) clearTimeout(timer);
    try {
      // A Chromium that crashed or hung since the last print is replaced once.
      return await attempt(html).catch(() => attempt(html));
    } finally {
      if (idleMs > 0) armIdleClose();
    }
  };
  return {
    print(html) {
      const result = queue.then(() => printOnce(html));
      queue = result.catch(() => undefined);
      return result;
    },
    warm() {
      const result = queue.then(async () => {
        if (timer) clearTimeout(timer);
        session ??= start();
        try {
          await session;
        } catch (error) {
          await close();
          throw error;
        } finally {
          if (idleMs > 0) armIdleClose();
        }
      });
      queue = result.catch(() => undefined);
      return result;
    },
    close: () => queue.then(close),
  };
}

/** Prints once and closes Chromium (the CLI). */
export async function renderPdf(html: string): Promise<Buffer> {
  const printer = createChromiumPrinter({ idleMs: 0 });
  try {
    return await printer.print(html);
  } finally {
    await printer.close();
  }
}
