import { describe, expect, it } from 'vitest';
import { visibleText } from './visible-text';

const CONTROLS = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];

describe('bidirectional controls in imported names are shown, not obeyed', () => {
  it('shows each embedding, override and isolate control as [U+XXXX]', () => {
    for (const code of CONTROLS) {
      const hex = code.toString(16).toUpperCase();
      expect(visibleText(`a${String.fromCharCode(code)}b`)).toBe(`a[U+${hex}]b`);
    }
    expect(visibleText('invoice_\u202Efdp.exe')).toBe('invoice_[U+202E]fdp.exe');
  });

  it('leaves right-to-left writing and every other character as it is', () => {
    for (const text of ['שלום', 'مرحبا', 'naïve café', 'a\u200Bb', 'plain_name.v2'])
      expect(visibleText(text)).toBe(text);
  });
});
