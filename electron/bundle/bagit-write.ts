/**
 * Writes a BagIt bag (RFC 8493, version 1.0): `bagit.txt`, the payload under `data/`,
 * `manifest-sha256.txt`, `bag-info.txt` (Bagging-Date, Payload-Oxum, Bag-Software-Agent and the caller's fields)
 * and `tagmanifest-sha256.txt` over the tag files. Large source files are streamed: copied and hashed in one pass.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { formatBagInfo, formatManifest } from './bagit-files.js';
import { sha256Hex } from './hashing.js';

/** One payload file: its path under `data/` (forward slashes) and its bytes, or a file to copy. */
export type PayloadItem =
  { readonly path: string; readonly content: string | Uint8Array } | { readonly path: string; readonly file: string };

export interface WrittenBag {
  readonly dir: string;
  readonly payloadOxum: string;
  /** Bag path → SHA-256 of every payload file. */
  readonly payload: ReadonlyMap<string, string>;
}

export interface BagOptions {
  readonly agent: string;
  /** Extra bag-info fields, in order (e.g. External-Identifier, Source-Organization). */
  readonly info?: ReadonlyArray<readonly [string, string]>;
  readonly now?: Date;
}

/** Writes the bag into `dir` (created; must be empty when it exists). */
export async function writeBag(
  dir: string,
  items: ReadonlyArray<PayloadItem>,
  options: BagOptions,
): Promise<WrittenBag> {
  await mkdir(dir, { recursive: true });
  if ((await readdir(dir)).length > 0) throw new Error(`${dir}: the bag's folder is not empty.`);
  const seen = new Set<string>();
  const payload = new Map<string, string>();
  let octets = 0;
  for (const item of items) {
    if (!/^[^/].*[^/]$|^[^/]$/.test(item.path) || item.path.split('/').some((p) => p === '..' || p === '.' || p === ''))
      throw new Error(`Payload path ${JSON.stringify(item.path)} is not a relative path inside data/.`);
    if (seen.has(item.path)) throw new Error(`Payload path data/${item.path} is given twice.`);
    seen.add(item.path);
    const target = join(dir, 'data', ...item.path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    if ('content' in item) {
      const bytes = typeof item.content === 'string' ? Buffer.from(item.content, 'utf8') : item.content;
      await writeFile(target, bytes);
      payload.set(`data/${item.path}`, sha256Hex(bytes));
      octets += bytes.length;
    } else {
      const { hash, size } = await copyHashing(item.file, target);
      payload.set(`data/${item.path}`, hash);
      octets += size;
    }
  }
  const payloadOxum = `${octets}.${items.length}`;
  const now = options.now ?? new Date();
  const tags: Array<[string, string]> = [
    ['bagit.txt', 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n'],
    ['manifest-sha256.txt', formatManifest([...payload].map(([path, hash]) => ({ path, hash })))],
    [
      'bag-info.txt',
      formatBagInfo([
        ['Bagging-Date', now.toISOString().slice(0, 10)],
        ['Payload-Oxum', payloadOxum],
        ['Bag-Software-Agent', options.agent],
        ...(options.info ?? []),
      ]),
    ],
  ];
  for (const [name, text] of tags) await writeFile(join(dir, name), text, 'utf8');
  const tagManifest = formatManifest(tags.map(([path, text]) => ({ path, hash: sha256Hex(text) })));
  await writeFile(join(dir, 'tagmanifest-sha256.txt'), tagManifest, 'utf8');
  return { dir, payloadOxum, payload };
}

async function copyHashing(from: string, to: string): Promise<{ hash: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(createReadStream(from, { highWaterMark: 1 << 20 }), tap, createWriteStream(to));
  return { hash: hash.digest('hex'), size };
}
