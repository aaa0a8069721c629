/**
 * Grouping what an import reports, on a real file: the 186 events of a dbt build's OpenLineage output each warn about
 * the same missing fields, and a CloudTrail sample's entries each name their own place.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { countedMessage, groupIssues, groupPlaces, placeOf } from './issue-groups';
import { HEAD_SIZE, startImport } from './streaming';

function warningsOf(...path: string[]) {
  const text = readFileSync(realFixture(...path), 'utf8');
  const job = startImport(text.slice(0, HEAD_SIZE), { id: '0'.repeat(64), name: path.join('/') });
  job.push(text);
  return job.end().warnings;
}

describe('repeated warnings are grouped by message', () => {
  it('counts each message once with where its first records are', () => {
    const warnings = warningsOf('openlineage', 'ol_dbt_structlogs_postgres_failed_run_events.json');
    const groups = groupIssues(warnings);
    expect(groups.length).toBeLessThan(warnings.length / 2);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(warnings.length);
    const producer = groups.find((g) => g.message === 'no "producer" (required by the OpenLineage spec)');
    expect(producer && [producer.count, producer.identical, groupPlaces(producer)]).toEqual([8, true, '/0, /1, /2, …']);
    expect(producer && countedMessage(producer)).toBe('8 × no "producer" (required by the OpenLineage spec)');
  });

  it('groups messages that differ only in numbers and ids, and says they are alike, not the same', () => {
    const groups = groupIssues(
      warningsOf('audit', 'aws_cloudtrail', 'cloudtrail_processing_lib_SerializerTestFile.json'),
    );
    expect(groups).toHaveLength(1);
    expect(groups[0] && countedMessage(groups[0])).toMatch(
      /^6 alike, the first: no "eventID"; the entry is named cloudtrail:[0-9a-f]{12}:\/Records\/0 \(file and place\)$/,
    );
  });

  it('names the place of an issue, the whole document by its empty JSON pointer', () => {
    expect(placeOf({ line: 7 })).toBe('line 7');
    expect(placeOf({ line: 2, pointer: '/Records/3' })).toBe('line 2 /Records/3');
    expect(placeOf({ pointer: '' })).toBe('JSON pointer "" (the whole document)');
    expect(placeOf({})).toBe('the file');
  });
});
