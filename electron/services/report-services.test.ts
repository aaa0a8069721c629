import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { citedSources } from '../../shared/case/citations.js';
import { headlessCase } from '../../shared/case/headless-case.js';
import { investigate } from '../../shared/case/investigation.js';
import type { CaseRecord } from '../../shared/case/case-types.js';
import type { BundleExportRequest } from '../../shared/ipc/contract.js';
import { excerptDigests } from '../../shared/report/report-anchors.js';
import { reportProvenances, type ReportInput } from '../../shared/report/report-data.js';
import { renderReportHtml } from '../../shared/report/report-html.js';
import { renderReportMarkdown } from '../../shared/report/report-markdown.js';
import { verifyBag } from '../bundle/bagit-verify.js';
import { sha256Hex } from '../bundle/hashing.js';
import { createChromiumPrinter } from '../bundle/report-pdf.js';
import { createGitRunner } from './git-runner.js';
import { loadEvidence } from '../sources/load-evidence.js';
import { createReportHandlers } from './report-services.js';
import { fileKeyStore, lazySigner } from './signing-key.js';

const truth = JSON.parse(readFileSync('assets/sample/ground-truth.json', 'utf8')) as { caseDecisionId: string };
const work = mkdtempSync(join(tmpdir(), 'li-report-services-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let request: BundleExportRequest;
let subjectIds: string[];
let subject: string;
const handlers = createReportHandlers({ appName: 'lineage-investigator', appVersion: '9.9.9', dataDir: work });

beforeAll(async () => {
  const { set, sourceNames } = await loadEvidence(['assets/sample'], {
    git: createGitRunner(),
    cacheDir: join(work, 'repos'),
  });
  const decision = set.decisions.find((d) => d.decisionId === truth.caseDecisionId);
  if (!decision) throw new Error('the sample has no case decision');
  const inv = investigate(set, decision, decision.features[0]?.name ?? '');
  const time = '2026-01-02T03:04:05.000Z';
  subject = decision.subjectId ?? '';
  // The title names the subject, as a reviewer's would: pseudonymization must reach into the hash-chained log.
  const title = `Why was ${subject} refused?`;
  const record = await headlessCase(inv, { id: 'case-<b>&1', title, owner: 'ann', actor: 'ann', time }, sha256Hex);
  const base: ReportInput = {
    case: record.case,
    activity: record.activity,
    investigation: inv,
    sourceNames,
    generatedAt: time,
    timeZone: 'UTC',
    generator: 'test',
  };
  const cited = citedSources(reportProvenances(base), sourceNames);
  subjectIds = [subject, ...new Set(set.decisions.flatMap((d) => (d.subjectId ? [d.subjectId] : [])))].slice(0, 50);
  const excerpts = cited.map((c) => ({
    ...c,
    records: 1,
    text: `${JSON.stringify({ source: c.name, sha256: c.sha256 })}\n${JSON.stringify({ line: 1, record: { subjectId: subjectIds[0] } })}\n`,
  }));
  const input: ReportInput = {
    ...base,
    citedDigests: (await Promise.all(excerpts.map((e) => excerptDigests(e.text, sha256Hex)))).flat(),
  };
  const html = await renderReportHtml(input, sha256Hex);
  const markdown = await renderReportMarkdown(input, sha256Hex);
  request = {
    caseRecord: { case: record.case, activity: [...record.activity] },
    reportHtml: html.text,
    reportMarkdown: markdown.text,
    reportHash: html.hash,
    excerpts,
  };
}, 120_000);

const cli = (bag: string) => {
  try {
    return {
      code: 0,
      out: execFileSync('npx', ['tsx', 'electron/cli/main.ts', 'verify', bag], { encoding: 'utf8', stdio: 'pipe' }),
    };
  } catch (error) {
    const e = error as { status: number; stderr: string };
    return { code: e.status, out: e.stderr };
  }
};

describe('report:pdf', () => {
  it('prints the sealed report with the headless Chromium it started ahead, twice in a row', async () => {
    const printer = createChromiumPrinter();
    onTestFinished(() => printer.close());
    const printing = createReportHandlers({ appName: 'a', appVersion: '1', dataDir: work, chromiumPrinter: printer });
    expect(await printing['report:preparePdf']({})).toEqual({ printer: 'headless Chromium' });
    for (let i = 0; i < 2; i++) {
      const pdf = await printing['report:pdf']({ html: request.reportHtml });
      expect(Buffer.from(pdf.pdfBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.printer).toBe('headless Chromium');
    }
  }, 120_000);

  it("prints with Electron's printer where the app gives one", async () => {
    const seen: string[] = [];
    const electron = createReportHandlers({
      appName: 'a',
      appVersion: '1',
      dataDir: work,
      printPdf: async (html) => (seen.push(html), Buffer.from('%PDF-1.7')),
    });
    const pdf = await electron['report:pdf']({ html: request.reportHtml });
    expect(seen).toEqual([request.reportHtml]);
    expect(pdf).toMatchObject({ bytes: 8, printer: 'Electron printToPDF' });
  });
});

describe('bundle:export', () => {
  it('writes a bag under the exports folder that the CLI verifies, and names the one file edited afterwards', async () => {
    const result = await handlers['bundle:export']({ ...request, archive: true });
    expect(result.path.startsWith(join(work, 'exports'))).toBe(true);
    expect(result.verifyCommand).toBe(`npx lineage-investigator verify ${result.path}`);
    expect(result.files).toBeGreaterThanOrEqual(8);
    expect(
      Buffer.from(result.tarBase64 ?? '', 'base64')
        .subarray(257, 262)
        .toString(),
    ).toBe('ustar');
    expect(cli(result.path).code).toBe(0);
    const excerpt = `${result.path}/data/excerpts/${JSON.parse(
      readFileSync(`${result.path}/data/sources.json`, 'utf8'),
    )[0]
      .path.split('/')
      .pop()}`;
    const bytes = readFileSync(excerpt);
    bytes[5] = bytes[5] === 0x41 ? 0x42 : 0x41;
    writeFileSync(excerpt, bytes);
    const failed = cli(result.path);
    expect(failed.code).toBe(1);
    expect(failed.out).toContain(excerpt.slice(result.path.length + 1));
  }, 120_000);

  it('pseudonymizes subject ids in the reports, excerpts and re-chained case log, and never writes the key', async () => {
    const key = 'correct horse battery';
    const result = await handlers['bundle:export']({ ...request, pseudonymize: { key, subjectIds } });
    expect(await verifyBag(result.path)).toMatchObject({ ok: true });
    const all = listFiles(result.path)
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    expect(subject).toMatch(/\S/);
    expect(all).not.toContain(key);
    expect(all).not.toMatch(
      new RegExp(`(^|[^A-Za-z0-9_.@+-])${subject.replace(/[.+]/g, '\\$&')}($|[^A-Za-z0-9_.@+-])`),
    );
    const bagCase = JSON.parse(readFileSync(join(result.path, 'data/case/case.json'), 'utf8'));
    expect(bagCase.case.title).toMatch(/^Why was pseud-[0-9a-f]{20} refused\?$/);
    expect(readFileSync(join(result.path, 'bag-info.txt'), 'utf8')).toMatch(
      /Activity-Log: pseudonymized and chained again/,
    );
    // The same log and key give the same pseudonymized log: the case owner can re-derive it.
    const again = await handlers['bundle:export']({ ...request, pseudonymize: { key, subjectIds } });
    const againCase = JSON.parse(readFileSync(join(again.path, 'data/case/case.json'), 'utf8'));
    expect(againCase.activity.map((e: { hash: string }) => e.hash)).toEqual(
      bagCase.activity.map((e: { hash: string }) => e.hash),
    );
  });

  it("signs the bag with the investigator's key it names to the renderer, pseudonymized or not", async () => {
    const store = fileKeyStore(join(work, 'keys', 'investigator.pem'));
    const signing = createReportHandlers({
      appName: 'a',
      appVersion: '1',
      dataDir: work,
      signer: lazySigner(store),
      signerKeptBy: store.where,
    });
    const key = await signing['signing:publicKey']({});
    expect(key).toMatchObject({ fingerprint: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), keptBy: store.where });
    expect(key.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    for (const pseudonymize of [undefined, { key: 'k', subjectIds }]) {
      const result = await signing['bundle:export']({ ...request, ...(pseudonymize && { pseudonymize }) });
      expect(result.signer?.fingerprint).toBe(key.fingerprint);
      expect(await verifyBag(result.path)).toMatchObject({
        ok: true,
        signature: { kind: 'signed', fingerprint: key.fingerprint },
      });
    }
  });

  it('refuses a case whose activity log was edited, and a report changed after sealing', async () => {
    const activity = request.caseRecord.activity as CaseRecord['activity'];
    const edited = activity.map((e, i) => (i === 0 ? { ...e, actor: 'mallory' } : e));
    await expect(
      handlers['bundle:export']({ ...request, caseRecord: { ...request.caseRecord, activity: edited } }),
    ).rejects.toThrow(/activity log is broken/);
    await expect(
      handlers['bundle:export']({ ...request, reportHtml: request.reportHtml.replace('<main>', '<main> ') }),
    ).rejects.toThrow(/HTML report: the report was changed after it was sealed/);
  });
});

function listFiles(dir: string): string[] {
  return execFileSync('find', [dir, '-type', 'f'], { encoding: 'utf8' }).trim().split('\n');
}
