/**
 * A case on a saved connection asks the main process for its results: the request carries values only (the case's
 * other evidence without decisions, the changed lines read so far), the refusal of the engine that holds the log is
 * named on every analysed step, and the case decision is read there or its reason thrown.
 */
import { describe, expect, it } from 'vitest';
import type { IpcApi, IpcChannel, IpcRequest } from '../../shared/ipc/contract';
import { toEvidenceSet } from '../../shared/model/evidence-set';
import { decisionKey } from '../../shared/model/decision-key';
import type { Decision, EvidenceRecord } from '../../shared/model/records';
import { setApi } from '../api';
import { connectionDecision, deriveInConnection, withDecisions } from './connection-derive';

const decision = {
  kind: 'decision',
  decisionId: 'd-7',
  timestamp: '2026-03-01T10:00:00Z',
  model: { name: 'offer-eligibility' },
  features: [{ name: 'eligibility_flag', value: false }],
  provenance: { sourceId: 'abc' },
} as Decision;
const audit = {
  kind: 'audit',
  id: 'a-1',
  time: '2026-02-01T00:00:00Z',
  actor: 'ops',
  action: 'dataset.updated',
  target: { type: 'dataset', id: 'warehouse:x' },
  provenance: { sourceId: 'def', line: 1 },
} as unknown as EvidenceRecord;

/** A fake API answering with `answers`, recording each request. */
function fakeApi(answers: Partial<Record<IpcChannel, unknown>>) {
  const asked: Array<{ channel: IpcChannel; request: unknown }> = [];
  const api = {
    invoke: async <K extends IpcChannel>(channel: K, request: IpcRequest<K>) => {
      asked.push({ channel, request });
      return answers[channel];
    },
  } as IpcApi;
  setApi(api);
  return asked;
}

describe('a case on a saved connection', () => {
  it('sends the other evidence and the diffs read, and names the refusal on every analysed step', async () => {
    const asked = fakeApi({ 'connections:investigate': { refused: 'the onset is given' } });
    const derived = await deriveInConnection({
      connection: { id: 'c-1', name: 'Offer decisions' },
      evidence: toEvidenceSet([decision, audit]),
      decision,
      featureName: 'eligibility_flag',
      onset: 'v9',
      diffs: new Map([[`abc123\u0000features/x.sql`, '+a >= 30000']]),
    });
    expect(asked).toEqual([
      {
        channel: 'connections:investigate',
        request: {
          id: 'c-1',
          decisionId: 'd-7',
          model: 'offer-eligibility',
          featureName: 'eligibility_flag',
          options: { onset: 'v9' },
          evidence: [audit],
          diffs: [{ commit: 'abc123', path: 'features/x.sql', lines: '+a >= 30000' }],
        },
      },
    ]);
    const why =
      'Offer decisions cannot answer this investigation alone: the onset is given. ' +
      'To investigate it, import its decisions (Sources) and open a case on them.';
    expect(derived.results.errors).toEqual({ scope: why, trace: why, changes: why, governance: why, remediate: why });
    expect(derived.cited).toEqual([]);
  });

  it("reads the case decision in the connection, or throws the connection's reason", async () => {
    fakeApi({ 'connections:decision': { decision } });
    expect(await connectionDecision({ id: 'c-1' }, 'd-7')).toEqual(decision);
    fakeApi({ 'connections:decision': { reason: 'd-8 is not found in Offer decisions (/data/decisions)' } });
    await expect(connectionDecision({ id: 'c-1' }, 'd-8')).rejects.toThrow(
      'd-8 is not found in Offer decisions (/data/decisions)',
    );
  });

  it('asks for the decision of the model the case recorded, and without one sends no model', async () => {
    const asked = fakeApi({ 'connections:decision': { decision } });
    await connectionDecision({ id: 'c-1' }, 'd-7', 'offer-eligibility');
    await connectionDecision({ id: 'c-1' }, 'd-7');
    expect(asked.map((a) => a.request)).toEqual([
      { id: 'c-1', decisionId: 'd-7', model: 'offer-eligibility' },
      { id: 'c-1', decisionId: 'd-7' },
    ]);
  });

  it('refuses a decision of another model than the one the case recorded, naming both', async () => {
    fakeApi({ 'connections:decision': { decision } });
    expect(await connectionDecision({ id: 'c-1' }, 'd-7', 'offer-eligibility')).toEqual(decision);
    await expect(connectionDecision({ id: 'c-1', name: 'Fraud log' }, 'd-7', 'payment-fraud')).rejects.toThrow(
      'decision d-7 of model payment-fraud; Fraud log answers that id with a decision of model offer-eligibility',
    );
  });

  it('keeps a cited decision of another model beside the one with its id', () => {
    const other = { ...decision, model: { name: 'payment-fraud' } } as Decision;
    const byKey = withDecisions(new Map([[decisionKey(decision), decision]]), [other, decision]);
    expect(byKey.size).toBe(2);
    expect(byKey.get(decisionKey(other))).toBe(other);
    expect(byKey.get(decisionKey(decision))).toBe(decision);
  });
});
