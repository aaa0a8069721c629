/**
 * Prints the HTML report to PDF with headless Chromium (playwright-core driving the system Chromium), honouring
 * the report's print CSS: A4, and on every page the case id, generation time, page number and report hash
 * (`@page` margin boxes). The app's Electron path prints the same HTML with `webContents.printToPDF`.
 */
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium to print with: `LINEAGE_INVESTIGATOR_CHROMIUM`, else the system one. */
export function chromiumPath(): string {
  const chosen = process.env.LINEAGE_INVESTIGATOR_CHROMIUM ?? CANDIDATES.find((p) => existsSync(p));
  if (!chosen)
    throw new Error(`No Chromium found (looked at ${CANDIDATES.join(', ')}); set LINEAGE_INVESTIGATOR_CHROMIUM.`);
  return chosen;
}

/** Renders self-contained HTML to PDF bytes. No network: the report has no external resources, and requests are refused. */
export async function renderPdf(html: string): Promise<Buffer> {
  // Loaded at run time, not bundled into the CLI: playwright-core is a development tool the PDF path borrows.
  const specifier = 'playwright-core';
  const { chromium } = (await import(specifier)) as typeof import('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
}
