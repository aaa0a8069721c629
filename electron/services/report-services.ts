/**
 * `report:pdf` (with `report:preparePdf`) and `bundle:export`: what the app's Document step needs from the main process. The renderer builds
 * and seals the report with the same shared functions as the CLI; here the report is printed (Electron's
 * printToPDF, else one headless Chromium kept alive between prints) and the case becomes a BagIt bag under
 * `<dataDir>/exports/`. The case's activity chain and the reports' hashes are checked before anything is written.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { verifyChain } from '../../shared/case/activity-log.js';
import { caseFromActivity } from '../../shared/case/case-actions.js';
import { canonicalJson } from '../../shared/case/canonical-json.js';
import type { CaseRecord } from '../../shared/case/case-types.js';
import type { BundleExportRequest, BundleExportResponse, IpcHandlers } from '../../shared/ipc/contract.js';
import { REPORT_HASH_PLACEHOLDER, sealReport, verifyReportSeal } from '../../shared/report/report-seal.js';
import { exportBundle, type BundlePseudonymization, type BundleSource } from '../bundle/export-bundle.js';
import type { BundleSigner } from '../bundle/bundle-signature.js';
import { pseudonymFor, sha256Hex } from '../bundle/hashing.js';
import { pseudonymizeCaseRecord } from '../bundle/pseudonymize-case.js';
import { pseudonymizedHashes, swapHashes } from '../bundle/pseudonymize-anchors.js';
import { verifyBag } from '../bundle/bagit-verify.js';
import { pseudonymizeText } from '../bundle/pseudonymize.js';
import { createChromiumPrinter, type PdfPrinter } from '../bundle/report-pdf.js';
import { tarFolder } from '../bundle/tar-write.js';

export interface ReportServiceDependencies {
  readonly appName: string;
  readonly appVersion: string;
  /** Bags go under `<dataDir>/exports/`. */
  readonly dataDir: string;
  /** Electron's printer (see electron-pdf.ts); without it, headless Chromium prints. */
  readonly printPdf?: (html: string) => Promise<Uint8Array>;
  /** For tests: the Chromium printer to use. */
  readonly chromiumPrinter?: PdfPrinter;
  readonly now?: () => Date;
  /** The investigator's signing key, created on first use (signing-key.ts); without it bundles are not signed. */
  readonly signer?: () => Promise<BundleSigner>;
  /** What keeps the signing key, for the user. */
  readonly signerKeptBy?: string;
  /**
   * Cites decisions of a saved connection, each by its model and its id, by the queries that read them
   * (connection-investigation-services.ts).
   */
  readonly citeDecisions?: (
    connectionId: string,
    decisions: ReadonlyArray<{ readonly model: string; readonly decisionId: string }>,
  ) => Promise<BundleSource>;
}

const RECHAINED =
  'pseudonymized and chained again: each entry with its subject ids replaced, hashed anew in order; the case owner re-derives it from the original log with the key';

/** Bags larger than this are not also returned as a .tar (the bridge carries JSON). */
const MAX_ARCHIVE_BYTES = 64 * 1024 * 1024;

/** Checks a case record from the renderer: an intact activity chain, and the case is what the log records. */
export async function checkCaseRecord(record: BundleExportRequest['caseRecord']): Promise<CaseRecord> {
  const chain = await verifyChain(record.activity as CaseRecord['activity'], sha256Hex);
  if (!chain.ok) throw new Error(`The case's activity log is broken: ${chain.reason}`);
  const replayed = caseFromActivity(record.activity as CaseRecord['activity']);
  if (canonicalJson(replayed) !== canonicalJson(record.case))
    throw new Error(`Case ${record.case.id}: the case does not match what its activity log records.`);
  return record as unknown as CaseRecord;
}

/**
 * Checks a sealed report; with pseudonymization, replaces the subject ids, swaps the hashes it anchors for those of
 * the pseudonymized log and excerpts, and seals it again.
 */
async function resealed(
  text: string,
  which: string,
  p: BundlePseudonymization | undefined,
  swaps: ReadonlyMap<string, string>,
) {
  const seal = await verifyReportSeal(text, sha256Hex);
  if (!seal.ok) throw new Error(`The ${which} report: ${seal.reason}.`);
  if (!p) return { text, hash: seal.hash };
  const unsealed = text.split(seal.hash).join(REPORT_HASH_PLACEHOLDER);
  return sealReport(swapHashes(pseudonymizeText(unsealed, p.subjectIds, p.pseudonym), swaps), sha256Hex);
}

async function folderSize(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

/** Verifies a bag just written (in its temporary folder): a bag that does not verify is never put in place. */
async function checkWritten(dir: string): Promise<void> {
  const first = (await verifyBag(dir)).discrepancies[0];
  if (first)
    throw new Error(
      `The bundle written does not verify: ${first.file}: ${first.message}${first.expected !== undefined ? ` (expected ${first.expected}, actual ${first.actual ?? 'none'})` : ''}`,
    );
}

/** `path`, or `path-2`, `path-3`… when it is taken (two exports in the same second). */
async function freshFolder(path: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? path : `${path}-${n}`;
    if (!(await stat(candidate).catch(() => undefined))) return candidate;
  }
}

/** A shell-safe rendering of a path for the verify command. */
export function shellQuote(path: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/** The handlers of `report:pdf`, `report:preparePdf` and `bundle:export`. */
export function createReportHandlers(
  deps: ReportServiceDependencies,
): Pick<IpcHandlers, 'report:pdf' | 'report:preparePdf' | 'bundle:export' | 'signing:publicKey'> {
  let chromium: PdfPrinter | undefined = deps.chromiumPrinter;
  const now = deps.now ?? (() => new Date());
  const agent = `${deps.appName} ${deps.appVersion}`;
  const publicHalf = (s: BundleSigner) => ({
    fingerprint: s.fingerprint,
    publicKeyPem: s.publicKeyPem,
    keptBy: deps.signerKeptBy ?? 'the main process',
  });
  return {
    async 'signing:publicKey'() {
      if (!deps.signer) throw new Error('This app has no signing key: its bundles are not signed.');
      return publicHalf(await deps.signer());
    },
    /** Starts the Chromium printer while the user looks at the export panel: the first PDF then prints warm. */
    async 'report:preparePdf'() {
      if (deps.printPdf) return { printer: 'Electron printToPDF' };
      chromium ??= createChromiumPrinter();
      await chromium.warm();
      return { printer: 'headless Chromium' };
    },
    async 'report:pdf'({ html }) {
      let pdf: Uint8Array;
      let printer: string;
      if (deps.printPdf) {
        pdf = await deps.printPdf(html);
        printer = 'Electron printToPDF';
      } else {
        chromium ??= createChromiumPrinter();
        pdf = await chromium.print(html);
        printer = 'headless Chromium';
      }
      return { pdfBase64: Buffer.from(pdf).toString('base64'), bytes: pdf.byteLength, printer };
    },
    async 'bundle:export'(request): Promise<BundleExportResponse> {
      const warehouseSource = (c: NonNullable<BundleExportRequest['connection']>) => {
        if (!deps.citeDecisions)
          throw new Error('This app cannot read saved connections: the bundle cannot cite them.');
        return deps.citeDecisions(c.id, c.decisions);
      };
      const checked = await checkCaseRecord(request.caseRecord);
      const p = request.pseudonymize
        ? { subjectIds: new Set(request.pseudonymize.subjectIds), pseudonym: pseudonymFor(request.pseudonymize.key) }
        : undefined;
      const record = p ? await pseudonymizeCaseRecord(checked, p) : checked;
      const swaps = p ? await pseudonymizedHashes(checked.activity, record.activity, request.excerpts, p) : new Map();
      const html = await resealed(request.reportHtml, 'HTML', p, swaps);
      if (!p && html.hash !== request.reportHash)
        throw new Error(`The HTML report's hash is ${html.hash}, not the ${request.reportHash} it was sent with.`);
      const markdown = await resealed(request.reportMarkdown, 'Markdown', p, swaps);
      const signer = await deps.signer?.();
      const at = now();
      const stamp = at
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
      const folder = `${record.case.id.replace(/[^A-Za-z0-9._-]+/g, '_')}-${stamp}${p ? '-pseudonymized' : ''}`;
      const outDir = await freshFolder(join(deps.dataDir, 'exports', folder));
      const bag = await exportBundle({
        outDir,
        reportHtml: html.text,
        reportMarkdown: markdown.text,
        reportHash: html.hash,
        record,
        sources: [
          ...request.excerpts.map((e) => ({ name: e.name, sha256: e.sha256, records: e.records, excerpt: e.text })),
          ...(request.connection ? [await warehouseSource(request.connection)] : []),
        ],
        cited: request.excerpts.map((e) => ({ sha256: e.sha256, name: e.name, lines: e.lines, pointers: e.pointers })),
        include: 'excerpts',
        pseudonymize: p,
        agent: `${agent} (BagIt 1.0)`,
        now: at,
        info: p ? [['Activity-Log', RECHAINED]] : [],
        signer,
        beforeRename: checkWritten,
      });
      const size = await folderSize(bag.dir);
      const archive = request.archive && size.bytes <= MAX_ARCHIVE_BYTES;
      return {
        path: bag.dir,
        files: size.files,
        bytes: size.bytes,
        payloadOxum: bag.payloadOxum,
        verifyCommand: `npx lineage-investigator verify ${shellQuote(bag.dir)}`,
        ...(signer && { signer: publicHalf(signer) }),
        ...(archive && {
          tarBase64: (await tarFolder(bag.dir, basename(bag.dir))).toString('base64'),
          tarName: `${basename(bag.dir)}.tar`,
        }),
      };
    },
  };
}
