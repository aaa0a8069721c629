import { describe, expect, it } from 'vitest';
import { bytesAtSlice, textSlices } from './text-slices';

describe('textSlices (a decoded piece cut for the importer)', () => {
  it('gives back the whole text, in order, in slices of the size asked', () => {
    const text = 'abcdefghij'.repeat(7);
    const slices = [...textSlices(text, 16)];
    expect(slices.map((s) => s.text).join('')).toBe(text);
    expect(slices.map((s) => s.text.length)).toEqual([16, 16, 16, 16, 6]);
    expect(slices.map((s) => s.end)).toEqual([16, 32, 48, 64, 70]);
  });

  it('never cuts between the two halves of a character outside the BMP', () => {
    // '🚀' is two UTF-16 units: placed so that a slice of 4 would end on its first half.
    const text = 'abc🚀defg🚀';
    const slices = [...textSlices(text, 4)];
    expect(slices.map((s) => s.text).join('')).toBe(text);
    expect(slices.map((s) => s.text)).toEqual(['abc🚀', 'defg', '🚀']);
    // Each slice encodes on its own to the same bytes as in the whole (no U+FFFD from a lone surrogate).
    const encoder = new TextEncoder();
    const bytes = slices.reduce((n, s) => n + encoder.encode(s.text).length, 0);
    expect(bytes).toBe(encoder.encode(text).length);
  });

  it('gives nothing for empty text and one slice for short text', () => {
    expect([...textSlices('', 4)]).toEqual([]);
    expect([...textSlices('abc', 4)]).toEqual([{ text: 'abc', end: 3 }]);
  });
});

describe('bytesAtSlice', () => {
  it("spreads a piece's bytes over its slices, ending at the piece's count", () => {
    const text = 'x'.repeat(100);
    const at = [...textSlices(text, 30)].map((s) => bytesAtSlice(1000, 1200, s, text.length));
    expect(at).toEqual([1060, 1120, 1180, 1200]);
  });
});
