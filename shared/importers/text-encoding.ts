/**
 * Which decoder a file's bytes need: UTF-16 when they open with its byte order mark (FF FE little-endian,
 * FE FF big-endian: Windows tools such as PowerShell's `Out-File` and Excel's "Unicode text" write it), else
 * UTF-8. Read as UTF-8, a UTF-16 file is a NUL byte in every other place: binary data, nothing read.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The encoding a file's first bytes name by their byte order mark (UTF-8 without one). */
export function encodingOf(first: Uint8Array): TextEncodingName {
  if (first[0] === 0xff && first[1] === 0xfe) return 'utf-16le';
  if (first[0] === 0xfe && first[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}
