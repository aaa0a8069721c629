/**
 * A case file comes from someone else: it is read only when it is a regular file (a FIFO, a device or a socket would
 * be waited on forever, as `inspect` refuses them), then parsed as one (portable-case-verify.ts).
 */
import { readFile, stat } from 'node:fs/promises';
import { parseCaseFile } from '../../shared/case/portable-case-verify.js';
import type { PortableCaseFile } from '../../shared/case/case-file-format.js';
import { specialKind } from '../sources/list-inputs.js';

/** The case file at `path`; throws naming the path when it is no regular file or no case file. */
export async function readCaseFileAt(path: string): Promise<PortableCaseFile> {
  const special = specialKind(await stat(path));
  if (special) throw new Error(`${path}: ${special}, not a case file: not read`);
  return parseCaseFile(await readFile(path, 'utf8'), path);
}
