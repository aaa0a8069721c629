/* eslint-disable no-restricted-imports -- a Node-side unit test reads a real public fixture from disk */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { realFixture } from '../../fixtures/real-fixtures';
import { checkMapping, suggestMapping } from '../../shared/importers/column-mapping';
import type { Decision } from '../../shared/model/records';
import { verifyChain } from '../../shared/case/activity-log';
import { caseFromActivity } from '../../shared/case/case-actions';
import { describeActivity } from '../case/describe-activity';
import { webSha256 } from '../case/web-sha256';
import { createCase, readActivity } from '../db/case-log';
import { db } from '../db/instance';
import { LineageDb } from '../db/lineage-db';
import { loadRecords } from '../db/load-evidence';
import type { FileOrigins } from './file-origins';
import { setImportWorkerFactory, useImports } from './import-store';
import { runImport } from './run-import';
import type { FromWorker, ToWorker } from './worker-protocol';

const NANNYML = realFixture('inference/nannyml/nannyml_california_housing_analysis.csv');
const NAME = 'nannyml_california_housing_analysis.csv';
const bytes = readFileSync(NANNYML);
const DROPPED_AT = '/home/ana/Downloads/nannyml_california_housing_analysis.csv';

/** The import worker, in this thread: the same runImport on the database the message names. */
function inThreadWorker(): Worker {
  const worker = {
    onmessage: null as ((event: MessageEvent<FromWorker>) => void) | null,
    onerror: null,
    postMessage(message: ToWorker) {
      if (message.type !== 'import' || !('file' in message.input)) return;
      const { jobId, input, mapping, caseId, dbName } = message;
      const target = dbName ? new LineageDb(dbName) : db;
      void runImport(target, input, {
        ...(mapping ? { mapping } : {}),
        ...(caseId ? { caseId } : {}),
        cancelled: () => false,
        onProgress: () => undefined,
      }).then((end) => worker.onmessage?.({ data: { type: 'end', jobId, end } } as MessageEvent<FromWorker>));
    },
  };
  return worker as unknown as Worker;
}

/** Electron's preload, faked: the path of the one File the test "dropped". */
const registered: string[] = [];
const fileOrigins: FileOrigins = {
  register: async (file) => (file.name === NAME ? (registered.push(DROPPED_AT), DROPPED_AT) : null),
};
(globalThis as { window?: unknown }).window = { fileOrigins };
setImportWorkerFactory(inThreadWorker);
afterAll(() => delete (globalThis as { window?: unknown }).window);

const until = async (check: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 400 && !(await check()); i += 1) await new Promise((r) => setTimeout(r, 25));
};

describe('importing in the desktop app, then mapping the CSV in a later session', () => {
  it('records where a dropped file was read, and asks for its column mapping', async () => {
    useImports.getState().importFiles([{ file: new File([bytes], NAME), name: NAME }]);
    await until(() => useImports.getState().mappingRequests.length > 0);
    const [source] = await db.sources.toArray();
    expect(registered).toEqual([DROPPED_AT]);
    expect(source).toMatchObject({ name: NAME, detected: 'csv', origin: { path: DROPPED_AT } });
    useImports.getState().dismissMapping(useImports.getState().mappingRequests[0]!.jobId);
  });

  it('refuses another file picked for the source, and maps the same one: 8,232 decisions replace none', async () => {
    const source = (await db.sources.toArray())[0]!;
    const { requestMapping, importWithMapping } = useImports.getState();
    const refused = await requestMapping(source, new File([bytes, '\n'], NAME));
    expect(refused).toMatch(/is not the file nannyml_california_housing_analysis\.csv was imported from/);
    expect(useImports.getState().mappingRequests).toEqual([]);

    expect(await requestMapping(source, new File([bytes], 'picked-again.csv'))).toBeUndefined();
    const request = useImports.getState().mappingRequests[0]!;
    expect(request).toMatchObject({ sourceId: source.id, name: NAME, preview: { format: 'csv' } });
    const mapping = {
      ...suggestMapping(request.preview.headers, undefined, request.preview.rows),
      constants: { 'model.name': 'california-housing' },
      timeOffset: 'Z',
    };
    expect(checkMapping(mapping, request.preview.headers)).toEqual([]);
    await importWithMapping(request, mapping);
    await until(() => useImports.getState().jobs.at(-1)?.end !== undefined);
    const decisions = (await loadRecords(db, [source.id])) as Decision[];
    expect(decisions).toHaveLength(8232);
    expect(await db.sources.get(source.id)).toMatchObject({ mapping, origin: { path: DROPPED_AT }, rejected: 0 });
    const job = useImports.getState().jobs.at(-1);
    expect(job?.end).toMatchObject({ status: 'imported', source: { id: source.id, detected: 'decision-log' } });
  });

  it('writes the changed mapping to the log of each case citing the source, and of no other', async () => {
    const source = (await db.sources.toArray())[0]!;
    const before = source.mapping!;
    await createCase(db, { id: 'housing', title: 'Housing', description: '', sourceIds: [source.id] });
    await createCase(db, { id: 'unrelated', title: 'Other', description: '', sourceIds: [] });
    const { requestMapping, importWithMapping } = useImports.getState();
    expect(await requestMapping(source, new File([bytes], NAME))).toBeUndefined();
    const request = useImports.getState().mappingRequests[0]!;
    expect(request.current).toEqual(before);
    const [kept, dropped] = [before.features!.slice(1), before.features![0]!];
    const mapping = { ...before, features: kept, constants: { 'model.name': 'housing-v2' } };
    const jobs = useImports.getState().jobs.length;
    await importWithMapping(request, mapping);
    await until(() => useImports.getState().jobs[jobs]?.end !== undefined);
    expect(useImports.getState().jobs[jobs]).toMatchObject({ end: { status: 'imported' } });
    expect(useImports.getState().jobs[jobs]?.note).toBeUndefined();

    const log = await readActivity(db, 'housing');
    expect(log.map((e) => e.action)).toEqual(['case.opened', 'mapping.changed']);
    expect(log[1]!.payload).toEqual({
      source: { name: NAME, kind: 'decision-log', sha256: source.sha256, records: 8232 },
      before,
      after: mapping,
    });
    expect((await verifyChain(log, webSha256)).ok).toBe(true);
    expect(caseFromActivity(log).id).toBe('housing');
    const text = describeActivity(log[1]!);
    expect(text).toContain(`Changed the column mapping of the source “${NAME}”`);
    expect(text).toContain(source.sha256.slice(0, 12));
    expect(text).toContain('model.name: fixed value “housing-v2” (was fixed value “california-housing”)');
    expect(text).toContain(`features: − ${dropped}`);
    expect((await readActivity(db, 'unrelated')).map((e) => e.action)).toEqual(['case.opened']);
  });
});
