import type { BrowserWindowConstructorOptions, PrintToPDFOptions } from 'electron';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createElectronPdfPrinter, type PrintWindow } from './electron-pdf.js';

/** A fake BrowserWindow recording what the printer asked for. */
function fakeWindows(fail = false) {
  const made: { options: BrowserWindowConstructorOptions; loaded: string[]; html: string[]; destroyed: boolean }[] = [];
  const printed: PrintToPDFOptions[] = [];
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
    async loadFile(path: string) {
      this.record.loaded.push(path);
      this.record.html.push(readFileSync(path, 'utf8'));
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  return { Window: FakeWindow, made, printed };
}

describe('createElectronPdfPrinter', () => {
  it('prints the HTML in a hidden offscreen window without scripts, with the CSS page size', async () => {
    const fake = fakeWindows();
    const temp = await mkdtemp(join(tmpdir(), 'pdf-test-'));
    const html = '<!doctype html><title>Case &lt;x&gt;</title><p>report</p>';
    const pdf = await createElectronPdfPrinter(fake.Window, temp)(html);
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/^%PDF/);
    const [win] = fake.made;
    expect(win?.options.show).toBe(false);
    expect(win?.options.webPreferences).toMatchObject({ offscreen: true, javascript: false, sandbox: true });
    expect(win?.html).toEqual([html]);
    expect(fake.printed[0]).toMatchObject({ preferCSSPageSize: true, printBackground: true });
    expect(win?.destroyed).toBe(true);
    expect(await readdir(temp)).toEqual([]);
  });

  it('destroys the window and removes the temporary file when printing fails', async () => {
    const fake = fakeWindows(true);
    const temp = await mkdtemp(join(tmpdir(), 'pdf-test-'));
    await expect(createElectronPdfPrinter(fake.Window, temp)('<p>x</p>')).rejects.toThrow('printing failed');
    expect(fake.made[0]?.destroyed).toBe(true);
    expect(existsSync(fake.made[0]?.loaded[0] ?? '')).toBe(false);
  });
});
