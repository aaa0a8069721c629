import { describe, expect, it } from 'vitest';
import { formatAnchors, parseAnchors, type ReportAnchors } from './report-anchors';

const hex = (c: string) => c.repeat(64);

describe('the anchors of queries a decision log read in place answered', () => {
  const anchors: ReportAnchors = {
    caseId: 'case 1',
    activityEntries: 2,
    activityHead: hex('a'),
    cited: [{ source: hex('b'), line: 3, sha256: hex('c') }],
    queries: [
      { source: hex('d'), query: hex('e'), rows: 1, sha256: hex('f') },
      { source: hex('d'), query: hex('1'), rows: 250000, sha256: hex('2') },
    ],
  };

  it('reads back the source, the query digest, the row count and the rows digest of each query', () => {
    const block = formatAnchors(anchors);
    expect(block.split('\n').slice(-2)).toEqual([
      `query ${hex('d')} ${hex('e')} 1 ${hex('f')}`,
      `query ${hex('d')} ${hex('1')} 250000 ${hex('2')}`,
    ]);
    expect(parseAnchors(block)).toEqual({ anchors: { ...anchors, caseId: 'case 1', signer: undefined } });
  });

  it('names a query line whose row count or digest is not what a line holds', () => {
    const block = formatAnchors(anchors).replace(' 250000 ', ' many ');
    expect(parseAnchors(block)).toEqual({ error: expect.stringMatching(/^line 5 of the anchors is not understood/) });
    expect(parseAnchors(formatAnchors({ ...anchors, queries: undefined }))).toEqual({
      anchors: { ...anchors, queries: undefined, signer: undefined },
    });
  });
});
