import { describe, expect, it } from 'vitest';
import { citationJson, citationList, citationText, pointerText } from './citation';

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

describe('a list of citations', () => {
  const names: Record<string, string> = { a: 'events.ndjson', b: 'config.bundle', c: 'event.json' };
  const nameOf = (id: string) => names[id] ?? id;
  const records = [
    { sourceId: 'a', line: 482 },
    { sourceId: 'b', line: 84 },
    { sourceId: 'a', line: 486 },
    { sourceId: 'a', line: 482 },
    { sourceId: 'c', pointer: '' },
    { sourceId: 'a', pointer: '/runs/0' },
  ];

  it('names each file once, before the lines cited in it, in the order first cited', () => {
    expect(citationList(records, nameOf)).toBe(
      'events.ndjson:482, 486; events.ndjson /runs/0; config.bundle:84; event.json, JSON pointer "" (the whole document)',
    );
    expect(citationList(records, nameOf, 'words')).toBe(
      'events.ndjson lines 482, 486; events.ndjson /runs/0; config.bundle line 84; event.json JSON pointer "" (the whole document)',
    );
  });

  it('is one citation for one record, and nothing for none', () => {
    expect(citationList([{ sourceId: 'b', line: 84 }], nameOf)).toBe('config.bundle:84');
    expect(citationList([{ sourceId: 'b', line: 3, pointer: '/0' }], nameOf)).toBe('config.bundle:3 /0');
    expect(citationList([], nameOf)).toBe('');
  });
});
