/**
 * Identity graphs landed in Parquet, written here by DuckDB with the columns the vendors document:
 * - RudderStack Profiles' ID graph view (https://www.rudderstack.com/docs/profiles/dev-docs/warehouse-output/):
 *   USER_MAIN_ID, OTHER_ID, OTHER_ID_TYPE, VALID_AT, FIRST_SEEN_AT — times as TIMESTAMP without a zone;
 * - Segment's materialized `user_identifiers` (https://segment.com/docs/unify/profiles-sync/tables/):
 *   canonical_segment_id, type, value, seq, received_at, uuid_ts, timestamp — times in UTC (TIMESTAMP WITH TIME ZONE),
 *   one row without its value (NULL).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceRecord, IdentityLink } from '../../shared/model/records.js';
import { quoteText } from '../../shared/warehouse/sql-dialect.js';
import { createGitRunner } from '../services/git-runner.js';
import { importInputs } from './import-inputs.js';

const work = mkdtempSync(join(tmpdir(), 'li-parquet-graph-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const options = { git: createGitRunner(), cacheDir: join(work, 'cache') };

async function writeParquet(path: string, select: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run("SET TimeZone = 'UTC'");
  await connection.run(`COPY (${select}) TO ${quoteText(path)} (FORMAT parquet)`);
  connection.closeSync();
  instance.closeSync();
}

async function imported(path: string) {
  const records: EvidenceRecord[] = [];
  const result = await importInputs([path], { ...options, onRecords: (r) => records.push(...r) });
  const links = records.filter((r): r is IdentityLink => r.kind === 'identity-link');
  return { ...result, links };
}

const rudderstack = join(work, 'user_main_id.parquet');
const segment = join(work, 'user_identifiers.snappy.parquet');

beforeAll(async () => {
  await writeParquet(
    rudderstack,
    `SELECT * FROM (VALUES
      ('rid0f4e5a27c1', '8d872292-709c-4fe4-a8f3-4b4f1b6e0a11', 'anonymous_id',
        TIMESTAMP '2024-03-04 09:12:31', TIMESTAMP '2024-03-04 09:12:31'),
      ('rid0f4e5a27c1', 'alex@example.com', 'email', TIMESTAMP '2024-03-05 17:40:02', TIMESTAMP '2024-03-05 17:40:02'),
      ('rid93b1c0d2ee', '1hKOmRA4GRlm', 'user_id', TIMESTAMP '2024-03-06 08:00:00', TIMESTAMP '2024-03-06 08:00:00')
    ) AS t(USER_MAIN_ID, OTHER_ID, OTHER_ID_TYPE, VALID_AT, FIRST_SEEN_AT)`,
  );
  await writeParquet(
    segment,
    `SELECT * FROM (VALUES
      ('profile_1', 'anonymous_id', '5285bc35-05ef-4d21', 1, TIMESTAMPTZ '2022-05-02 14:01:02+00',
        TIMESTAMPTZ '2022-05-02 14:05:00+00', TIMESTAMPTZ '2022-05-02 14:01:00+00'),
      ('profile_1', 'email', NULL, 2, TIMESTAMPTZ '2022-05-02 14:01:48+00',
        TIMESTAMPTZ '2022-05-02 14:05:00+00', TIMESTAMPTZ '2022-05-02 14:01:47+00'),
      ('profile_1', 'anonymous_id', 'b50e18a5-1b8d-451c', 3, TIMESTAMPTZ '2022-06-22 12:48:01+02',
        TIMESTAMPTZ '2022-06-22 10:50:00+00', TIMESTAMPTZ '2022-06-22 12:48:00+02')
    ) AS t(canonical_segment_id, type, value, seq, received_at, uuid_ts, timestamp)`,
  );
});

describe('an identity graph in Parquet', () => {
  it("reads RudderStack's ID graph view row by row, warning once of its times without a zone", async () => {
    const { imported: [input] = [], links } = await imported(rudderstack);
    expect(input).toMatchObject({ reader: 'parquet', summary: { detected: 'identity-graph', rejectedCount: 0 } });
    expect(links.map((l) => [l.profile, l.memberType, l.member, l.validFrom, l.provenance.line])).toEqual([
      ['rid0f4e5a27c1', 'anonymous_id', '8d872292-709c-4fe4-a8f3-4b4f1b6e0a11', '2024-03-04T09:12:31.000Z', 1],
      ['rid0f4e5a27c1', 'email', 'alex@example.com', '2024-03-05T17:40:02.000Z', 2],
      ['rid93b1c0d2ee', 'user_id', '1hKOmRA4GRlm', '2024-03-06T08:00:00.000Z', 3],
    ]);
    expect(input?.summary.warningGroups?.map((g) => [g.count, g.message])).toEqual([
      [3, 'field "VALID_AT" ("2024-03-04 09:12:31.000000") has no time zone offset; read as UTC'],
    ]);
  });

  it("reads Segment's user_identifiers in UTC and rejects the row without its value, by its row number", async () => {
    const { imported: [input] = [], links } = await imported(segment);
    expect(links.map((l) => [l.profile, l.memberType, l.member, l.validFrom])).toEqual([
      ['profile_1', 'anonymous_id', '5285bc35-05ef-4d21', '2022-05-02T14:01:00.000Z'],
      ['profile_1', 'anonymous_id', 'b50e18a5-1b8d-451c', '2022-06-22T10:48:00.000Z'],
    ]);
    expect(input?.summary.warningCount).toBe(0);
    expect(input?.summary.rejections.map((r) => [r.sourceName, r.line, r.reason])).toEqual([
      ['user_identifiers.snappy.parquet', 2, 'missing required field "value"'],
    ]);
  });

  it('still skips a Parquet file that is not an identity graph, naming how it is read', async () => {
    const path = join(work, 'decisions.parquet');
    await writeParquet(path, "SELECT 'd-1' AS decision_id, 'approve' AS action");
    const { imported: [input] = [] } = await imported(path);
    expect(input?.reader).toBe('file');
    expect(input?.summary.skipped).toMatch(/^a Parquet file: not imported/);
  });

  it('names the file when its bytes open as Parquet but are not', async () => {
    const path = join(work, 'broken.parquet');
    writeFileSync(path, 'PAR1 and nothing else');
    const { imported: done, problems } = await imported(path);
    expect(done).toEqual([]);
    expect(problems).toEqual([{ path, reason: expect.stringMatching(/broken\.parquet: not readable as Parquet/) }]);
  });
});
