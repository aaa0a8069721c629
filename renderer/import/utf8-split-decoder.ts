/**
 * UTF-8 decoding that keeps ASCII lines one-byte strings. Chromium's UTF-8 TextDecoder turns a whole piece into a
 * two-byte string as soon as one character in it is not ASCII, and decodes at about half the speed of its
 * single-byte decoder (measured in bench notes). A piece is split at line ends around the lines holding bytes
 * ≥ 0x80: runs of pure-ASCII lines are decoded as windows-1252 (identical to UTF-8 below 0x80), the other lines by
 * a streaming UTF-8 decoder. A line end never falls inside a UTF-8 sequence, so the text is exactly what one UTF-8
 * decoder would give, invalid bytes becoming U+FFFD the same way (checked against TextDecoder in the test).
 */
const NEWLINE = 10;

export class Utf8SplitDecoder {
  private readonly utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
  private readonly ascii = new TextDecoder('windows-1252');
  /** The UTF-8 decoder may hold part of a sequence: the next bytes up to a line end go to it. */
  private open = false;
  private first = true;

  /** The text of the next bytes, as pieces in order (join them for the whole). */
  decode(bytes: Uint8Array): string[] {
    const out: string[] = [];
    let start = 0;
    if (this.first && bytes.length > 0) {
      this.first = false;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3; // a byte order mark
    }
    if (this.open) {
      const end = bytes.indexOf(NEWLINE, start);
      const stop = end === -1 ? bytes.length : end + 1;
      out.push(this.utf8.decode(bytes.subarray(start, stop), { stream: true }));
      this.open = end === -1;
      start = stop;
    }
    while (start < bytes.length) {
      const high = firstHigh(bytes, start);
      if (high === -1) {
        out.push(this.ascii.decode(bytes.subarray(start)));
        break;
      }
      const lineStart = high === 0 ? 0 : bytes.lastIndexOf(NEWLINE, high - 1) + 1;
      if (lineStart > start) out.push(this.ascii.decode(bytes.subarray(start, lineStart)));
      const end = bytes.indexOf(NEWLINE, high);
      const stop = end === -1 ? bytes.length : end + 1;
      out.push(this.utf8.decode(bytes.subarray(Math.max(start, lineStart), stop), { stream: true }));
      this.open = end === -1;
      start = stop;
    }
    return out.filter((text) => text !== '');
  }

  /** What the UTF-8 decoder still held (an unfinished sequence at the end of the input: U+FFFD). */
  end(): string {
    return this.utf8.decode();
  }
}

/** The index of the first byte ≥ 0x80 from `from`, or -1; four bytes at a time where aligned. */
function firstHigh(bytes: Uint8Array, from: number): number {
  let i = from;
  const aligned = (4 - ((bytes.byteOffset + i) & 3)) & 3;
  for (const stop = Math.min(bytes.length, i + aligned); i < stop; i += 1) if (bytes[i]! >= 0x80) return i;
  if (i >= bytes.length) return -1;
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + i, (bytes.length - i) >> 2);
  for (let w = 0; w < words.length; w += 1) {
    if ((words[w]! & 0x80808080) !== 0) {
      for (let j = i + w * 4; ; j += 1) if (bytes[j]! >= 0x80) return j;
    }
  }
  for (i += words.length * 4; i < bytes.length; i += 1) if (bytes[i]! >= 0x80) return i;
  return -1;
}
