import { afterAll, describe, expect, it, vi } from 'vitest';
import { createCase } from '../db/case-log';
import { db } from '../db/instance';
import type { StoredSource } from '../db/lineage-db';
import { useCaseLog } from '../stores/case-log-store';
import { useReviewer } from '../case/reviewer-store';
import { useUndo } from '../undo/undo-store';
import { useSources } from './sources-store';

const source = (id: string): StoredSource => ({
  id,
  name: `${id}.jsonl`,
  sha256: id,
  size: 1,
  detected: 'deployments',
  importer: 'deployments',
  importerVersion: '1.0.0',
  importedAt: '2026-11-25T08:00:00.000Z',
  counts: { deployment: 1 },
  rejected: 0,
  warnings: 0,
  status: 'complete',
});

afterAll(async () => {
  await db.delete();
});

describe('the Sources list while a folder imports', () => {
  it('re-reads the list once at once and once after a burst of finished files, showing the last one', async () => {
    await createCase(db, { id: 'case-burst', title: 'T', description: '', sourceIds: [] });
    const reads = vi.spyOn(db, 'getCase');
    const { load } = useSources.getState();
    await load('case-burst');
    const loads: Promise<void>[] = [];
    for (let i = 0; i < 30; i += 1) {
      await db.sources.put(source(`s${i}`));
      await db.cases.update('case-burst', { sourceIds: Array.from({ length: i + 1 }, (_, k) => `s${k}`) });
      loads.push(load('case-burst'));
    }
    await Promise.all(loads);
    // 31 calls: the first read, then the burst coalesced (one read per 500 ms, the last after the final call).
    expect(reads.mock.calls.length).toBeLessThan(31);
    expect(useSources.getState().sources.map((s) => s.id)).toEqual(Array.from({ length: 30 }, (_, k) => `s${k}`));
    reads.mockRestore();
  });

  it('reads another case at once, never showing the one asked before', async () => {
    await createCase(db, { id: 'case-other', title: 'U', description: '', sourceIds: [] });
    const { load } = useSources.getState();
    const before = load('case-burst');
    await load('case-other');
    await before;
    expect(useSources.getState().sources).toEqual([]);
  });
});

describe('removing a source from the Sources screen', () => {
  const names = () => useSources.getState().sources.map((s) => s.name);
  const deployments = (id: string) => ({
    sourceId: id,
    kind: 'deployment' as const,
    seq: 0,
    rows: [
      {
        kind: 'deployment' as const,
        id: `${id}-1`,
        timestamp: '2026-11-20T14:02:00Z',
        environment: 'production',
        commit: '9f2c1e7',
        provenance: { sourceId: id, line: 1 },
      },
    ],
  });

  it('offers the undo, which puts it back in its place; once the offer ends without it, its records go', async () => {
    for (const id of ['deploys-eu', 'deploys-us', 'deploys-ap']) {
      await db.sources.put(source(id));
      await db.recordChunks.put(deployments(id));
    }
    await createCase(db, {
      id: 'case-undo',
      title: 'V',
      description: '',
      sourceIds: ['deploys-eu', 'deploys-us', 'deploys-ap'],
    });
    const { load, remove } = useSources.getState();
    await load('case-undo');
    await remove('deploys-us', 'case-undo');
    expect(names()).toEqual(['deploys-eu.jsonl', 'deploys-ap.jsonl']);
    expect(useUndo.getState().offer?.label).toBe('Removed the source “deploys-us.jsonl”');

    await useUndo.getState().undoLast();
    expect(names()).toEqual(['deploys-eu.jsonl', 'deploys-us.jsonl', 'deploys-ap.jsonl']);
    expect((await db.getCase('case-undo'))?.sourceIds).toEqual(['deploys-eu', 'deploys-us', 'deploys-ap']);
    expect(await db.recordChunks.where('sourceId').equals('deploys-us').count()).toBe(1);

    await remove('deploys-eu', 'case-undo');
    await remove('deploys-ap', 'case-undo'); // the first removal's offer ends: it is final
    useUndo.getState().dismiss(); // leaving the screen: the second is final too
    await vi.waitFor(async () => expect(await db.removedSources.count()).toBe(0));
    expect(names()).toEqual(['deploys-us.jsonl']);
    expect((await db.recordChunks.toArray()).map((c) => c.sourceId)).toEqual(['deploys-us']);
    expect(await db.sources.get('deploys-eu')).toBeUndefined();
  });

  it("writes the removal and its undo to the open case's activity, which still takes the next action", async () => {
    await db.sources.put(source('deploys-log'));
    await db.recordChunks.put(deployments('deploys-log'));
    await createCase(db, { id: 'case-log', title: 'W', description: '', sourceIds: ['deploys-log'] });
    useReviewer.setState({ name: 'Ines' });
    await useCaseLog.getState().load('case-log');
    const { load, remove } = useSources.getState();
    await load('case-log');

    await remove('deploys-log', 'case-log');
    const removal = useCaseLog.getState().activity.at(-1)!;
    expect(removal).toMatchObject({ action: 'source.removed', actor: 'Ines' });
    expect(removal.payload).toEqual({
      name: 'deploys-log.jsonl',
      kind: 'deployments',
      sha256: 'deploys-log',
      records: 1,
    });

    await useUndo.getState().undoLast();
    expect(useCaseLog.getState().activity.map((e) => e.action)).toEqual([
      'case.opened',
      'source.removed',
      'source.restored',
    ]);
    expect(await useCaseLog.getState().record({ action: 'case.archived', payload: {} })).toBe(true);
    expect(useCaseLog.getState().chain).toEqual({ ok: true, entries: 4 });
    expect(useSources.getState().error).toBeUndefined();
  });
});
