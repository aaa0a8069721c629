/**
 * The Sources screen counts a repeated warning past the first thousand the store lists: a RudderStack ID graph
 * (the columns its docs list, docs/identity-graphs.md) of 1,500 rows whose times have no offset, imported by the app.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LineageDb } from '../db/lineage-db';
import { runImport } from '../import/run-import';
import { issueRows } from './issue-rows';

let db: LineageDb;
let n = 0;
beforeEach(() => {
  n += 1;
  db = new LineageDb(`counted-issues-test-${n}`);
});
afterEach(async () => {
  await db.delete();
});

describe("a source's warnings on the Sources screen", () => {
  it('are one row counting all 1,500, with the first lines, though the store lists 1,000', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `rid${i % 7},u${i},user_id,2024-05-0${1 + (i % 9)} 10:00:00`);
    const text = ['USER_MAIN_ID,OTHER_ID,OTHER_ID_TYPE,VALID_AT', ...rows].join('\n');
    const file = new File([text], 'user_id_graph.csv');
    const noCancel = { cancelled: () => false, onProgress: () => undefined };
    const end = await runImport(db, { file, name: file.name }, noCancel);
    if (end.status !== 'imported') throw new Error(end.status);
    expect(end.source).toMatchObject({ detected: 'identity-graph', warnings: 1500, rejected: 0 });
    const issues = await db.sourceIssues.get(end.source.id);
    expect(issues?.warnings).toHaveLength(1000);
    expect(issueRows(issues?.warnings ?? [], issues?.warningGroups)).toEqual([
      {
        where: 'user_id_graph.csv, line 2, line 3, line 4, …',
        text: '1,500 alike, the first: field "VALID_AT" ("2024-05-01 10:00:00") has no time zone offset; read as UTC',
      },
    ]);
  });
});
