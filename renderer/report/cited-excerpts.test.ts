/* eslint-disable no-restricted-imports -- a Node-side unit test reads real public fixtures from disk */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { citedSources } from '../../shared/case/citations';
import { importInput } from '../../shared/importers';
import { toEvidenceSet } from '../../shared/model/evidence-set';
import { citedExcerpts, subjectIdsIn } from './cited-excerpts';

const path = 'audit/aws_cloudtrail/elastic_test-delete-bucket-json.ndjson';
const text = readFileSync(realFixture(path), 'utf8');
const sha256 = createHash('sha256').update(text).digest('hex');
const result = importInput({ name: 'delete-bucket.ndjson', sha256, size: text.length, text });
const evidence = toEvidenceSet(result.records);

describe('citedExcerpts', () => {
  it('holds, for each cited line of a real CloudTrail log, the record imported from that line', () => {
    const entry = evidence.audit[0];
    expect(entry).toBeDefined();
    const line = entry?.provenance.line as number;
    const cited = citedSources([entry?.provenance, { sourceId: sha256, line: 99_999 }], {
      [sha256]: 'delete-bucket.ndjson',
    });
    const [excerpt] = citedExcerpts(evidence, cited, { [sha256]: result.records.length });
    expect(excerpt).toMatchObject({ name: 'delete-bucket.ndjson', sha256, records: result.records.length });
    const rows = (excerpt?.text ?? '')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows[0]).toMatchObject({ source: 'delete-bucket.ndjson', sha256 });
    expect(rows[1]).toEqual({ line, record: JSON.parse(JSON.stringify(entry)) });
    // A cited line nothing was imported from is listed, not invented.
    expect(rows[2]).toEqual({ line: 99_999, record: null });
  });
});

describe('subjectIdsIn', () => {
  it('finds only whole subject ids that occur in the texts', () => {
    const withSubjects = {
      ...evidence,
      decisions: [{ subjectId: 'u-1' }, { subjectId: 'u-10' }, { subjectId: 'cust@x.io' }] as never,
    };
    expect(subjectIdsIn(withSubjects, ['subject u-10 and cust@x.io; not u-100', '"u-1"'])).toEqual([
      'cust@x.io',
      'u-1',
      'u-10',
    ]);
    expect(subjectIdsIn(withSubjects, ['u-100 xu-1'])).toEqual([]);
  });
});
