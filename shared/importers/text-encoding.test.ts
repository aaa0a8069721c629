/**
 * Telling a file's encoding from its first bytes: Windows-1252 (Latin-1) text as Excel writes a CSV on a Western
 * Windows, UTF-16 with its byte order mark, UTF-8 — and invalid UTF-8 that is no such text, which stays UTF-8.
 */
import { describe, expect, it } from 'vitest';
import { decodeWindows1252, encodingOf, SNIFF_BYTES, textDecoderFor, windows1252Line } from './text-encoding';

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('the encoding of a file by its first bytes', () => {
  it('reads Latin-1 letters and the Windows punctuation as Windows-1252, at the line of the first', () => {
    const text = 'id,actor,note\nd-1,ada,ok\nd-2,Zoë Müller,\x93quoted\x94 \x80 5\nd-3,René,\n';
    const bytes = latin1(text);
    expect([encodingOf(bytes), windows1252Line(bytes)]).toEqual(['windows-1252', 3]);
    expect(textDecoderFor(encodingOf(bytes)).decode(bytes)).toContain('Zoë Müller,“quoted” € 5');
  });

  it('keeps UTF-8 as UTF-8, with or without its byte order mark, and names UTF-16 by its mark', () => {
    expect(encodingOf(utf8('actor\nZoë Müller\n'))).toBe('utf-8');
    expect(encodingOf(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8('Zoë')))).toBe('utf-8');
    expect(encodingOf(Uint8Array.of(0xff, 0xfe, 0x5a, 0x00))).toBe('utf-16le');
    expect(encodingOf(Uint8Array.of(0xfe, 0xff, 0x00, 0x5a))).toBe('utf-16be');
    expect(encodingOf(utf8('plain ASCII\n'))).toBe('utf-8');
  });

  it('leaves invalid UTF-8 that is not Windows-1252 text as UTF-8 (its U+FFFD are warned of)', () => {
    // A byte FF, an undefined byte (81), and Latin-1 beside valid UTF-8: none is read as Windows-1252.
    expect(encodingOf(latin1('actor\nb\xff\xfeb\n'))).toBe('utf-8');
    expect(encodingOf(latin1('actor\nb\x81b\n'))).toBe('utf-8');
    expect(encodingOf(Uint8Array.of(...utf8('Zoë\n'), ...latin1('Ren\xe9\n')))).toBe('utf-8');
  });

  it('decodes every byte as the WHATWG Encoding Standard maps Windows-1252', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = decodeWindows1252(all);
    expect(text).toHaveLength(256);
    expect([...text.slice(0x80, 0xa0)].map((c) => c.codePointAt(0)?.toString(16))).toEqual(
      '20ac 81 201a 192 201e 2026 2020 2021 2c6 2030 160 2039 152 8d 17d 8f 90 2018 2019 201c 201d 2022 2013 2014 2dc 2122 161 203a 153 9d 17e 178'.split(
        ' ',
      ),
    );
    expect(text.slice(0xa0)).toBe(String.fromCharCode(...all.subarray(0xa0)));
  });

  it('decides on the first 64 KB alone, whatever size of chunk a reader passes', () => {
    const ascii = 'a'.repeat(SNIFF_BYTES);
    expect(encodingOf(latin1(`${ascii}Zo\xeb`))).toBe('utf-8');
    expect(encodingOf(latin1(`${ascii.slice(10)}Zo\xeb`))).toBe('windows-1252');
  });
});
