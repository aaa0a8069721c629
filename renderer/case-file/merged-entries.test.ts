/* eslint-disable no-restricted-imports -- a Node-side unit test hashes with node:crypto */
import { createHash } from 'node:crypto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseFromActivity, recordAction } from '../../shared/case/case-actions';
import type { ActivityEntry } from '../../shared/case/case-types';
import { createCase, readActivity, recordCaseAction } from '../db/case-log';
import { LineageDb } from '../db/lineage-db';
import { appendMergedEntries } from './merged-entries';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
let db: LineageDb;
let name: string;
let n = 0;
beforeEach(async () => {
  n += 1;
  name = `merged-entries-test-${n}`;
  db = new LineageDb(name);
  await createCase(
    db,
    {
      id: 'c9',
      title: 'Refused offer',
      description: '',
      sourceIds: [],
      createdAt: '2026-03-02T09:00:00.000Z',
      owner: 'ines',
    },
    sha256,
  );
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

/** The reviewer's verdict and the investigator's review.merged, chained onto `base` as the main process does. */
async function mergedOnto(base: ReadonlyArray<ActivityEntry>): Promise<ReadonlyArray<ActivityEntry>> {
  let r = { case: caseFromActivity(base), activity: base };
  r = await recordAction(
    r,
    {
      time: '2026-03-03T10:00:00Z',
      actor: 'tomas',
      action: 'review.verdict',
      payload: { verdict: 'agree', text: 'Yes.' },
    },
    sha256,
  );
  r = await recordAction(
    r,
    {
      time: '2026-03-03T11:00:00Z',
      actor: 'ines',
      action: 'review.merged',
      payload: {
        reviews: [{ reviewer: 'tomas', fingerprint: 'sha256:ab', signature: 'c2ln' }],
        entryHashes: ['x'],
        rechained: false,
      },
    },
    sha256,
  );
  return r.activity.slice(base.length);
}

describe('appendMergedEntries', () => {
  it('stores the merged entries after the log they were chained on', async () => {
    const base = await readActivity(db, 'c9');
    const appended = await mergedOnto(base);
    await appendMergedEntries(db, 'c9', base, appended, sha256);
    const stored = await readActivity(db, 'c9');
    expect(stored.map((e) => [e.seq, e.actor, e.action])).toEqual([
      [1, 'ines', 'case.opened'],
      [2, 'tomas', 'review.verdict'],
      [3, 'ines', 'review.merged'],
    ]);
  });

  it('stores nothing when the case changed meanwhile (another window), and names it', async () => {
    const base = await readActivity(db, 'c9');
    const appended = await mergedOnto(base);
    await recordCaseAction(
      db,
      'c9',
      { time: '2026-03-03T10:30:00Z', actor: 'ines', action: 'step.completed', payload: { step: 'identify' } },
      {},
      sha256,
    );
    await expect(appendMergedEntries(db, 'c9', base, appended, sha256)).rejects.toThrow(
      /Case c9 changed while the review was merged \(its log has 2 entries, the merge was made on 1\)/,
    );
    expect((await readActivity(db, 'c9')).map((e) => e.action)).toEqual(['case.opened', 'step.completed']);
  });

  it('stores nothing when the entries do not extend the log', async () => {
    const base = await readActivity(db, 'c9');
    const appended = await mergedOnto(base);
    const forged = [{ ...appended[0]!, payload: { verdict: 'disagree', text: 'Yes.' } }, appended[1]!];
    await expect(appendMergedEntries(db, 'c9', base, forged, sha256)).rejects.toThrow(/does not verify/);
    expect(await readActivity(db, 'c9')).toHaveLength(1);
  });
});
