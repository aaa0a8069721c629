/**
 * Which decoder a file's bytes need, told by its first bytes (at most SNIFF_BYTES, so every reader decides alike
 * whatever size of chunk it reads):
 * - UTF-16 when they open with its byte order mark (FF FE little-endian, FE FF big-endian: Windows tools such as
 *   PowerShell's `Out-File` and Excel's "Unicode text" write it). Read as UTF-8, a UTF-16 file is a NUL byte in every
 *   other place: binary data, nothing read.
 * - Windows-1252 (Latin-1 with the Windows punctuation in 80–9F; Excel's "CSV" on a Western Windows, older exports)
 *   when they hold bytes ≥ 0x80 that make no UTF-8 sequence, every one of them a letter, sign or punctuation of
 *   Windows-1252, and no valid UTF-8 sequence of two bytes or more: read as UTF-8, `Zoë` would be `Zo\uFFFD`.
 * - Else UTF-8. A file with invalid UTF-8 that is not such text (a byte FF, an undefined byte, valid UTF-8 beside the
 *   invalid bytes, invalid bytes only past the first SNIFF_BYTES) stays UTF-8: its U+FFFD are warned of with their
 *   lines (text-damage.ts).
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** How many of a file's first bytes tell its encoding. */
export const SNIFF_BYTES = 65536;

/** The encoding a file's first bytes name by their byte order mark, or show by being Windows-1252 text. */
export function encodingOf(first: Uint8Array): TextEncodingName {
  if (first[0] === 0xff && first[1] === 0xfe) return 'utf-16le';
  if (first[0] === 0xfe && first[1] === 0xff) return 'utf-16be';
  return windows1252Line(first) === undefined ? 'utf-8' : 'windows-1252';
}

/** What Windows-1252 has in 0x80–0x9F (its five undefined bytes kept as their code points, as browsers decode them). */
const C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Windows-1252 bytes as text, as the WHATWG Encoding Standard decodes them. Node 20's TextDecoder('windows-1252')
 * decodes ISO-8859-1 instead (0x80 as U+0080, not €), so the readers use this for it.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const codes = Array.from(bytes.subarray(start, start + 8192), (b) =>
      b >= 0x80 && b < 0xa0 ? C1.charCodeAt(b - 0x80) : b,
    );
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** A streaming decoder for the encoding (TextDecoder's `decode` and end, Windows-1252 by decodeWindows1252). */
export function textDecoderFor(encoding: TextEncodingName): {
  decode(bytes?: Uint8Array, options?: { stream?: boolean }): string;
} {
  if (encoding === 'windows-1252') return { decode: (bytes) => (bytes ? decodeWindows1252(bytes) : '') };
  return new TextDecoder(encoding, { fatal: false });
}

/** Bytes of 0x80 and more that Windows-1252 leaves undefined, and ÿ (FF), which text rarely holds and binary often. */
const NOT_WINDOWS_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d, 0xff]);

/** How many continuation bytes (10xxxxxx) follow a UTF-8 lead byte, 0 for a byte that cannot lead a sequence. */
function trailOf(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 1;
  if (lead >= 0xe0 && lead <= 0xef) return 2;
  if (lead >= 0xf0 && lead <= 0xf4) return 3;
  return 0;
}

/**
 * The line (from 1) of the first byte that makes the file's first bytes Windows-1252 text rather than UTF-8 (see
 * above), or undefined when they are UTF-8 (or hold no byte ≥ 0x80).
 */
export function windows1252Line(first: Uint8Array): number | undefined {
  const bytes = first.subarray(0, SNIFF_BYTES);
  let line = 1;
  let found: number | undefined;
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i] as number;
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) line += 1; // LF, CRLF or a bare CR
    if (b < 0x80) continue;
    const trail = trailOf(b);
    // A sequence cut by the end of the sample is left undecided (a shorter sample is the whole file: its end is cut).
    if (trail > 0 && i + trail >= bytes.length && bytes.length === SNIFF_BYTES) break;
    let valid = trail > 0;
    for (let k = 1; valid && k <= trail; k += 1) valid = ((bytes[i + k] as number) & 0xc0) === 0x80;
    if (valid) return undefined;
    if (NOT_WINDOWS_1252.has(b)) return undefined;
    found ??= line;
  }
  return found;
}
