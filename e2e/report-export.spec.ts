/**
 * A compliance reviewer's export of the sample case in web mode: the sealed HTML report (the case id, the change the
 * engine ranks first in the Changes step, imported-looking text escaped), the PDF, and the evidence bundle, which
 * is then verified with the CLI — the bag where the app wrote it, and a copy unpacked from the downloaded .tar as on
 * another machine — and, after one byte of a data file is flipped, fails naming that file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Locator, Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, SCREENSHOT_DIR, test } from './fixtures';

const verify = (bag: string): { code: number; output: string } => {
  try {
    const out = execFileSync('npx', ['tsx', 'electron/cli/main.ts', 'verify', bag], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return { code: 0, output: out };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, output: `${e.stdout}${e.stderr}` };
  }
};

async function downloaded(page: Page, button: Locator): Promise<Buffer> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return readFileSync((await download.path()) as string);
}

test('exports the sample case as HTML, PDF and a bundle that the CLI verifies and that a one-byte edit breaks', async ({
  page,
  webApp,
}) => {
  test.setTimeout(180_000);
  await page.goto(webApp.url);
  await page.getByRole('button', { name: 'Open the sample investigation' }).click();
  const nav = page.getByRole('navigation', { name: 'Investigation steps' });
  const openStep = async (name: string) => {
    await nav
      .getByRole('tab', { name: new RegExp(name) })
      .or(nav.getByRole('link', { name: new RegExp(name) }))
      .first()
      .click();
    await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
  };

  // The change the engine ranks first, as the Changes step shows it.
  await openStep('Changes');
  const topSuspect = page.getByTestId('suspect').first();
  await expect(topSuspect).toBeVisible();
  const changeId = (await topSuspect.getAttribute('data-change-id')) as string;
  expect(changeId).toMatch(/\S{7,}/);

  // The reviewer states the root cause with text that must come out escaped.
  await openStep('Document');
  const statement = `Merged <b>unreviewed</b> & shipped without staging <script>alert(1)</script>`;
  await page.getByLabel('Root-cause statement').fill(statement);
  await page.getByLabel(/Change ids it names/).fill(changeId);
  await page.getByRole('button', { name: 'Confirm root cause' }).click();
  await expect(page.getByTestId('root-cause')).toContainText('Merged <b>unreviewed</b>');

  const panel = page.getByRole('region', { name: 'Report and evidence bundle' });
  await expect(panel).toBeVisible();

  const html = (await downloaded(page, panel.getByRole('button', { name: 'Report (HTML)' }))).toString('utf8');
  const caseId = /<meta name="case-id" content="([^"]+)">/.exec(html)?.[1];
  expect(caseId).toBeTruthy();
  expect(html).toContain(`Case <code>${caseId}</code>`);
  const suspects = html.slice(html.indexOf('<h2>Suspects</h2>'), html.indexOf('<h2>Governance</h2>'));
  expect(suspects).toContain(changeId);
  expect(html).toContain('Merged &lt;b&gt;unreviewed&lt;/b&gt; &amp; shipped without staging &lt;script&gt;');
  expect(html).not.toContain('<b>unreviewed</b>');
  expect(html).not.toMatch(/<script/i);
  await expect(panel.getByText(/Saved .*\.html \(report SHA-256 [0-9a-f]{64}\)/)).toBeVisible();

  const pdf = await downloaded(page, panel.getByRole('button', { name: 'PDF' }));
  expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');

  await panel.getByRole('button', { name: 'Evidence bundle' }).click();
  const bagPath = (await panel.getByTestId('bundle-path').textContent()) as string;
  expect(bagPath.startsWith(join(webApp.dataDir, 'exports'))).toBe(true);
  await expect(panel.getByTestId('verify-command')).toHaveText(`npx lineage-investigator verify ${bagPath}`);
  await expectNoSeriousA11yViolations(page, 'the export panel');
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: `${SCREENSHOT_DIR}/7-export-panel.png` });

  const bagCase = JSON.parse(readFileSync(join(bagPath, 'data/case/case.json'), 'utf8'));
  expect(bagCase.case.id).toBe(caseId);
  expect(bagCase.case.rootCause.changeIds).toEqual([changeId]);
  expect(verify(bagPath).code).toBe(0);
  // Signed by the investigator's key the panel shows; the report anchors it and every cited record's SHA-256.
  const signer = (await panel.getByTestId('bundle-signer').textContent()) as string;
  expect(signer).toMatch(/^sha256:[0-9a-f]{64}$/);
  expect(verify(bagPath).output).toContain(`signed by ${signer}`);
  const reportMd = readFileSync(join(bagPath, 'data/report/report.md'), 'utf8');
  expect(reportMd).toMatch(new RegExp(`^signer ed25519 ${signer}$`, 'm'));
  expect(reportMd.match(/^cited [0-9a-f]{64} (line|pointer) \S+ [0-9a-f]{64}$/gm)?.length).toBeGreaterThan(0);

  // Another machine: the downloaded .tar, unpacked elsewhere, verifies; one flipped byte is named.
  const tar = await downloaded(page, panel.getByRole('button', { name: 'Download the bundle (.tar)' }));
  const elsewhere = mkdtempSync(join(tmpdir(), 'li-elsewhere-'));
  writeFileSync(join(elsewhere, 'bundle.tar'), tar);
  execFileSync('tar', ['-xf', 'bundle.tar'], { cwd: elsewhere });
  const copy = join(elsewhere, readdirSync(elsewhere).find((n) => n !== 'bundle.tar') as string);
  expect(verify(copy).code).toBe(0);
  const excerpts = readdirSync(join(copy, 'data/excerpts'));
  const target = join(copy, 'data/excerpts', excerpts[0] as string);
  const bytes = readFileSync(target);
  const at = bytes.length - 2;
  bytes[at] = (bytes[at] as number) ^ 0x01;
  writeFileSync(target, bytes);
  const failed = verify(copy);
  expect(failed.code).toBe(1);
  expect(failed.output).toContain(`data/excerpts/${excerpts[0]}`);

  // Pseudonymized: subject ids become keyed pseudonyms, the key stays out of the bag, and the bag still verifies.
  const key = 'a reviewer-kept key 42';
  await panel.getByLabel('Pseudonymize subject ids').check();
  await panel.getByLabel('Pseudonymization key').fill(key);
  await panel.getByRole('button', { name: 'Evidence bundle' }).click();
  await expect(panel.getByTestId('bundle-path')).toHaveText(/-pseudonymized$/);
  const pseudonymized = (await panel.getByTestId('bundle-path').textContent()) as string;
  await panel.screenshot({ path: `${SCREENSHOT_DIR}/7-export-panel-pseudonymized.png` });
  expect(verify(pseudonymized).code).toBe(0);
  const plainReport = readFileSync(join(bagPath, 'data/report/report.html'), 'utf8');
  const hiddenReport = readFileSync(join(pseudonymized, 'data/report/report.html'), 'utf8');
  expect(plainReport).not.toMatch(/pseud-[0-9a-f]{20}/);
  expect(hiddenReport).toMatch(/pseud-[0-9a-f]{20}/);
  const files = readdirSync(pseudonymized, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
  expect(files.filter((f) => readFileSync(join(f.parentPath, f.name), 'utf8').includes(key))).toEqual([]);
});
