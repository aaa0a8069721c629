/**
 * Verifies an evidence bundle: the BagIt bag (bagit.txt, every tag-manifest and manifest hash, no payload file
 * unlisted, Payload-Oxum, nothing at the root that the bundle does not write) and then what the bag carries — the
 * case's hash-chained activity log, the reports' own hashes, and what every file says of the others
 * (bundle-contents.ts). Every discrepancy names its file, and expected against actual.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { verifyChain } from '../../shared/case/activity-log.js';
import { caseFromActivity } from '../../shared/case/case-actions.js';
import { canonicalJson } from '../../shared/case/canonical-json.js';
import type { ActivityEntry } from '../../shared/case/case-types.js';
import { activityHead } from '../../shared/report/report-anchors.js';
import { oddBagEntries } from './bag-entries.js';
import { parseBagInfo, parseManifest, type ManifestLine } from './bagit-files.js';
import { checkBagRoot, checkTagManifestCoverage } from './bag-root.js';
import { checkBundleContents } from './bundle-contents.js';
import { checkSignatureAgainst } from './bundle-signed-by.js';
import { PUBLIC_KEY_FILE, readBagSignature, SIGNATURE_FILE, type BagSignature } from './bundle-signature.js';
import { BUNDLE_PATHS } from './bundle-layout.js';
import { sha256File, sha256Hex } from './hashing.js';

export interface Discrepancy {
  readonly file: string;
  readonly message: string;
  readonly expected?: string;
  readonly actual?: string;
}

export interface BagVerdict {
  readonly ok: boolean;
  readonly discrepancies: ReadonlyArray<Discrepancy>;
  /** The signature over the tag manifest, checked against the key the bag carries (trust is the caller's). */
  readonly signature: BagSignature;
  /** What was checked, for the success message. */
  readonly checked: { readonly payloadFiles: number; readonly payloadBytes: number; readonly activityEntries: number };
}

export interface VerifyOptions {
  /** The report SHA-256 the auditor recorded: one of the two reports must be sealed with it. */
  readonly expectReportSha256?: string;
}

/** Checks the whole bag; stops hashing nothing early, so every discrepancy is listed (the first one first). */
export async function verifyBag(dir: string, options: VerifyOptions = {}): Promise<BagVerdict> {
  const found: Discrepancy[] = [];
  const checked = { payloadFiles: 0, payloadBytes: 0, activityEntries: 0 };
  const { refused, empty } = await oddBagEntries(dir);
  if (refused.length > 0) return { ok: false, discrepancies: refused, signature: { kind: 'unsigned' }, checked };
  found.push(...empty);
  const text = async (name: string) => readFile(join(dir, name), 'utf8').catch(() => undefined);
  const bagit = await text('bagit.txt');
  if (bagit === undefined)
    return {
      ok: false,
      discrepancies: [{ file: 'bagit.txt', message: 'is missing: this is not a BagIt bag' }],
      signature: { kind: 'unsigned' },
      checked,
    };
  if (!/^BagIt-Version: \d+\.\d+/m.test(bagit))
    found.push({ file: 'bagit.txt', message: 'does not declare BagIt-Version' });

  const tagText = await text('tagmanifest-sha256.txt');
  if (tagText === undefined) found.push({ file: 'tagmanifest-sha256.txt', message: 'is missing' });
  else checkTagManifestCoverage((await checkManifest(dir, tagText, 'tagmanifest-sha256.txt', found)).lines, found);
  await checkBagRoot(dir, new Set([SIGNATURE_FILE, PUBLIC_KEY_FILE]), found);

  const manifestText = await text('manifest-sha256.txt');
  const listed = new Set<string>();
  if (manifestText === undefined) found.push({ file: 'manifest-sha256.txt', message: 'is missing' });
  else {
    const { sizes } = await checkManifest(dir, manifestText, 'manifest-sha256.txt', found);
    for (const [path, size] of sizes) {
      listed.add(path);
      checked.payloadFiles++;
      checked.payloadBytes += size;
    }
  }
  const onDisk = await listFiles(join(dir, 'data'));
  for (const path of onDisk)
    if (!listed.has(path)) found.push({ file: path, message: 'is in the payload but not in manifest-sha256.txt' });

  const info = parseBagInfo((await text('bag-info.txt')) ?? '');
  const oxum = info.get('Payload-Oxum')?.[0];
  let actualBytes = 0;
  for (const path of onDisk) actualBytes += (await stat(join(dir, path))).size;
  const actualOxum = `${actualBytes}.${onDisk.length}`;
  if (oxum === undefined) found.push({ file: 'bag-info.txt', message: 'has no Payload-Oxum' });
  else if (oxum !== actualOxum)
    found.push({
      file: 'bag-info.txt',
      message: 'Payload-Oxum does not match the payload',
      expected: oxum,
      actual: actualOxum,
    });

  const caseRecord = await checkCase(dir, found);
  checked.activityEntries = caseRecord.entries;
  const anchors = await checkBundleContents(
    {
      dir,
      info,
      payload: new Set(onDisk),
      caseRecord: caseRecord.record,
      expectReportSha256: options.expectReportSha256,
    },
    found,
  );
  // Last: what was altered is named first; a broken signature only says that something was.
  const signature = await readBagSignature(dir);
  if (signature.kind === 'invalid') found.push({ file: signature.file, message: signature.reason });
  checkSignatureAgainst(signature, info.get('Signer-Ed25519')?.[0], anchors?.signer, found);
  return { ok: found.length === 0, discrepancies: found, signature, checked };
}

/** Checks every line of a manifest; returns its lines and path → size of the files that exist. */
async function checkManifest(
  dir: string,
  body: string,
  file: string,
  found: Discrepancy[],
): Promise<{ sizes: Map<string, number>; lines: ManifestLine[] }> {
  const sizes = new Map<string, number>();
  let lines: ManifestLine[];
  try {
    lines = parseManifest(body, file);
  } catch (error) {
    found.push({ file, message: (error as Error).message });
    return { sizes, lines: [] };
  }
  for (const entry of lines) {
    if (entry.path.split('/').includes('..')) {
      found.push({ file, message: `line ${entry.line} names a path outside the bag: ${entry.path}` });
      continue;
    }
    const actual = await sha256File(join(dir, ...entry.path.split('/'))).catch(() => undefined);
    if (!actual) found.push({ file: entry.path, message: `is listed in ${file} (line ${entry.line}) but missing` });
    else {
      sizes.set(entry.path, actual.size);
      if (actual.hash !== entry.hash)
        found.push({
          file: entry.path,
          message: `SHA-256 does not match ${file} line ${entry.line}`,
          expected: entry.hash,
          actual: actual.hash,
        });
    }
  }
  return { sizes, lines };
}

interface CheckedCase {
  readonly entries: number;
  /** The case's id and its log, when the chain holds and the case is what the log records. */
  readonly record?: { readonly caseId: string; readonly activity: ReadonlyArray<{ readonly hash: string }> };
}

/** Checks the case's activity chain and that the case is what its log says. */
async function checkCase(dir: string, found: Discrepancy[]): Promise<CheckedCase> {
  const file = BUNDLE_PATHS.caseRecord;
  const body = await readFile(join(dir, file), 'utf8').catch(() => undefined);
  if (body === undefined) {
    found.push({ file, message: 'is missing: the bundle carries no case' });
    return { entries: 0 };
  }
  let record: { case?: { id?: unknown }; activity?: unknown };
  try {
    record = JSON.parse(body) as typeof record;
  } catch (error) {
    found.push({ file, message: `is not JSON: ${(error as Error).message}` });
    return { entries: 0 };
  }
  const activity = (Array.isArray(record.activity) ? record.activity : []) as ActivityEntry[];
  const chain = await verifyChain(activity, sha256Hex);
  if (!chain.ok) {
    found.push({ file, message: `activity chain broken: ${chain.reason}` });
    return { entries: activity.length };
  }
  try {
    if (canonicalJson(caseFromActivity(activity)) !== canonicalJson(record.case)) {
      found.push({ file, message: 'the case does not match what its activity log records' });
      return { entries: activity.length };
    }
  } catch (error) {
    found.push({ file, message: `the activity log cannot be replayed: ${(error as Error).message}` });
    return { entries: activity.length };
  }
  const head = activityHead(activity);
  const anchored = (record as { activityHead?: { entries?: unknown; hash?: unknown } }).activityHead;
  if (!anchored) found.push({ file, message: "does not record its activity log's head (activityHead)" });
  else if (anchored.entries !== head.entries || anchored.hash !== head.hash)
    found.push({
      file,
      message: 'its activity log is not the one its activityHead records (entries and last hash)',
      expected: `${String(anchored.entries)} ${String(anchored.hash)}`,
      actual: `${head.entries} ${head.hash}`,
    });
  return { entries: activity.length, record: { caseId: String(record.case?.id), activity } };
}

async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const full = join(folder, e.name);
      if (e.isDirectory()) await walk(full);
      else out.push(`data/${relative(root, full).split(sep).join('/')}`);
    }
  };
  await walk(root);
  return out.sort();
}
