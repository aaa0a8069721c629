import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeMetrics } from '../../shared/metrics/metrics';
import { toEvidenceSet } from '../../shared/model/evidence-set';
import { createCase, recordCaseAction } from '../db/case-log';
import { db } from '../db/instance';
import { loadMetricCases } from './metric-cases';

/** Opens case `id` at `openedAt` and confirms its root cause `hours` later. */
async function confirmedCase(id: string, title: string, openedAt: string, hours: number) {
  await createCase(db, { id, title, description: '', sourceIds: [], owner: 'Maria Keller', createdAt: openedAt });
  await recordCaseAction(db, id, {
    time: new Date(Date.parse(openedAt) + hours * 3_600_000).toISOString(),
    actor: 'Maria Keller',
    action: 'root-cause.confirmed',
    payload: { statement: `${title}: the threshold change`, changeIds: [] },
  });
}
const lifecycle = (id: string, action: 'case.archived' | 'case.deleted') =>
  recordCaseAction(db, id, { action, payload: {}, time: '2026-04-01T09:00:00Z', actor: 'Maria Keller' });

beforeEach(async () => {
  await confirmedCase('kept', 'Refused offer', '2026-03-02T08:00:00Z', 2);
  await confirmedCase('archived', 'Fraud score jump', '2026-03-03T08:00:00Z', 6);
  await confirmedCase('deleted', 'Opened by mistake', '2026-03-04T08:00:00Z', 40);
  await lifecycle('archived', 'case.archived');
  await lifecycle('deleted', 'case.deleted');
});
afterEach(async () => {
  await db.cases.clear();
  await db.activity.clear();
});

describe('the cases lineage maturity counts', () => {
  it('leaves a deleted case out and counts an archived one, in time-to-root-cause too', async () => {
    const cases = (await loadMetricCases(db)).sort((a, b) => a.openedAt.localeCompare(b.openedAt));
    expect(cases.map((c) => [c.title, Boolean(c.archivedAt)])).toEqual([
      ['Refused offer', false],
      ['Fraud score jump', true],
    ]);
    const ttrc = computeMetrics(toEvidenceSet([]), cases).find((m) => m.id === 'time-to-root-cause')!;
    expect(ttrc.details.perCase).toEqual([
      expect.objectContaining({ id: 'kept', hours: 2 }),
      expect.objectContaining({ id: 'archived', hours: 6 }),
    ]);
    expect(ttrc.value).toBe(4);
  });
});
