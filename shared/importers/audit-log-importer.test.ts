import { describe, expect, it } from 'vitest';
import { importAuditLog } from './audit-log-importer';

const source = { id: 'audit-sha', name: 'audit.jsonl' };
const entry = {
  id: 'a-9',
  timestamp: '2026-11-18T11:02:00Z',
  actor: 'bob@example.com',
  action: 'transformation.updated',
  target: { type: 'transformation', id: 'tr-7', name: 'normalize_country' },
  environment: 'production',
  channel: 'ui',
  before: { code: 'a' },
  after: { code: 'b' },
};

describe('generic audit log importer', () => {
  it('maps the FORMATS.md example', () => {
    const result = importAuditLog(JSON.stringify(entry), source);
    expect(result.records).toEqual([
      {
        kind: 'audit',
        ...entry,
        timestamp: '2026-11-18T11:02:00.000Z',
        provenance: { sourceId: 'audit-sha', line: 1 },
      },
    ]);
  });

  it('rejects an entry without target id and warns on an unknown channel', () => {
    const text = [
      JSON.stringify({ ...entry, target: { type: 'transformation' } }),
      JSON.stringify({ ...entry, id: 'a-10', channel: 'terraform' }),
    ].join('\n');
    const result = importAuditLog(text, source);
    expect(result.rejections).toEqual([
      { sourceName: 'audit.jsonl', line: 1, reason: 'missing required field "target.id"' },
    ]);
    expect(result.records).toHaveLength(1);
    expect(result.warnings[0]?.message).toBe('channel "terraform" is not one of ui, api, cli');
  });
});
