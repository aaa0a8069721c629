import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../model/records';
import { importInput } from './index';

/** A page of `GET /v2/audit-logs` in the shape of the RudderStack Audit Logs API documentation's example. */
const page = {
  data: [
    {
      id: '2CHj1PJ61lv1NPyQtCiFi2KVX2y',
      actorId: '1vtoxffVBhY2c2iIS6o3GeM0O5B',
      actorType: 'user',
      targetId: '2CHj1QBfmNWmpHOMAAkfDZ66fCr',
      targetType: 'destination',
      action: 'created',
      ip: '::ffff:10.1.3.23',
      createdAt: '2022-07-22T05:03:08.928Z',
      workspaceId: '1vtp6E0bfo3FoGChWFW2f81fogc',
      organizationId: '1vtp6F2GdSqeAHciTsEpNaW9mKy',
    },
    {
      id: '2CHj6cFHxk11t2QekhPzKhuu7BK',
      actorId: '1vtoxffVBhY2c2iIS6o3GeM0O5B',
      actorType: 'user',
      targetId: '2CHj1QBfmNWmpHOMAAkfDZ66fCr',
      targetType: 'transformation',
      action: 'updated',
      createdAt: '2022-07-22T05:03:49.495Z',
      workspaceId: '1vtp6E0bfo3FoGChWFW2f81fogc',
    },
    { id: 'bad', actorId: 'u', targetType: 'source', action: 'deleted', createdAt: 'not a time' },
  ],
  paging: { next: '/v2/audit-logs?after_cursor=2CHj6cFHxk11t2QekhPzKhuu7BK&per_page=2', total: 200 },
};
const file = (text: string) => ({ name: 'audit-logs.json', sha256: 'a'.repeat(64), size: text.length, text });

describe('RudderStack Audit Logs API pages', () => {
  it('become audit entries: actor, target, the action named with its target type, the workspace', () => {
    const result = importInput(file(JSON.stringify(page, null, 2)));
    expect(result.detected).toBe('rudderstack-audit');
    const entries = result.records as AuditEntry[];
    expect(entries.map((e) => [e.id, e.action, e.target.type, e.target.id])).toEqual([
      ['2CHj1PJ61lv1NPyQtCiFi2KVX2y', 'destination.created', 'destination', '2CHj1QBfmNWmpHOMAAkfDZ66fCr'],
      ['2CHj6cFHxk11t2QekhPzKhuu7BK', 'transformation.updated', 'transformation', '2CHj1QBfmNWmpHOMAAkfDZ66fCr'],
    ]);
    expect(entries[0]).toMatchObject({
      actor: '1vtoxffVBhY2c2iIS6o3GeM0O5B',
      timestamp: '2022-07-22T05:03:08.928Z',
      environment: '1vtp6E0bfo3FoGChWFW2f81fogc',
      extra: { actorType: 'user', ip: '::ffff:10.1.3.23', organizationId: '1vtp6F2GdSqeAHciTsEpNaW9mKy' },
      provenance: { pointer: '/data/0' },
    });
    expect(result.rejections).toEqual([
      {
        sourceName: 'audit-logs.json',
        pointer: '/data/2',
        reason: 'field "createdAt" is invalid: "not a time" is not an RFC 3339 timestamp',
      },
    ]);
  });

  it('reads entries saved one per line, with their line numbers', () => {
    const text = page.data.map((e) => JSON.stringify(e)).join('\n');
    const result = importInput(file(text));
    expect(result.detected).toBe('rudderstack-audit');
    expect(result.records.map((r) => r.provenance.line)).toEqual([1, 2]);
    expect(result.rejections[0]?.line).toBe(3);
  });
});
