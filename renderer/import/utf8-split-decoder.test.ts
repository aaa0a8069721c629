/* eslint-disable no-restricted-imports -- a real fixture is read from disk */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { Utf8SplitDecoder } from './utf8-split-decoder';

/** The reference: one streaming UTF-8 TextDecoder over the same pieces (what decodeFile used before). */
const reference = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: false }).decode(bytes);

/** Decodes `bytes` cut at `cuts` (sorted offsets) with the split decoder; returns the texts it gave. */
function splitDecode(bytes: Uint8Array, cuts: ReadonlyArray<number>): string[] {
  const decoder = new Utf8SplitDecoder();
  const texts: string[] = [];
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    texts.push(...decoder.decode(bytes.slice(start, cut)));
    start = cut;
  }
  texts.push(decoder.end());
  return texts;
}

/** Bytes that exercise the decoder: ASCII, line ends, valid multi-byte characters, stray and truncated sequences. */
const piece = fc.oneof(
  fc.constantFrom([10], [13, 10], [0x7b, 0x22, 0x61, 0x22, 0x7d], [0xef, 0xbb, 0xbf]),
  fc.string({ unit: 'grapheme', maxLength: 6 }).map((s) => [...new TextEncoder().encode(s)]),
  fc.constantFrom([0xc3], [0xe2, 0x82], [0x80], [0xff], [0xf0, 0x9f, 0x98]),
);
const input = fc.array(piece, { maxLength: 60 }).map((parts) => new Uint8Array(parts.flat()));

describe('Utf8SplitDecoder', () => {
  it('gives exactly the text of one UTF-8 decoder, wherever the pieces are cut', () => {
    fc.assert(
      fc.property(input, fc.array(fc.nat(), { maxLength: 6 }), (bytes, offsets) => {
        const cuts = [...new Set(offsets.map((o) => 3 + (o % Math.max(1, bytes.length - 2))))]
          .filter((c) => c < bytes.length)
          .sort((a, b) => a - b);
        expect(splitDecode(bytes, cuts).join('')).toBe(reference(bytes));
      }),
      { numRuns: 2000 },
    );
  });

  it('decodes a real export with non-ASCII lines as one decoder does, its ASCII lines apart', () => {
    const bytes = new Uint8Array(readFileSync(realFixture('openlineage/marquez_docker_metadata.json')));
    const cuts = Array.from({ length: Math.floor(bytes.length / 4096) }, (_, i) => (i + 1) * 4096);
    const texts = splitDecode(bytes, cuts);
    expect(texts.join('')).toBe(reference(bytes));
  });

  it('keeps pure-ASCII runs apart from the lines holding other characters', () => {
    const bytes = new TextEncoder().encode('{"a":1}\n{"b":"café"}\n{"c":3}\n{"d":4}\n');
    expect(splitDecode(bytes, [])).toEqual(['{"a":1}\n', '{"b":"café"}\n', '{"c":3}\n{"d":4}\n', '']);
  });
});
