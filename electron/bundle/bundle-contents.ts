/**
 * Cross-checks what an evidence bundle's files say of each other, past their hashes: a forger who edits a file and
 * re-hashes both manifests is caught here. The reports (both present, sealed, the seal the one bag-info records and
 * the auditor expects) anchor the case, its activity log's head and the SHA-256 of every cited line or pointer;
 * `case.json`, `bag-info.txt`, `sources.json` and the payload must agree with them and with each other.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { countOf } from '../../shared/model/count-words.js';
import {
  activityHead,
  excerptDigests,
  readReportAnchors,
  type CitedDigest,
  type QueryDigest,
  type ReportAnchors,
} from '../../shared/report/report-anchors.js';
import { formatAnchors } from '../../shared/report/report-anchors.js';
import { verifyReportSeal } from '../../shared/report/report-seal.js';
import type { Discrepancy } from './bagit-verify.js';
import { BUNDLE_PATHS } from './bundle-layout.js';
import { excerptOf } from './excerpts.js';
import { sha256File, sha256Hex } from './hashing.js';
import { queryDigests, type WarehouseCitation } from '../warehouse/cited-queries.js';
import { readQueryListing } from './query-listing.js';

export interface BundleFacts {
  readonly dir: string;
  /** bag-info.txt's fields. */
  readonly info: ReadonlyMap<string, ReadonlyArray<string>>;
  /** Payload files on disk (bag paths). */
  readonly payload: ReadonlySet<string>;
  /** The parsed case.json, when it is intact. */
  readonly caseRecord?: { readonly caseId: string; readonly activity: ReadonlyArray<{ readonly hash: string }> };
  readonly expectReportSha256?: string;
}

interface SourceListing {
  readonly name?: unknown;
  readonly sha256?: unknown;
  readonly included?: unknown;
  readonly path?: unknown;
}

/** Runs every cross-check; returns the HTML report's anchors when they could be read. */
export async function checkBundleContents(
  facts: BundleFacts,
  found: Discrepancy[],
): Promise<ReportAnchors | undefined> {
  const anchors = await checkReports(facts, found);
  checkCaseAgainst(facts, anchors, found);
  await checkSources(facts, anchors, found);
  return anchors;
}

function one(info: BundleFacts['info'], key: string): string | undefined {
  return info.get(key)?.[0];
}

async function checkReports(facts: BundleFacts, found: Discrepancy[]): Promise<ReportAnchors | undefined> {
  const read: Array<{ file: string; anchors?: ReportAnchors; seal?: string }> = [];
  for (const file of [BUNDLE_PATHS.reportHtml, BUNDLE_PATHS.reportMarkdown]) {
    const body = await readFile(join(facts.dir, file), 'utf8').catch(() => undefined);
    if (body === undefined) {
      found.push({ file, message: 'is missing: the bundle must carry both reports' });
      continue;
    }
    const seal = await verifyReportSeal(body, sha256Hex);
    if (!seal.ok)
      found.push({ file, message: `report hash: ${seal.reason}`, expected: seal.expected, actual: seal.actual });
    const parsed = readReportAnchors(body);
    if ('error' in parsed) found.push({ file, message: parsed.error });
    read.push({
      file,
      anchors: 'anchors' in parsed ? parsed.anchors : undefined,
      seal: seal.ok ? seal.hash : undefined,
    });
  }
  const html = read.find((r) => r.file === BUNDLE_PATHS.reportHtml);
  const md = read.find((r) => r.file === BUNDLE_PATHS.reportMarkdown);
  const recorded = one(facts.info, 'Report-SHA256');
  if (recorded === undefined) found.push({ file: 'bag-info.txt', message: 'has no Report-SHA256' });
  else if (html?.seal && recorded !== html.seal)
    found.push({
      file: 'bag-info.txt',
      message: `Report-SHA256 is not the hash ${BUNDLE_PATHS.reportHtml} is sealed with`,
      expected: html.seal,
      actual: recorded,
    });
  const expected = facts.expectReportSha256?.toLowerCase();
  if (expected !== undefined && !read.some((r) => r.seal === expected))
    found.push({
      file: BUNDLE_PATHS.reportHtml,
      message: 'neither report is sealed with the hash the auditor expects (--expect-report-sha256)',
      expected,
      actual: read.map((r) => r.seal ?? 'unsealed').join(' / '),
    });
  if (html?.anchors && md?.anchors && formatAnchors(html.anchors) !== formatAnchors(md.anchors))
    found.push({ file: BUNDLE_PATHS.reportMarkdown, message: "its evidence anchors differ from the HTML report's" });
  return html?.anchors ?? md?.anchors;
}

function checkCaseAgainst(facts: BundleFacts, anchors: ReportAnchors | undefined, found: Discrepancy[]): void {
  const file = BUNDLE_PATHS.caseRecord;
  const record = facts.caseRecord;
  const infoId = one(facts.info, 'External-Identifier');
  const infoEntries = one(facts.info, 'Activity-Log-Entries');
  if (!record) return;
  const head = activityHead(record.activity);
  if (infoId !== record.caseId)
    found.push({
      file: 'bag-info.txt',
      message: 'External-Identifier is not the case in case.json',
      expected: record.caseId,
      actual: infoId ?? 'none',
    });
  if (infoEntries !== String(head.entries))
    found.push({
      file: 'bag-info.txt',
      message: 'Activity-Log-Entries is not the number of entries in case.json',
      expected: String(head.entries),
      actual: infoEntries ?? 'none',
    });
  const infoHead = one(facts.info, 'Activity-Log-Head');
  if (infoHead !== head.hash)
    found.push({
      file: 'bag-info.txt',
      message: "Activity-Log-Head is not the last hash of case.json's activity log",
      expected: head.hash,
      actual: infoHead ?? 'none',
    });
  if (!anchors) return;
  if (anchors.caseId !== record.caseId)
    found.push({
      file,
      message: 'is not the case the report is about',
      expected: anchors.caseId,
      actual: record.caseId,
    });
  if (anchors.activityEntries !== head.entries || anchors.activityHead !== head.hash)
    found.push({
      file,
      message: "its activity log's head is not the one the report anchors (entries and last hash)",
      expected: `${anchors.activityEntries} ${anchors.activityHead}`,
      actual: `${head.entries} ${head.hash}`,
    });
}

async function readSources(dir: string, found: Discrepancy[]): Promise<SourceListing[] | undefined> {
  const file = BUNDLE_PATHS.sources;
  const body = await readFile(join(dir, file), 'utf8').catch(() => undefined);
  if (body === undefined) {
    found.push({ file, message: 'is missing: the bundle does not say which sources it carries' });
    return undefined;
  }
  try {
    const list = JSON.parse(body) as unknown;
    if (Array.isArray(list)) return list as SourceListing[];
    found.push({ file, message: 'is not a JSON array of sources' });
  } catch (error) {
    found.push({ file, message: `is not JSON: ${(error as Error).message}` });
  }
  return undefined;
}

const key = (d: Pick<CitedDigest, 'line' | 'pointer'>) =>
  d.line !== undefined ? `line ${d.line}` : `pointer ${d.pointer}`;

async function checkSources(
  facts: BundleFacts,
  anchors: ReportAnchors | undefined,
  found: Discrepancy[],
): Promise<void> {
  const file = BUNDLE_PATHS.sources;
  const list = await readSources(facts.dir, found);
  if (!list) return;
  const included = one(facts.info, 'Sources-Included');
  const named = new Set<string>();
  const bySha = new Map<string, { path?: string; included: string; name: string }>();
  const queried: Array<{ readonly where: string; readonly citation: WarehouseCitation }> = [];
  for (const [i, s] of list.entries()) {
    const where = `entry ${i + 1} (${String(s.name)})`;
    if (typeof s.sha256 !== 'string' || typeof s.included !== 'string') {
      found.push({ file, message: `${where} has no sha256 or included` });
      continue;
    }
    const path = typeof s.path === 'string' ? s.path : undefined;
    bySha.set(s.sha256, { path, included: s.included, name: String(s.name) });
    if (s.included === 'none') continue;
    if (s.included === 'query') {
      const citation = readQueryListing(s as Record<string, unknown>, where, file, found);
      if (citation) queried.push({ where, citation });
      continue;
    }
    if (s.included === 'file' && included === 'excerpts')
      found.push({ file, message: `${where} is a whole file, but bag-info.txt says Sources-Included: excerpts` });
    if (!path || !facts.payload.has(path)) {
      found.push({ file, message: `${where} names ${path ?? 'no path'}, which is not in the payload` });
      continue;
    }
    named.add(path);
    if (s.included === 'file') {
      const actual = (await sha256File(join(facts.dir, path))).hash;
      if (actual !== s.sha256)
        found.push({
          file: path,
          message: `is not the source ${file} names (its SHA-256 at import)`,
          expected: s.sha256,
          actual,
        });
    } else {
      const header = (await readFile(join(facts.dir, path), 'utf8')).split('\n', 1)[0] ?? '';
      const sha = (() => {
        try {
          return (JSON.parse(header) as { sha256?: unknown }).sha256;
        } catch {
          return undefined;
        }
      })();
      if (sha !== s.sha256)
        found.push({
          file: path,
          message: `its header does not name the source ${file} lists`,
          expected: s.sha256,
          actual: String(sha),
        });
    }
  }
  // Past the reports, the case and this listing, the payload holds the sources it lists and nothing else.
  const written = new Set<string>([
    BUNDLE_PATHS.reportHtml,
    BUNDLE_PATHS.reportMarkdown,
    BUNDLE_PATHS.caseRecord,
    BUNDLE_PATHS.sources,
  ]);
  for (const path of facts.payload)
    if (!named.has(path) && !written.has(path))
      found.push({ file: path, message: `is in the payload but ${file} does not list it` });
  if (!anchors) return;
  checkAnchoredQueries(queried, anchors, found);
  // An excerpt is made only of what the report cites: one of a source the report cites nothing of was added.
  const cited = new Set(anchors.cited.map((c) => c.source));
  for (const [sha256, listed] of bySha)
    if (listed.included === 'excerpt' && listed.path && !cited.has(sha256))
      found.push({ file: listed.path, message: `is an excerpt of ${listed.name}, of which the report cites nothing` });
  await checkCitedDigests(facts, anchors, bySha, found);
}

const queryLine = (q: QueryDigest) => `${q.source} ${q.query} ${q.rows} ${q.sha256}`;

/**
 * Every query `sources.json` lists must be one the report anchors (the SHA-256 of its text and parameters, its row
 * count and rows' SHA-256), and every query the report anchors must be listed: a listing re-pointed at other rows,
 * or at another query, no longer matches the sealed report.
 */
function checkAnchoredQueries(
  queried: ReadonlyArray<{ readonly where: string; readonly citation: WarehouseCitation }>,
  anchors: ReportAnchors,
  found: Discrepancy[],
): void {
  const anchored = new Map<string, number>();
  for (const q of anchors.queries ?? []) anchored.set(queryLine(q), (anchored.get(queryLine(q)) ?? 0) + 1);
  for (const { where, citation } of queried)
    queryDigests(citation).forEach((q, i) => {
      const left = anchored.get(queryLine(q)) ?? 0;
      if (left > 0) anchored.set(queryLine(q), left - 1);
      else
        found.push({
          file: BUNDLE_PATHS.sources,
          message: `${where} lists query ${i + 1} (${q.rows} rows), which the report does not anchor: its text, parameters, row count or rows' SHA-256 differ from the report's`,
        });
    });
  for (const [line, left] of anchored)
    if (left > 0) {
      const [source, , rows] = line.split(' ');
      found.push({
        file: BUNDLE_PATHS.sources,
        message: `the report anchors a query of source ${source} (${rows} rows) that the bundle does not list`,
      });
    }
}

/** Every cited line or pointer the report anchors must be in the bag with the SHA-256 the report gives it. */
async function checkCitedDigests(
  facts: BundleFacts,
  anchors: ReportAnchors,
  bySha: ReadonlyMap<string, { path?: string; included: string; name: string }>,
  found: Discrepancy[],
): Promise<void> {
  const wanted = new Map<string, CitedDigest[]>();
  for (const c of anchors.cited) wanted.set(c.source, [...(wanted.get(c.source) ?? []), c]);
  for (const [source, cited] of wanted) {
    const listed = bySha.get(source);
    if (!listed || listed.included === 'none' || !listed.path || !facts.payload.has(listed.path)) {
      found.push({
        file: BUNDLE_PATHS.sources,
        message: `the report cites ${countOf(cited.length, 'line or pointer', 'lines or pointers')} of source ${listed?.name ?? source}, which the bundle does not carry`,
      });
      continue;
    }
    const path = listed.path;
    let actual: CitedDigest[];
    try {
      const excerpt =
        listed.included === 'file'
          ? await excerptOf(
              {
                sha256: source,
                name: listed.name,
                lines: cited.flatMap((c) => (c.line !== undefined ? [c.line] : [])).sort((a, b) => a - b),
                pointers: cited.flatMap((c) => (c.pointer !== undefined ? [c.pointer] : [])),
              },
              join(facts.dir, path),
            )
          : await readFile(join(facts.dir, path), 'utf8');
      actual = await excerptDigests(excerpt, sha256Hex);
    } catch (error) {
      found.push({ file: path, message: `cannot be read as the report's citations: ${(error as Error).message}` });
      continue;
    }
    const have = new Map(actual.map((d) => [key(d), d.sha256] as const));
    for (const c of cited) {
      const got = have.get(key(c));
      if (got === undefined) found.push({ file: path, message: `does not hold ${key(c)}, which the report cites` });
      else if (got !== c.sha256)
        found.push({
          file: path,
          message: `${key(c)} is not what the report cites (SHA-256 of its entry)`,
          expected: c.sha256,
          actual: got,
        });
    }
    if (listed.included !== 'file') {
      const cites = new Set(cited.map(key));
      for (const d of actual)
        if (!cites.has(key(d))) found.push({ file: path, message: `holds ${key(d)}, which the report does not cite` });
    }
  }
}
