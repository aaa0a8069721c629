/**
 * Two models' decision logs imported into one case, numbered alike: every id of the first log is also an id of the
 * second. The open case knows a decision by its model and its id — selecting one model's decision shows that
 * decision, its inputs and its results, and the case saves the model beside the id — and a case saved before the
 * model was recorded opens on its id only where one model holds it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importInput } from '../../shared/importers';
import type { InputFile } from '../../shared/ipc/contract';
import { decisionKey } from '../../shared/model/decision-key';
import type { Decision } from '../../shared/model/records';
import { sha256Sync } from '../case/web-sha256';
import { createCase, readActivity } from '../db/case-log';
import { importResult } from '../db/import-result';
import { db } from '../db/instance';
import { useInvestigation } from './investigation-store';
import { useCaseLog } from './case-log-store';
import { useSettings } from './settings-store';
import { verifyChain } from '../../shared/case/activity-log';
import { webSha256 as sha256Web } from '../case/web-sha256';

const CREDIT = 'credit-limit';
const FRAUD = 'card-fraud';
const DAY = 24 * 3_600_000;
const START = Date.parse('2026-05-01T09:00:00Z');

/** A model's decision log as JSONL: ids `c-1`… `c-<n>`, one decision a day, its action turning after `turn`. */
function decisionLog(model: string, feature: string, minutes: number, n: number, turn: number): InputFile {
  const lines = Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      decision_id: `c-${i + 1}`,
      timestamp: new Date(START + i * DAY + minutes * 60_000).toISOString(),
      subject_id: `s-${i % 5}`,
      model: { name: model, version: '2.0.0' },
      environment: 'production',
      action: i >= turn ? `${model}-declined` : `${model}-accepted`,
      features: [{ name: feature, value: i >= turn ? 1 : 0, dataset: { namespace: 'wh', name: `${model}.features` } }],
    }),
  );
  const text = lines.join('\n') + '\n';
  return { name: `${model}.jsonl`, sha256: sha256Sync(text), size: text.length, text };
}

const credit = decisionLog(CREDIT, 'utilization', 0, 30, 20);
// The fraud log holds one more decision than the credit log: its last id is the fraud model's alone.
const fraud = decisionLog(FRAUD, 'txn_velocity', 7, 31, 12);
const sourceIds = [credit.sha256, fraud.sha256];

beforeAll(async () => {
  for (const file of [credit, fraud]) await importResult(db, file, importInput(file));
});
afterAll(async () => {
  useInvestigation.getState().reset();
  await db.delete();
});

let cases = 0;
async function openCase(decisionId: string | undefined, decisionModel?: string): Promise<string> {
  const id = `two-models-${++cases}`;
  await createCase(db, {
    id,
    title: 'Two models',
    description: '',
    sourceIds,
    ...(decisionId !== undefined && { decisionId }),
    ...(decisionModel !== undefined && { decisionModel }),
  });
  await useInvestigation.getState().load(id);
  expect(useInvestigation.getState().status).toBe('ready');
  return id;
}

const current = () => useInvestigation.getState();
const decisionOf = (model: string, id: string): Decision =>
  current().evidence!.decisions.find((d) => d.model.name === model && d.decisionId === id)!;
/** The results once the engine answered for the selected decision. */
async function settled() {
  await vi.waitFor(() => expect(current().results.pending ?? false).toBe(false), { timeout: 10_000 });
  return current().results;
}

describe('a case over two models whose decision logs share ids', () => {
  it('opens on the model the case recorded, with its inputs and results', async () => {
    await openCase('c-25', FRAUD);
    expect(current().decision).toMatchObject({ decisionId: 'c-25', model: { name: FRAUD } });
    expect(current().featureName).toBe('txn_velocity');
    const results = await settled();
    expect(results.trace?.featureName).toBe('txn_velocity');
    expect(results.engine?.decision).toBe(decisionOf(FRAUD, 'c-25'));
    expect(results.engine?.suspects.onset.outcome).toBe(`${FRAUD}-declined`);
    const scoped = results.engine?.scope.decisions ?? [];
    expect(scoped.length).toBeGreaterThan(0);
    // Each affected decision is the store's own decision of its model: the fraud model's, whose input it read.
    for (const d of scoped) expect(d).toBe(decisionOf(FRAUD, d.decisionId));
  });

  it('selecting the other model’s decision of the same id shows that decision and saves its model', async () => {
    const caseId = await openCase('c-25', FRAUD);
    await settled();
    current().selectDecision(decisionKey(decisionOf(CREDIT, 'c-25')));
    expect(current().decision).toBe(decisionOf(CREDIT, 'c-25'));
    expect(current().decision!.action).toBe(`${CREDIT}-declined`);
    expect(current().featureName).toBe('utilization');
    const results = await settled();
    expect(results.trace?.featureName).toBe('utilization');
    expect(results.engine?.decision).toBe(decisionOf(CREDIT, 'c-25'));
    expect(results.engine?.suspects.onset.outcome).toBe(`${CREDIT}-declined`);
    for (const d of results.engine?.scope.decisions ?? []) expect(d).toBe(decisionOf(CREDIT, d.decisionId));
    await vi.waitFor(async () =>
      expect(await db.getCase(caseId)).toMatchObject({ decisionId: 'c-25', decisionModel: CREDIT }),
    );
    // Reopened, the case is on the credit model's decision, not the fraud model's of the same id.
    await useInvestigation.getState().load(caseId);
    expect(current().decision).toBe(decisionOf(CREDIT, 'c-25'));
  });

  it('keys every decision by model and id: both logs are whole in the index', async () => {
    await openCase(undefined);
    expect(current().decisionsByKey.size).toBe(30 + 31);
    expect(current().decisionsByKey.get(decisionKey(decisionOf(FRAUD, 'c-3')))!.model.name).toBe(FRAUD);
  });
});

describe('a case saved before the decision’s model was recorded', () => {
  it('does not guess when both models hold its id: no decision, and both models named', async () => {
    await openCase('c-25');
    expect(current().decision).toBeUndefined();
    expect(current().ambiguousDecision).toEqual({ decisionId: 'c-25', models: [CREDIT, FRAUD] });
    current().selectDecision(decisionKey(decisionOf(FRAUD, 'c-25')));
    expect(current().decision).toBe(decisionOf(FRAUD, 'c-25'));
    expect(current().ambiguousDecision).toBeUndefined();
  });

  it('opens on its decision when one model alone holds the id', async () => {
    await openCase('c-31');
    expect(current().decision).toBe(decisionOf(FRAUD, 'c-31'));
    expect(current().ambiguousDecision).toBeUndefined();
  });
});

describe("the investigator's choices in the case's activity log", () => {
  it('chains the onset set by hand, the decision chosen and the threshold, and keeps the chain whole', async () => {
    const caseId = await openCase('c-25', FRAUD);
    await useCaseLog.getState().load(caseId);
    expect(useCaseLog.getState().status).toBe('ready');
    await settled();
    await current().setOnset('2026-05-12T00:00:00Z');
    current().selectDecision(decisionKey(decisionOf(CREDIT, 'c-25')));
    const threshold = useSettings.getState().notifyThreshold;
    useSettings.getState().setNotifyThreshold(threshold + 7);
    await current().setOnset(undefined);
    await vi.waitFor(async () => expect((await readActivity(db, caseId)).map((e) => e.action)).toHaveLength(5));
    const log = await readActivity(db, caseId);
    expect(log.map((e) => [e.action, e.payload])).toEqual([
      ['case.opened', expect.objectContaining({ decisionIds: ['c-25'] })],
      ['onset.set', { onset: '2026-05-12T00:00:00Z' }],
      ['focus.set', { decisionId: 'c-25', model: CREDIT, featureName: 'utilization' }],
      ['threshold.set', { notifyThreshold: threshold + 7 }],
      ['onset.set', {}],
    ]);
    expect((await verifyChain(log, sha256Web)).ok).toBe(true);
    useSettings.getState().setNotifyThreshold(threshold);
  });

  it('writes the onset to the case row and its entry to the log together, or neither', async () => {
    const caseId = await openCase('c-25', FRAUD);
    await useCaseLog.getState().load(caseId);
    await settled();
    const stored = async () => ({
      onset: (await db.cases.get(caseId))?.onsetOverride,
      entries: (await readActivity(db, caseId)).map((e) => [e.action, e.payload]),
    });
    await current().setOnset('2026-05-12T00:00:00Z');
    const saved = await stored();
    expect(saved.onset).toBe('2026-05-12T00:00:00Z');
    expect(saved.entries.at(-1)).toEqual(['onset.set', { onset: '2026-05-12T00:00:00Z' }]);

    // The row's write fails inside the transaction (a crash, a full disk): its entry is not kept either.
    const update = vi.spyOn(db.cases, 'update').mockRejectedValueOnce(new Error('disk full'));
    await current().setOnset('2026-05-20T00:00:00Z');
    update.mockRestore();
    expect(current().error).toMatch(/^Could not save the onset: .*disk full/);
    expect(await stored()).toEqual(saved);

    // A log that no longer verifies takes no entry, and the row keeps its onset.
    const [opened] = await readActivity(db, caseId);
    await db.activity.put({ ...opened!, caseId, payload: { ...(opened!.payload as object), title: 'edited' } });
    await current().setOnset(undefined);
    expect(current().error).toMatch(/^Could not save the onset: .*broken/);
    expect((await stored()).onset).toBe('2026-05-12T00:00:00Z');
    expect((await stored()).entries).toHaveLength(saved.entries.length);
  });
});
