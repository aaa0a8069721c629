/**
 * A Monitor alert over two models' decision logs numbered alike: the case opened on it records the alert's model
 * beside the representative decision's id, so it opens on that model's decision and not the other's of that id.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { modelsWithDecision } from '../../shared/model/decision-key';
import { readActivity } from '../db/case-log';
import { db } from '../db/instance';
import { twoModelEvidence } from '../stores/two-model-evidence';
import { monitorAlerts } from './monitor-view';
import { openAlertCase } from './open-alert-case';

afterAll(async () => {
  await db.delete();
});

describe('opening a case on a Monitor alert', () => {
  it('records the model of the alert beside the decision id two models hold', async () => {
    const decisions = twoModelEvidence().decisions;
    const alert = monitorAlerts(decisions).find((a) => a.representative)!;
    expect(alert).toBeDefined();
    const decisionId = alert.representative!.decisionId;
    expect(modelsWithDecision(decisions, decisionId)).toHaveLength(2);
    const caseId = await openAlertCase(alert, []);
    expect(await db.getCase(caseId)).toMatchObject({ decisionId, decisionModel: alert.model });
  });

  it("presets the onset to the representative decision's time as an entry of the case's chain", async () => {
    const alert = monitorAlerts(twoModelEvidence().decisions).find((a) => a.representative)!;
    const onset = alert.representative!.timestamp;
    const caseId = await openAlertCase(alert, []);
    expect((await db.getCase(caseId))?.onsetOverride).toBe(onset);
    const actions = (await readActivity(db, caseId)).map((e) => e.action);
    expect(actions).toEqual(['case.opened', 'annotation.added', 'onset.set']);
    expect((await readActivity(db, caseId)).at(-1)?.payload).toEqual({ onset });
  });
});
