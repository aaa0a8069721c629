/**
 * Grouping what an import reports, on a real file: the 186 events of a dbt build's OpenLineage output each warn about
 * the same missing fields, and a CloudTrail sample's entries each name their own place.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { importInput } from './index';
import { countedMessage, groupIssues, groupPlaces, IssueTally, mergeGroups, placeOf, type Issue } from './issue-groups';
import { HEAD_SIZE, MAX_LISTED, startImport } from './streaming';

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

  it('counts every warning of a file, not only the listed ones: a RudderStack ID graph without offsets', () => {
    // RudderStack's ID graph as Snowflake exports it (upper-case columns, docs/identity-graphs.md), times written
    // without an offset: each row with a time warns (the rejected one too). One row misses its other id, one past the
    // listed warnings lacks its time.
    const rows = Array.from({ length: 2500 }, (_, i) => {
      const time =
        i === 1799 ? '' : `2024-03-${String(1 + (i % 28)).padStart(2, '0')} 09:${String(i % 60).padStart(2, '0')}:00`;
      return `rid${i % 40},${i === 9 ? '' : `user${i}@example.com`},email,${time}`;
    });
    const text = ['USER_MAIN_ID,OTHER_ID,OTHER_ID_TYPE,VALID_AT', ...rows].join('\n');
    const result = importInput({ name: 'id_graph.csv', sha256: 'a'.repeat(64), size: text.length, text });
    expect(result.warnings).toHaveLength(MAX_LISTED);
    const [offsets, ...others] = result.warningGroups ?? [];
    expect(others).toEqual([]);
    expect(offsets && [offsets.count, offsets.identical, groupPlaces(offsets)]).toEqual([
      2499,
      false,
      'line 2, line 3, line 4, …',
    ]);
    expect(offsets && countedMessage(offsets)).toBe(
      '2,499 alike, the first: field "VALID_AT" ("2024-03-01 09:00:00") has no time zone offset; read as UTC',
    );
    expect(result.rejectionGroups?.map((g) => [g.message, groupPlaces(g)])).toEqual([
      ['field "OTHER_ID" must not be empty', 'line 11'],
      ['missing required field "VALID_AT"', 'line 1801'],
    ]);
  });

  it('keeps 200 kinds apart, counting the rest by their total only, and merges groups by their message', () => {
    const letters = (i: number) => String.fromCharCode(97 + (i % 26)) + String.fromCharCode(97 + Math.floor(i / 26));
    const tally = new IssueTally();
    for (let i = 0; i < 260; i += 1) tally.add({ line: i + 1, message: `no "${letters(i)}" field` });
    expect(tally.list()).toHaveLength(200);
    expect(tally.list().every((g) => g.count === 1)).toBe(true);
    const merged = mergeGroups(groupIssues<Issue>([{ message: 'invalid UTF-8 (line 4)' }]), [
      { message: 'invalid UTF-8 (line 9)', count: 5, identical: true, first: [{ line: 9 }] },
    ]);
    expect(merged.map((g) => [g.count, g.identical, countedMessage(g)])).toEqual([
      [6, false, '6 alike, the first: invalid UTF-8 (line 4)'],
    ]);
  });

  it('names the place of an issue, the whole document by its empty JSON pointer', () => {
    expect(placeOf({ line: 7 })).toBe('line 7');
    expect(placeOf({ line: 2, pointer: '/Records/3' })).toBe('line 2 /Records/3');
    expect(placeOf({ pointer: '' })).toBe('JSON pointer "" (the whole document)');
    expect(placeOf({})).toBe('the file');
  });
});
