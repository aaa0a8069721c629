import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PathText, pathPieces } from './PathText';

describe('PathText', () => {
  it('cuts a path after its separators and before the dots, hyphens and underscores inside names', () => {
    expect(pathPieces('/work/main/assets/sample/audit-log.jsonl')).toEqual([
      '/',
      'work/',
      'main/',
      'assets/',
      'sample/',
      'audit',
      '-log',
      '.jsonl',
    ]);
    expect(pathPieces('C:\\data\\open_lineage.ndjson')).toEqual(['C:\\', 'data\\', 'open', '_lineage', '.ndjson']);
  });

  it('keeps every character, and leaves a hidden file’s leading dot and a lone word whole', () => {
    for (const text of ['/srv/.git/HEAD', 'decisions', '../a--b.tar.gz', ''])
      expect(pathPieces(text).join('')).toBe(text);
    expect(pathPieces('.env')).toEqual(['.env']);
    expect(pathPieces('decisions')).toEqual(['decisions']);
  });

  it('renders the text with a line-break opportunity between pieces, no other markup', () => {
    expect(renderToStaticMarkup(<PathText text="/a/b-c.txt" />)).toBe('/<wbr/>a/<wbr/>b<wbr/>-c<wbr/>.txt');
  });
});
