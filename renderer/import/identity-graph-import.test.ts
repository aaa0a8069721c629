import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadEvidence } from '../db/load-evidence';
import { LineageDb } from '../db/lineage-db';
import { describeSource } from './format-progress';
import { runImport } from './run-import';

const noCancel = { cancelled: () => false, onProgress: () => undefined };
let db: LineageDb;
let n = 0;
beforeEach(() => {
  n += 1;
  db = new LineageDb(`identity-graph-import-test-${n}`);
});
afterEach(async () => {
  await db.delete();
});

/** Segment's `id_graph_updates` as its Profiles Sync docs show it, exported from Snowflake, with one bad time. */
const ID_GRAPH_UPDATES = [
  'SEGMENT_ID,CANONICAL_SEGMENT_ID,TRIGGERING_EVENT_TYPE,TRIGGERING_EVENT_ID,TIMESTAMP',
  'profile_1,profile_1,page,event_1,2022-05-02 14:01:00',
  'profile_2,profile_2,page,event_3,2022-06-22 10:47:15',
  'profile_2,profile_1,identify,event_4,2022-06-22 10:48:00',
  'profile_3,profile_1,identify,event_9,22/06/2022 11:00',
].join('\n');

describe('an identity graph dropped into the app', () => {
  it('is listed as an identity graph with its links counted and its bad row named, and its links reach the evidence', async () => {
    const file = new File([ID_GRAPH_UPDATES], 'id_graph_updates.csv');
    const end = await runImport(db, { file, name: file.name }, noCancel);
    if (end.status !== 'imported') throw new Error(`not imported: ${end.status}`);
    expect(end.source).toMatchObject({ detected: 'identity-graph', counts: { 'identity-link': 1 }, rejected: 1 });
    expect(describeSource(end.source)).toBe('1 record, 1 rejected');
    const issues = await db.sourceIssues.get(end.source.id);
    expect(issues?.rejections).toEqual([
      {
        sourceName: 'id_graph_updates.csv',
        line: 5,
        reason: 'field "TIMESTAMP" is invalid: "22/06/2022 11:00" is not an RFC 3339 timestamp',
      },
    ]);
    const evidence = await loadEvidence(db, [end.source.id]);
    expect(evidence.identityLinks.map((l) => [l.profile, l.member, l.validFrom])).toEqual([
      ['profile_1', 'profile_2', '2022-06-22T10:48:00.000Z'],
    ]);
  });
});
