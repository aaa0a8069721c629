/**
 * A small POSIX ustar writer (no dependency): packs a folder's regular files under one top folder, so a bag can
 * be downloaded as one file in web mode and unpacked anywhere with `tar -xf`. Names longer than ustar's 100
 * bytes use its 155-byte prefix field; a path that fits neither is refused, naming it.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

const BLOCK = 512;

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

/** Splits a path into ustar's prefix and name fields (each on a `/`), or throws when it cannot fit. */
function splitName(path: string): { name: string; prefix: string } {
  if (Buffer.byteLength(path) <= 100) return { name: path, prefix: '' };
  for (let at = path.indexOf('/'); at >= 0; at = path.indexOf('/', at + 1)) {
    const prefix = path.slice(0, at);
    const name = path.slice(at + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return { name, prefix };
  }
  throw new Error(`${path}: the path is too long for a tar archive (ustar: 100-byte name, 155-byte prefix).`);
}

/** One 512-byte ustar header for a regular file. */
export function tarHeader(path: string, size: number, mtime: Date): Buffer {
  const { name, prefix } = splitName(path);
  const header = Buffer.alloc(BLOCK, 0);
  header.write(name, 0, 100, 'utf8');
  header.write(octal(0o644, 8), 100, 'ascii');
  header.write(octal(0, 8), 108, 'ascii');
  header.write(octal(0, 8), 116, 'ascii');
  header.write(octal(size, 12), 124, 'ascii');
  header.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  header.write(' '.repeat(8), 148, 'ascii');
  header.write('0', 156, 'ascii');
  header.write('ustar\u000000', 257, 'ascii');
  header.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return header;
}

/** Packs every regular file under `dir` as `<top>/<relative path>`, sorted by path; returns the archive. */
export async function tarFolder(dir: string, top: string): Promise<Buffer> {
  const files: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) files.push(full);
    }
  };
  await walk(dir);
  const parts: Buffer[] = [];
  for (const file of files.sort()) {
    const path = `${top}/${relative(dir, file).split(sep).join('/')}`;
    const [info, body] = await Promise.all([stat(file), readFile(file)]);
    parts.push(tarHeader(path, body.length, info.mtime), body);
    const pad = (BLOCK - (body.length % BLOCK)) % BLOCK;
    if (pad > 0) parts.push(Buffer.alloc(pad, 0));
  }
  parts.push(Buffer.alloc(BLOCK * 2, 0));
  return Buffer.concat(parts);
}
