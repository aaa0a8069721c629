import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EvidenceRecord } from '../../shared/model/records.js';
import { createGitRunner } from '../services/git-runner.js';
import { importInputs } from './import-inputs.js';

const work = mkdtempSync(join(tmpdir(), 'li-utf16-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const options = { git: createGitRunner(), cacheDir: join(work, 'cache') };

const text =
  '{"id":"dep-1","timestamp":"2026-01-01T00:00:00Z","environment":"prod","commit":"abcdef1","actor":"Zoë"}\n' +
  '{"id":"dep-2","timestamp":"2026-01-02T00:00:00Z","environment":"prod","commit":"abcdef2"}\n';

const utf16be = (s: string) => {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
};

describe('a file in UTF-16 with its byte order mark', () => {
  it.each([
    ['little-endian', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['big-endian', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)])],
  ])('is read as UTF-16 (%s), every record imported, nothing rejected', async (_, bytes) => {
    const dir = mkdtempSync(join(work, 'dir-'));
    writeFileSync(join(dir, 'deployments.jsonl'), bytes);
    const records: EvidenceRecord[] = [];
    const { imported } = await importInputs([dir], { ...options, onRecords: (r) => records.push(...r) });
    expect(imported[0]?.summary).toMatchObject({ detected: 'deployments', rejectedCount: 0, warningCount: 0 });
    expect(records.map((r) => (r.kind === 'deployment' ? [r.id, r.actor] : []))).toEqual([
      ['dep-1', 'Zoë'],
      ['dep-2', undefined],
    ]);
  });
});
