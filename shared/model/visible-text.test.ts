import { describe, expect, it } from 'vitest';
import { needsVisibleText, visibleText } from './visible-text';

const CONTROLS = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c];
const INVISIBLE = [0x200b, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff, 0x00ad, 0x180e];

describe('bidirectional controls and invisible characters in imported names are shown, not obeyed', () => {
  it('shows each embedding, override and isolate control and each bidi mark as [U+XXXX]', () => {
    for (const code of CONTROLS) {
      const hex = code.toString(16).toUpperCase().padStart(4, '0');
      expect(visibleText(`a${String.fromCharCode(code)}b`)).toBe(`a[U+${hex}]b`);
    }
    expect(visibleText('invoice_\u202Efdp.exe')).toBe('invoice_[U+202E]fdp.exe');
  });

  it('shows the characters that make two different names look the same', () => {
    for (const code of INVISIBLE) {
      const hex = code.toString(16).toUpperCase().padStart(4, '0');
      expect(visibleText(`ad${String.fromCharCode(code)}min`)).toBe(`ad[U+${hex}]min`);
    }
    expect(visibleText('ad\u200Bmin')).not.toBe(visibleText('admin'));
  });

  it('shows a Cyrillic or Greek letter inside a Latin word, where it passes for a Latin one', () => {
    expect(visibleText('offer-\u0435ligibility')).toBe('offer-[U+0435]ligibility');
    expect(visibleText('p\u0430yments v\u03BF')).toBe('p[U+0430]yments v[U+03BF]');
    expect(visibleText('offer-\u0435ligibility')).not.toBe(visibleText('offer-eligibility'));
  });

  it('leaves right-to-left writing, joiners and every other character as they are', () => {
    for (const text of [
      'שלום',
      'مرحبا',
      'naïve café',
      'می\u200Cخواهم',
      '👩\u200D💻',
      'plain_name.v2',
      'шлюз payments',
    ]) {
      expect(visibleText(text)).toBe(text);
      expect(needsVisibleText(text)).toBe(false);
    }
    expect(needsVisibleText('x\u202Ey')).toBe(true);
    expect(needsVisibleText('x\u202Ey')).toBe(true); // the global pattern's state does not leak
  });
});
