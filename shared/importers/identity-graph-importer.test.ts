/**
 * Identity graphs as the tools land them, written from the vendors' documented examples:
 * - Segment Profiles Sync tables (https://segment.com/docs/unify/profiles-sync/tables/): the case study's rows of
 *   `id_graph_updates` and `external_id_mapping_updates`, with the columns the page lists for Snowflake (upper case).
 * - RudderStack Profiles' ID graph view (https://www.rudderstack.com/docs/profiles/dev-docs/warehouse-output/):
 *   `USER_MAIN_ID, OTHER_ID, OTHER_ID_TYPE, VALID_AT, FIRST_SEEN_AT`; ids of the types its docs use (user_id,
 *   anonymous_id, email).
 */
import { describe, expect, it } from 'vitest';
import { toEvidenceSet } from '../model/evidence-set';
import type { EvidenceRecord, IdentityLink } from '../model/records';
import { importInput } from './index';
import { HEAD_SIZE, startImport } from './streaming';

const file = (name: string, text: string) => ({ name, sha256: 'a'.repeat(64), size: text.length, text });
const links = (records: ReadonlyArray<EvidenceRecord>) =>
  records.filter((r): r is IdentityLink => r.kind === 'identity-link');

/** The case study's `id_graph_updates`, as a Snowflake CSV export (upper-case headers, times without an offset). */
const SEGMENT_ID_GRAPH = [
  'SEGMENT_ID,CANONICAL_SEGMENT_ID,TRIGGERING_EVENT_TYPE,TRIGGERING_EVENT_ID,TIMESTAMP',
  'profile_1,profile_1,page,event_1,2022-05-02 14:01:00',
  'profile_2,profile_2,page,event_3,2022-06-22 10:47:15',
  'profile_2,profile_1,identify,event_4,2022-06-22 10:48:00',
].join('\n');

/** The case study's `external_id_mapping_updates` as JSON lines, with the page's other columns. */
const SEGMENT_EXTERNAL_IDS = [
  {
    segment_id: 'profile_1',
    external_id_type: 'anonymous_id',
    external_id_value: '5285bc35-05ef-4d21',
    triggering_event_type: 'page',
    triggering_event_id: 'event_1',
    timestamp: '2022-05-02 14:01:00',
    received_at: '2022-05-02 14:01:02',
  },
  {
    segment_id: 'profile_1',
    external_id_type: 'email',
    external_id_value: 'jane.kim@segment.com',
    triggering_event_type: 'identify',
    triggering_event_id: 'event_2',
    timestamp: '2022-05-02 14:01:47',
    received_at: '2022-05-02 14:01:48',
  },
  {
    segment_id: 'profile_2',
    external_id_type: 'anonymous_id',
    external_id_value: 'b50e18a5-1b8d-451c',
    triggering_event_type: 'page',
    triggering_event_id: 'event_3',
    timestamp: '2022-06-22 10:48:00',
    received_at: '2022-06-22 10:48:01',
  },
]
  .map((row) => JSON.stringify(row))
  .join('\n');

/** RudderStack's ID graph view exported from Snowflake: two profiles, one holding three ids. */
const RUDDERSTACK_ID_GRAPH = [
  'USER_MAIN_ID,OTHER_ID,OTHER_ID_TYPE,VALID_AT,FIRST_SEEN_AT',
  'rid0f4e5a27c1,8d872292-709c-4fe4-a8f3-4b4f1b6e0a11,anonymous_id,2024-03-04 09:12:31.000 +0000,2024-03-04 09:12:31.000 +0000',
  'rid0f4e5a27c1,alex@example.com,email,2024-03-05 17:40:02.000 +0000,2024-03-05 17:40:02.000 +0000',
  'rid0f4e5a27c1,27340af5c8819,user_id,2024-03-05 17:40:02.000 +0000,2024-03-05 17:40:02.000 +0000',
  'rid93b1c0d2ee,1hKOmRA4GRlm,user_id,2024-03-06 08:00:00.000 +0000,2024-03-06 08:00:00.000 +0000',
].join('\n');

describe('Segment id_graph_updates', () => {
  const result = importInput(file('id_graph_updates.csv', SEGMENT_ID_GRAPH));

  it('is told by its columns and gives the merge as a link of the merged profile to the one it merged into', () => {
    expect(result.detected).toBe('identity-graph');
    expect(links(result.records)).toEqual([
      {
        kind: 'identity-link',
        profile: 'profile_1',
        member: 'profile_2',
        memberType: 'profile',
        validFrom: '2022-06-22T10:48:00.000Z',
        extra: { TRIGGERING_EVENT_TYPE: 'identify', TRIGGERING_EVENT_ID: 'event_4' },
        provenance: { sourceId: 'a'.repeat(64), line: 4 },
      },
    ]);
  });

  it('makes no link of a profile creation, rejects nothing and reads its UTC times without a warning', () => {
    expect(result.rejections).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.counts).toEqual({ 'identity-link': 1 });
  });
});

describe('Segment external_id_mapping_updates', () => {
  const result = importInput(file('external_id_mapping_updates.jsonl', SEGMENT_EXTERNAL_IDS));

  it('joins each external id, with its type, to the profile that first saw it, at the time it was seen', () => {
    expect(result.detected).toBe('identity-graph');
    expect(result.rejections).toEqual([]);
    expect(
      links(result.records).map((l) => [l.profile, l.memberType, l.member, l.validFrom, l.provenance.line]),
    ).toEqual([
      ['profile_1', 'anonymous_id', '5285bc35-05ef-4d21', '2022-05-02T14:01:00.000Z', 1],
      ['profile_1', 'email', 'jane.kim@segment.com', '2022-05-02T14:01:47.000Z', 2],
      ['profile_2', 'anonymous_id', 'b50e18a5-1b8d-451c', '2022-06-22T10:48:00.000Z', 3],
    ]);
    expect(links(result.records)[1]?.extra).toMatchObject({ triggering_event_id: 'event_2' });
  });

  it('with the merge of id_graph_updates, resolves every id of the case study to the profile it ends in', () => {
    const merged = importInput(file('id_graph_updates.csv', SEGMENT_ID_GRAPH));
    const evidence = toEvidenceSet([...merged.records, ...result.records]);
    const profileOf = (id: string): string => {
      const link = evidence.identityLinks.find((l) => l.member === id);
      return link ? profileOf(link.profile) : id;
    };
    expect(['5285bc35-05ef-4d21', 'jane.kim@segment.com', 'b50e18a5-1b8d-451c'].map(profileOf)).toEqual([
      'profile_1',
      'profile_1',
      'profile_1',
    ]);
    expect(evidence.identityLinks.map((l) => l.validFrom)).toEqual(
      [...evidence.identityLinks.map((l) => l.validFrom)].sort(),
    );
  });
});

/**
 * The case study's profile after the merge as Segment materializes `user_identifiers` (the columns the page lists:
 * canonical_segment_id, type, value, seq, received_at, uuid_ts, timestamp), exported from Snowflake in upper case.
 */
const SEGMENT_USER_IDENTIFIERS = [
  'CANONICAL_SEGMENT_ID,TYPE,VALUE,SEQ,RECEIVED_AT,UUID_TS,TIMESTAMP',
  'profile_1,anonymous_id,5285bc35-05ef-4d21,1,2022-05-02 14:01:02,2022-05-02 14:05:00,2022-05-02 14:01:00',
  'profile_1,email,jane.kim@segment.com,2,2022-05-02 14:01:48,2022-05-02 14:05:00,2022-05-02 14:01:47',
  'profile_1,anonymous_id,b50e18a5-1b8d-451c,3,2022-06-22 10:48:01,2022-06-22 10:50:00,2022-06-22 10:48:00',
].join('\n');

describe('Segment user_identifiers (materialized)', () => {
  it('joins every identifier of a profile, with its type, to the fully merged profile, in UTC', () => {
    const result = importInput(file('user_identifiers.csv', SEGMENT_USER_IDENTIFIERS));
    expect(result.detected).toBe('identity-graph');
    expect([result.rejections, result.warnings]).toEqual([[], []]);
    expect(links(result.records).map((l) => [l.profile, l.memberType, l.member, l.validFrom])).toEqual([
      ['profile_1', 'anonymous_id', '5285bc35-05ef-4d21', '2022-05-02T14:01:00.000Z'],
      ['profile_1', 'email', 'jane.kim@segment.com', '2022-05-02T14:01:47.000Z'],
      ['profile_1', 'anonymous_id', 'b50e18a5-1b8d-451c', '2022-06-22T10:48:00.000Z'],
    ]);
    expect(links(result.records)[2]?.extra).toMatchObject({ SEQ: '3', RECEIVED_AT: '2022-06-22 10:48:01' });
  });

  it('rejects a row without its type, naming the column', () => {
    const text = 'canonical_segment_id,type,value,timestamp\nprofile_1,,u-1,2022-05-02 14:01:00\n';
    const result = importInput(file('user_identifiers.csv', text));
    expect(result.rejections.map((r) => [r.line, r.reason])).toEqual([[2, 'field "type" must not be empty']]);
  });
});

describe("RudderStack Profiles' ID graph", () => {
  it('reads a Snowflake CSV export of the view: each other id joined to its main id from VALID_AT', () => {
    const result = importInput(file('USER_MAIN_ID.csv', RUDDERSTACK_ID_GRAPH));
    expect(result.detected).toBe('identity-graph');
    expect(result.rejections).toEqual([]);
    expect(result.warnings).toEqual([]);
    const made = links(result.records);
    expect(made.map((l) => [l.profile, l.memberType, l.member])).toEqual([
      ['rid0f4e5a27c1', 'anonymous_id', '8d872292-709c-4fe4-a8f3-4b4f1b6e0a11'],
      ['rid0f4e5a27c1', 'email', 'alex@example.com'],
      ['rid0f4e5a27c1', 'user_id', '27340af5c8819'],
      ['rid93b1c0d2ee', 'user_id', '1hKOmRA4GRlm'],
    ]);
    expect(made[1]).toMatchObject({
      validFrom: '2024-03-05T17:40:02.000Z',
      extra: { FIRST_SEEN_AT: expect.any(String) },
    });
  });

  it('reads JSON lines of an older project (main_id) and headers in mixed case, warning of times without an offset', () => {
    const ndjson = [
      '{"main_id":"rid7","other_id":"u-1","other_id_type":"user_id","valid_at":"2024-01-10T08:00:00Z"}',
      '{"main_id":"rid7","other_id":"rid7","other_id_type":"main_id","valid_at":"2024-01-10T08:00:00Z"}',
    ].join('\n');
    const older = importInput(file('id_graph.jsonl', ndjson));
    expect(older.detected).toBe('identity-graph');
    expect(links(older.records).map((l) => [l.profile, l.member])).toEqual([['rid7', 'u-1']]);
    expect(older.rejections).toEqual([]);

    const mixed = importInput(
      file('graph.csv', 'User_Main_Id,Other_ID,other_id_type,Valid_At\nrid8,a-9,anonymous_id,2024-01-11 09:30:00\n'),
    );
    expect(links(mixed.records)).toMatchObject([
      { profile: 'rid8', member: 'a-9', memberType: 'anonymous_id', validFrom: '2024-01-11T09:30:00.000Z' },
    ]);
    expect(mixed.warnings.map((w) => [w.line, w.message])).toEqual([
      [2, 'field "Valid_At" ("2024-01-11 09:30:00") has no time zone offset; read as UTC'],
    ]);
  });
});

describe('bad rows and empty files', () => {
  it('rejects each bad row with its file, line and the column as the file spells it, and keeps the good rows whole', () => {
    const text = [
      'USER_MAIN_ID,OTHER_ID,OTHER_ID_TYPE,VALID_AT',
      'rid1,u-1,user_id,2024-02-28 10:00:00Z',
      'rid1,u-2,user_id,2024-02-30 10:00:00Z',
      'rid1,,email,2024-02-28 11:00:00Z',
      'rid1,u-3,user_id,yesterday',
      'rid2,u-4,user_id',
      'rid2,u-5,user_id,2024-02-29 12:00:00Z',
      'rid2,u-6,user_id,',
    ].join('\n');
    const result = importInput(file('id_graph.csv', text));
    expect(links(result.records).map((l) => l.member)).toEqual(['u-1', 'u-5']);
    expect(result.rejections.map((r) => [r.sourceName, r.line, r.reason])).toEqual([
      ['id_graph.csv', 3, 'field "VALID_AT" is invalid: "2024-02-30 10:00:00Z" is not a valid date'],
      ['id_graph.csv', 4, 'field "OTHER_ID" must not be empty'],
      ['id_graph.csv', 5, 'field "VALID_AT" is invalid: "yesterday" is not an RFC 3339 timestamp'],
      ['id_graph.csv', 6, 'the row has 3 fields, the header has 4'],
      ['id_graph.csv', 8, 'missing required field "VALID_AT"'],
    ]);
  });

  it('rejects a JSON row missing a column of its table, naming the column', () => {
    const text = [
      '{"segment_id":"profile_1","external_id_type":"email","external_id_value":"a@example.com","timestamp":"2022-05-02 14:01:47"}',
      '{"segment_id":"profile_1","external_id_type":"email","timestamp":"2022-05-02 14:02:00"}',
    ].join('\n');
    const result = importInput(file('external_ids.jsonl', text));
    expect(result.detected).toBe('identity-graph');
    expect(result.rejections.map((r) => [r.line, r.reason])).toEqual([
      [2, 'missing required field "external_id_value"'],
    ]);
  });

  it('reads a header alone as an identity graph of no rows, and skips an empty file', () => {
    const header = importInput(file('id_graph_updates.csv', 'segment_id,canonical_segment_id,timestamp\n'));
    expect(header).toMatchObject({ detected: 'identity-graph', records: [], rejections: [], counts: {} });
    const job = startImport('', { id: 'a'.repeat(64), name: 'empty.csv' });
    expect(job.end().skipped).toBeDefined();
  });

  it('gives the same links when the file arrives in small chunks', () => {
    const job = startImport(RUDDERSTACK_ID_GRAPH.slice(0, HEAD_SIZE), { id: 'a'.repeat(64), name: 'g.csv' });
    const records: EvidenceRecord[] = [];
    for (let i = 0; i < RUDDERSTACK_ID_GRAPH.length; i += 17) {
      job.push(RUDDERSTACK_ID_GRAPH.slice(i, i + 17));
      records.push(...job.take());
    }
    job.end();
    records.push(...job.take());
    expect(records).toEqual(importInput(file('g.csv', RUDDERSTACK_ID_GRAPH)).records);
  });
});
