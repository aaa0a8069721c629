/**
 * The warning on a file decoded as Windows-1252 rather than UTF-8 (text-encoding.ts), at the line that shows it:
 * the CLI's reader (electron/sources/import-inputs.ts) and the app's import (renderer/import/run-import.ts) add it to
 * the source's warnings alike.
 */
import type { ImportWarning } from '../model/records';
import { encodingOf, windows1252Line } from './text-encoding';

/** A warning that the file was read as Windows-1252, not UTF-8, at the line that shows it; none for other files. */
export function encodingWarnings(sourceName: string, first: Uint8Array): ImportWarning[] {
  if (encodingOf(first) !== 'windows-1252') return [];
  const line = windows1252Line(first);
  const message =
    'not UTF-8: read as Windows-1252 (Latin-1) — its bytes of 0x80 and more make no UTF-8 sequence, the first on ' +
    'this line; save it as UTF-8 if it was written in another encoding';
  return [{ sourceName, ...(line !== undefined && { line }), message }];
}
