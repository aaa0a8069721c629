import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from './report-pdf.js';

/** The characters a PDF can show: every code point its fonts' ToUnicode maps name (Chromium subsets its fonts). */
function shownCharacters(pdf: Buffer): Set<string> {
  const chars = new Set<string>();
  const text = pdf.toString('latin1');
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    let body: string;
    try {
      body = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    for (const block of body.matchAll(/beginbf(char|range)([\s\S]*?)endbf\1/g)) {
      const hex = [...block[2]!.matchAll(/<([0-9a-fA-F]+)>/g)].map((h) => h[1]!);
      const step = block[1] === 'char' ? 2 : 3;
      for (let i = 0; i + step - 1 < hex.length; i += step) {
        const first = parseInt(hex[i + step - 1]!.slice(0, 4), 16);
        const count = step === 3 ? parseInt(hex[i + 1]!, 16) - parseInt(hex[i]!, 16) : 0;
        for (let k = 0; k <= count; k++) chars.add(String.fromCodePoint(first + k));
      }
    }
  }
  return chars;
}

describe('the headless Chromium printer', () => {
  const hits: string[] = [];
  const server = createServer((req, res) => (hits.push(req.url ?? ''), res.end('QZQZ')));
  let secret = '';
  let origin = '';
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pdf-secret-'));
    const file = join(dir, 'secret.txt');
    await writeFile(file, 'QZQZ QZQZ\n');
    secret = pathToFileURL(file).href;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
  });

  it('shows the report’s own text (the check below can see a leak)', async () => {
    const shown = shownCharacters(await renderPdf('<!doctype html><p>report QZQZ</p>'));
    expect(shown.has('Q') && shown.has('Z')).toBe(true);
  }, 60_000);

  it('prints nothing of a local file or a remote page the report embeds, and fetches nothing', async () => {
    const html = `<!doctype html><p>report</p><iframe src="${secret}"></iframe>
      <img src="${origin}/image.png"><iframe src="${origin}/frame"></iframe><link rel="stylesheet" href="${origin}/s.css">`;
    const shown = shownCharacters(await renderPdf(html));
    expect(shown.has('e')).toBe(true);
    expect(shown.has('Q') || shown.has('Z')).toBe(false);
    expect(hits).toEqual([]);
  }, 60_000);
});
