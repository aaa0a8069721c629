import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../shared/case/activity-log';
import type { ImportMapping } from '../../shared/importers/mapping';
import { describeActivity } from '../case/describe-activity';
import { webSha256 } from '../case/web-sha256';
import { createCase, readActivity } from './case-log';
import { LineageDb } from './lineage-db';
import { logMappingChange } from './mapping-change-log';

const warehouse = { id: 'conn-1', name: 'offers warehouse', location: 'postgresql://reader@db:5432/ml?table=offers' };
const other = { id: 'conn-2', name: 'fraud warehouse', location: '/data/fraud.parquet' };
const mapping: ImportMapping = {
  kind: 'decision-log',
  fields: { decision_id: 'offer_id', timestamp: 'decided_at' },
  constants: { 'model.name': 'offers' },
};
const act = { time: '2026-12-01T09:00:00.000Z', actor: 'Dana (reviewer)' };

let db: LineageDb;
let name: string;
let n = 0;
beforeEach(async () => {
  n += 1;
  name = `mapping-change-log-test-${n}`;
  db = new LineageDb(name);
  // Two cases opened on the warehouse, one on another connection, one on imported files only.
  for (const [id, connection] of [
    ['a', warehouse],
    ['b', warehouse],
    ['c', other],
    ['d', undefined],
  ] as const)
    await createCase(db, { id, title: id, description: '', sourceIds: [], ...(connection && { connection }) });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

describe('a saved connection’s changed mapping in the logs of the cases opened on it', () => {
  it('is chained in each case on that connection, naming it and the columns before and after', async () => {
    const out = await logMappingChange(db, { connection: warehouse }, undefined, mapping, act);
    expect([...out.logged].sort()).toEqual(['a', 'b']);
    expect(out.unlogged).toEqual([]);
    for (const id of ['a', 'b']) {
      const log = await readActivity(db, id);
      expect(log.map((e) => e.action)).toEqual(['case.opened', 'mapping.changed']);
      expect(log[1]).toMatchObject({ actor: act.actor, time: act.time });
      expect(log[1]!.payload).toEqual({
        connection: { name: warehouse.name, location: warehouse.location },
        after: mapping,
      });
      expect((await verifyChain(log, webSha256)).ok).toBe(true);
      expect(describeActivity(log[1]!)).toContain(
        `Set the column mapping of the connection ${warehouse.name} (${warehouse.location}), suggested from the column names until then: decision_id: column “offer_id”; model.name: fixed value “offers”`,
      );
    }
    for (const id of ['c', 'd']) expect((await readActivity(db, id)).map((e) => e.action)).toEqual(['case.opened']);
  });

  it('writes nothing when the mapping is the same, and names a case whose chain is broken', async () => {
    expect(await logMappingChange(db, { connection: warehouse }, mapping, { ...mapping }, act)).toEqual({
      logged: [],
      unlogged: [],
    });
    const opened = (await readActivity(db, 'b'))[0]!;
    await db.activity.put({ ...opened, caseId: 'b', payload: { ...(opened.payload as object), title: 'edited' } });
    const out = await logMappingChange(db, { connection: warehouse }, mapping, undefined, act);
    expect(out.logged).toEqual(['a']);
    const back = (await readActivity(db, 'a')).at(-1)!;
    expect(describeActivity(back)).toContain('decision_id: suggested from the column names (was column “offer_id”)');
    expect(out.unlogged).toEqual([{ caseId: 'b', reason: expect.stringMatching(/activity log of case b is broken/) }]);
  });
});
