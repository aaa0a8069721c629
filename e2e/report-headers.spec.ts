/**
 * The printed report's tables as a reader sees them on an A4 page: a column header may wrap between its words (`last
 * known-good`, after a hyphen too), never inside one (`sco|re`, `ver|dict`). The report is the CLI's HTML of the
 * sample's case, laid out at the page's printable width with print styles, as Chromium prints it to PDF.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';

// The e2e project is compiled without the DOM library (tsconfig.node.json): the little of it used in the page.
interface Box {
  readonly top: number;
}
interface Text {
  readonly textContent: string | null;
  readonly length: number;
}
interface Dom {
  readonly document: {
    querySelectorAll(
      selector: string,
    ): Iterable<{ readonly textContent: string | null; readonly childNodes: Iterable<Text> }>;
    createRange(): {
      setStart(node: Text, at: number): void;
      setEnd(node: Text, at: number): void;
      getClientRects(): Iterable<Box>;
    };
  };
}

/** A4 less the report's 12 mm side margins (@page), in CSS pixels. */
const PRINTABLE_WIDTH = Math.round(((210 - 2 * 12) / 25.4) * 96);

test('no column header of the printed report breaks inside a word', async ({ page }) => {
  test.setTimeout(120_000);
  const work = mkdtempSync(join(tmpdir(), 'li-report-headers-'));
  const truth = JSON.parse(readFileSync('assets/sample/ground-truth.json', 'utf8')) as { caseDecisionId: string };
  const out = join(work, 'report.html');
  execFileSync(
    'npx',
    [
      'tsx',
      'electron/cli/main.ts',
      'report',
      '--source',
      'assets/sample',
      '--decision',
      truth.caseDecisionId,
      '--format',
      'html',
      '--out',
      out,
    ],
    { stdio: 'pipe', env: { ...process.env, LINEAGE_INVESTIGATOR_DATA_DIR: join(work, 'data') } },
  );
  await page.setViewportSize({ width: PRINTABLE_WIDTH, height: 1100 });
  await page.emulateMedia({ media: 'print' });
  await page.setContent(readFileSync(out, 'utf8'));
  const headers = await page.evaluate(() => {
    const { document } = globalThis as unknown as Dom;
    const found: Array<{ header: string; broken: string[] }> = [];
    for (const th of document.querySelectorAll('th')) {
      const broken: string[] = [];
      for (const text of th.childNodes) {
        const value = text.textContent ?? '';
        for (const word of value.matchAll(/[^\s-]+-?/g)) {
          const range = document.createRange();
          range.setStart(text, word.index);
          range.setEnd(text, word.index + word[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(`${word[0]} (${lines.size} lines)`);
        }
      }
      found.push({ header: th.textContent ?? '', broken });
    }
    return found;
  });
  expect(headers.length).toBeGreaterThan(20);
  expect(headers.filter((h) => h.broken.length > 0)).toEqual([]);
});
