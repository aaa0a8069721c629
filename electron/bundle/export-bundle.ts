/**
 * Exports a case as an evidence bundle (a BagIt bag): the sealed reports (HTML and Markdown), the case with its
 * activity log, and the sources — whole files, or only the cited excerpts. With pseudonymization, subject ids are
 * replaced by keyed pseudonyms everywhere and sources are always excerpted (a whole file would carry raw ids);
 * the key is never written into the bag.
 */
import { randomBytes } from 'node:crypto';
import { readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { CaseRecord } from '../../shared/case/case-types.js';
import { activityHead } from '../../shared/report/report-anchors.js';
import type { CitedSource } from '../../shared/case/citations.js';
import type { WarehouseCitation } from '../warehouse/cited-queries.js';
import { writeBag, type PayloadItem, type WrittenBag } from './bagit-write.js';
import { signBag, type BundleSigner } from './bundle-signature.js';
import { BUNDLE_PATHS, payloadPath } from './bundle-layout.js';
import { excerptOf } from './excerpts.js';
import { findSubjectId, pseudonymizeText } from './pseudonymize.js';

export interface BundleSource {
  readonly name: string;
  readonly sha256: string;
  /** Where the file is on this machine (a folder for a Git repository); absent where only an excerpt is given. */
  readonly path?: string;
  /** The cited excerpt as JSON Lines, made by the caller (the app holds records, not files): included as is. */
  readonly excerpt?: string;
  /** How many records were imported from it: an input nothing was imported from is listed, not included. */
  readonly records: number;
  /** A decision log read in place: cited by its queries, row counts and rows' SHA-256, not packed. */
  readonly warehouse?: WarehouseCitation;
}

export interface BundlePseudonymization {
  readonly subjectIds: ReadonlySet<string>;
  readonly pseudonym: (id: string) => string;
}

export interface BundleInput {
  readonly outDir: string;
  readonly reportHtml: string;
  readonly reportMarkdown: string;
  readonly reportHash: string;
  readonly record: CaseRecord;
  readonly sources: ReadonlyArray<BundleSource>;
  readonly cited: ReadonlyArray<CitedSource>;
  readonly include: 'files' | 'excerpts';
  /** Already applied to the reports and the case by the caller; applied here to the excerpts. */
  readonly pseudonymize?: BundlePseudonymization;
  readonly agent: string;
  readonly now?: Date;
  /** More bag-info fields, after the standard ones. */
  readonly info?: ReadonlyArray<readonly [string, string]>;
  /** The investigator's key: the bag's tag manifest is signed with it (bundle-signature.ts). */
  readonly signer?: BundleSigner;
  /** Runs on the complete bag in its temporary folder; throwing leaves nothing at `outDir`. */
  readonly beforeRename?: (tempDir: string) => Promise<void>;
}

/**
 * Writes the bundle into a temporary folder beside `outDir` and renames it into place once complete (and signed, and
 * accepted by `beforeRename`), so `outDir` never holds half a bag; on any failure the temporary folder is removed.
 * `outDir` must not exist, or be an empty folder. Throws when the case itself still holds a raw subject id that
 * pseudonymization must hide.
 */
export async function exportBundle(input: BundleInput): Promise<WrittenBag> {
  const target = resolve(input.outDir);
  const existing = await stat(target).catch(() => undefined);
  if (existing && (!existing.isDirectory() || (await readdir(target)).length > 0))
    throw new Error(`${input.outDir}: the bundle's folder must be new or empty.`);
  const temp = join(dirname(target), `.${basename(target)}.partial-${randomBytes(6).toString('hex')}`);
  try {
    const bag = await writeBundle({ ...input, outDir: temp });
    if (input.beforeRename) await input.beforeRename(temp);
    await moveIntoPlace(temp, target, existing !== undefined);
    return { ...bag, dir: target };
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

/** Renames the complete bag onto its folder (an empty folder there is replaced). */
async function moveIntoPlace(temp: string, target: string, emptyFolderThere: boolean): Promise<void> {
  try {
    await rename(temp, target);
  } catch (error) {
    // Windows does not rename onto an empty folder; POSIX does.
    if (!emptyFolderThere) throw error;
    await rmdir(target);
    await rename(temp, target);
  }
}

async function writeBundle(input: BundleInput): Promise<WrittenBag> {
  // The log's head rides with the case: a log with its last entries dropped is still a valid chain, not this head.
  const head = activityHead(input.record.activity);
  const caseJson = `${JSON.stringify({ ...input.record, activityHead: head }, null, 2)}\n`;
  const p = input.pseudonymize;
  if (p) {
    const leaked = findSubjectId(caseJson, p.subjectIds) ?? findSubjectId(input.reportHtml, p.subjectIds);
    if (leaked)
      throw new Error(
        `The case or report still names subject ${leaked}: its hash-chained log cannot be pseudonymized after the fact.`,
      );
  }
  const include = p ? 'excerpts' : input.include;
  const items: PayloadItem[] = [
    { path: payloadPath(BUNDLE_PATHS.reportHtml), content: input.reportHtml },
    { path: payloadPath(BUNDLE_PATHS.reportMarkdown), content: input.reportMarkdown },
    { path: payloadPath(BUNDLE_PATHS.caseRecord), content: caseJson },
  ];
  const cited = new Map(input.cited.map((c) => [c.sha256, c] as const));
  const used = new Set<string>();
  const unique = (name: string, sha: string) => {
    const safe = name.replace(/[^A-Za-z0-9._-]+/g, '_') || 'source';
    const chosen = used.has(safe) ? `${sha.slice(0, 12)}-${safe}` : safe;
    used.add(chosen);
    return chosen;
  };
  const listing: unknown[] = [];
  for (const source of input.sources) {
    const isFile = source.path ? ((await stat(source.path).catch(() => undefined))?.isFile() ?? false) : false;
    const c = cited.get(source.sha256);
    const base = {
      name: source.name,
      sha256: source.sha256,
      cited: c ? { lines: c.lines.length, pointers: c.pointers.length } : null,
    };
    if (source.warehouse) {
      listing.push({ ...base, included: 'query', ...source.warehouse });
      continue;
    }
    if (source.records === 0 && !c) {
      listing.push({ ...base, included: 'none', reason: 'nothing was imported from it' });
      continue;
    }
    if (source.excerpt !== undefined) {
      const path = `${payloadPath(BUNDLE_PATHS.excerptFolder)}/${unique(source.name, source.sha256)}.excerpt.jsonl`;
      const text = source.excerpt;
      items.push({ path, content: p ? pseudonymizeText(text, p.subjectIds, p.pseudonym) : text });
      listing.push({ ...base, included: 'excerpt', path: `data/${path}` });
      continue;
    }
    if (!source.path) {
      listing.push({ ...base, included: 'none', reason: c ? 'no excerpt was given' : 'not cited by the case' });
      continue;
    }
    if (!isFile) {
      listing.push({ ...base, included: 'none', reason: 'a repository folder: its commits are cited by full SHA' });
      continue;
    }
    if (include === 'files') {
      const path = `${payloadPath(BUNDLE_PATHS.sourceFolder)}/${unique(source.name, source.sha256)}`;
      items.push({ path, file: source.path });
      listing.push({ ...base, included: 'file', path: `data/${path}` });
    } else if (c) {
      const text = await excerptOf(c, source.path);
      const path = `${payloadPath(BUNDLE_PATHS.excerptFolder)}/${unique(source.name, source.sha256)}.excerpt.jsonl`;
      items.push({ path, content: p ? pseudonymizeText(text, p.subjectIds, p.pseudonym) : text });
      listing.push({ ...base, included: 'excerpt', path: `data/${path}` });
    } else listing.push({ ...base, included: 'none', reason: 'not cited by the case' });
  }
  items.push({ path: payloadPath(BUNDLE_PATHS.sources), content: `${JSON.stringify(listing, null, 2)}\n` });
  const bag = await writeBag(input.outDir, items, {
    agent: input.agent,
    now: input.now,
    info: [
      ['External-Identifier', input.record.case.id],
      ['External-Description', `Evidence bundle of case ${input.record.case.id}: ${input.record.case.title}`],
      ['Report-SHA256', input.reportHash],
      ['Activity-Log-Entries', String(head.entries)],
      ['Activity-Log-Head', head.hash],
      ['Sources-Included', include],
      ...(p
        ? ([
            [
              'Pseudonymization',
              'subject ids replaced by pseudonym = "pseud-" + HMAC-SHA-256(key, id)[0..20]; the key is not in this bag',
            ],
          ] as const)
        : []),
      ...(input.signer ? ([['Signer-Ed25519', input.signer.fingerprint]] as const) : []),
      ...(input.info ?? []),
    ],
  });
  if (input.signer) await signBag(bag.dir, input.signer);
  return bag;
}
