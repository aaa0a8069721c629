import { describe, expect, it } from 'vitest';
import { citationJson, citationText, pointerText } from './citation';

describe('citations of a record in its file', () => {
  it('writes a line as file:line and a pointer after the file, the whole document in words', () => {
    const cite = (p: { line?: number; pointer?: string }) =>
      citationText(citationJson({ sourceId: 'x', ...p }, 'f.json'));
    expect(cite({ line: 12 })).toBe('f.json:12');
    expect(cite({ line: 3, pointer: '/0' })).toBe('f.json:3 /0');
    expect(cite({ pointer: '/Records/3' })).toBe('f.json /Records/3');
    expect(cite({ pointer: '' })).toBe('f.json, JSON pointer "" (the whole document)');
    expect(cite({})).toBe('f.json');
  });

  it('gives a pointer as "pointer" in JSON, never as an empty "line"', () => {
    expect(citationJson({ sourceId: 'x', pointer: '' }, 'f.json')).toEqual({ source: 'f.json', pointer: '' });
    expect(citationJson({ sourceId: 'x', line: 4 }, 'f.jsonl')).toEqual({ source: 'f.jsonl', line: 4 });
    expect(pointerText('/a~1b')).toBe('/a~1b');
  });
});
